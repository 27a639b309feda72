// Reader comments in PostgreSQL: the floors and replies readers see, the moderation queue (every
// status), and floor numbers given on first approval (the article's row is locked while its next
// number is taken, so two processes approving at once never give one number twice).
import type { Comment, CommentStatus } from '../../domain/types.js';
import type { NewComment, ModerationComment, CommentRepository, CommentRow, ModerationRow } from '../../repositories/comment-repository.js';
import { COMMENT_COLUMNS as COLUMNS, toComment, toShownFloor } from '../../repositories/comment-repository.js';
import type { Sql } from './sql.js';

const NEXT_FLOOR =
  '(SELECT COALESCE(MAX(f.floor), 0) + 1 FROM comments f WHERE f.article_id = comments.article_id AND f.floor IS NOT NULL)';

export class PostgresCommentRepository implements CommentRepository {
  constructor(private readonly sql: Sql) {}

  async listFloors(articleId: number, options: { limit: number; offset?: number; newestFirst: boolean }): Promise<Comment[]> {
    const rows = await this.sql.rows<CommentRow>(
      `SELECT ${COLUMNS} FROM comments WHERE article_id = $1 AND floor IS NOT NULL
       ORDER BY floor ${options.newestFirst ? 'DESC' : ''} LIMIT $2 OFFSET $3`,
      [articleId, options.limit, options.offset ?? 0],
    );
    return rows.map(toShownFloor);
  }

  async countFloors(articleId: number): Promise<number> {
    return (await this.sql.value<number>('SELECT COUNT(*) FROM comments WHERE article_id = $1 AND floor IS NOT NULL', [articleId])) ?? 0;
  }

  async listReplies(parentIds: readonly number[], perParent: number): Promise<Comment[]> {
    if (parentIds.length === 0) return [];
    const rows = await this.sql.rows<CommentRow>(
      `SELECT ${COLUMNS} FROM (
         SELECT *, ROW_NUMBER() OVER (PARTITION BY parent_id ORDER BY created_at, id) AS n FROM comments
         WHERE parent_id = ANY($1::bigint[]) AND status = 'approved'
       ) AS replies WHERE n <= $2 ORDER BY parent_id, created_at, id`,
      [[...parentIds], perParent],
    );
    return rows.map(toComment);
  }

  async countApproved(articleId: number): Promise<number> {
    return (await this.sql.value<number>("SELECT COUNT(*) FROM comments WHERE article_id = $1 AND status = 'approved'", [articleId])) ?? 0;
  }

  async create(comment: NewComment, now: number): Promise<number> {
    const parentId = comment.parentId ?? null;
    const takesFloor = comment.status === 'approved' && parentId === null;
    if (takesFloor) await this.lockFloors(comment.articleId);
    const id = await this.sql.value<number>(
      `INSERT INTO comments (article_id, parent_id, floor, nickname, body, status, ip_hash, network, ip_region, appeal_hash, created_at)
       VALUES ($1, $10, CASE WHEN $11 THEN (SELECT COALESCE(MAX(floor), 0) + 1 FROM comments WHERE article_id = $1 AND floor IS NOT NULL) END,
               $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        comment.articleId,
        comment.nickname,
        comment.body,
        comment.status,
        comment.ipHash,
        comment.network ?? null,
        comment.ipRegion ?? null,
        comment.appealHash ?? null,
        now,
        parentId,
        takesFloor,
      ],
    );
    return id!;
  }

  /** Holds the article's row until the transaction ends: its next floor number is taken by one writer at a time. */
  private async lockFloors(articleId: number): Promise<void> {
    await this.sql.rows('SELECT id FROM articles WHERE id = $1 FOR NO KEY UPDATE', [articleId]);
  }

  async countFromAddressSince(ipHash: string, since: number): Promise<number> {
    return (await this.sql.value<number>('SELECT COUNT(*) FROM comments WHERE ip_hash = $1 AND created_at > $2', [ipHash, since])) ?? 0;
  }

  async hasText(articleId: number, body: string): Promise<boolean> {
    // The article's comments by index, then the body compared row by row (no index holds it).
    const found = await this.sql.value<number>('SELECT 1 FROM comments WHERE article_id = $1 AND body = $2 LIMIT 1', [articleId, body]);
    return found !== undefined;
  }

  async countByStatus(): Promise<Record<CommentStatus, number>> {
    const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, rejected: 0, spam: 0, deleted: 0 };
    const rows = await this.sql.rows<{ status: CommentStatus; n: number }>('SELECT status, COUNT(*) AS n FROM comments GROUP BY status');
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  async listByStatus(
    status: CommentStatus,
    options: { limit: number; offset?: number; oldestFirst?: boolean },
  ): Promise<ModerationComment[]> {
    const order = options.oldestFirst ? 'c.created_at, c.id' : 'c.created_at DESC, c.id DESC';
    const rows = await this.sql.rows<ModerationRow>(
      `SELECT c.id, c.article_id, c.nickname, c.body, c.status, c.created_at, c.ip_region, c.parent_id, c.floor,
         c.network, a.title AS article_title
       FROM comments c LEFT JOIN articles a ON a.id = c.article_id
       WHERE c.status = $1 ORDER BY ${order} LIMIT $2 OFFSET $3`,
      [status, options.limit, options.offset ?? 0],
    );
    return rows.map((row) => ({ ...toComment(row), articleTitle: row.article_title, network: row.network }));
  }

  async findByAppealHash(appealHash: string): Promise<Comment | undefined> {
    const row = await this.sql.row<CommentRow>(`SELECT ${COLUMNS} FROM comments WHERE appeal_hash = $1`, [appealHash]);
    return row && toComment(row);
  }

  async findById(id: number): Promise<Comment | undefined> {
    const row = await this.sql.row<CommentRow>(`SELECT ${COLUMNS} FROM comments WHERE id = $1`, [id]);
    return row && toComment(row);
  }

  async setStatus(ids: readonly number[], status: CommentStatus): Promise<Comment[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    if (status !== 'approved') {
      const rows = await this.sql.rows<CommentRow>(
        `UPDATE comments SET status = $2 WHERE id = ANY($1::bigint[]) AND status <> $2 RETURNING ${COLUMNS}`,
        [ascending(unique), status],
      );
      return inOrderOf(unique, rows).map(toComment);
    }
    // One at a time: each approval may take the next floor of its article, which the one before took.
    const approved: Comment[] = [];
    for (const id of unique) {
      const articleId = await this.sql.value<number>(
        "SELECT article_id FROM comments WHERE id = $1 AND status <> 'approved' AND parent_id IS NULL AND floor IS NULL",
        [id],
      );
      if (articleId !== undefined) await this.lockFloors(articleId);
      const row = await this.sql.row<CommentRow>(
        `UPDATE comments SET status = 'approved',
           floor = CASE WHEN parent_id IS NULL AND floor IS NULL THEN ${NEXT_FLOOR} ELSE floor END
         WHERE id = $1 AND status <> 'approved' RETURNING ${COLUMNS}`,
        [id],
      );
      if (row) approved.push(toComment(row));
    }
    return approved;
  }
}

/** ids in ascending order: the rows are locked in one order by every writer */
function ascending(ids: readonly number[]): number[] {
  return [...ids].sort((a, b) => a - b);
}

/** RETURNING rows come in no set order: put them in the order the ids were given, as SQLite returns them. */
function inOrderOf(ids: readonly number[], rows: CommentRow[]): CommentRow[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
