// Reader comments in PostgreSQL. Readers see and count only approved comments; the moderation
// queue sees every status.
import type { Comment, CommentStatus } from '../../domain/types.js';
import type { NewComment, ModerationComment, CommentRepository, CommentRow, ModerationRow } from '../../repositories/comment-repository.js';
import { toComment } from '../../repositories/comment-repository.js';
import type { Sql } from './sql.js';

const COLUMNS = 'id, article_id, nickname, body, status, created_at, ip_region';

export class PostgresCommentRepository implements CommentRepository {
  constructor(private readonly sql: Sql) {}

  async listApproved(articleId: number, options: { limit: number; offset?: number; newestFirst: boolean }): Promise<Comment[]> {
    const order = options.newestFirst ? 'created_at DESC, id DESC' : 'created_at, id';
    const rows = await this.sql.rows<CommentRow>(
      `SELECT ${COLUMNS} FROM comments WHERE article_id = $1 AND status = 'approved'
       ORDER BY ${order} LIMIT $2 OFFSET $3`,
      [articleId, options.limit, options.offset ?? 0],
    );
    return rows.map(toComment);
  }

  async countApproved(articleId: number): Promise<number> {
    return (await this.sql.value<number>("SELECT COUNT(*) FROM comments WHERE article_id = $1 AND status = 'approved'", [articleId])) ?? 0;
  }

  async create(comment: NewComment, now: number): Promise<number> {
    const id = await this.sql.value<number>(
      `INSERT INTO comments (article_id, nickname, body, status, ip_hash, network, ip_region, appeal_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
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
      ],
    );
    return id!;
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
    const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, rejected: 0, spam: 0 };
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
      `SELECT c.id, c.article_id, c.nickname, c.body, c.status, c.created_at, c.ip_region, c.network, a.title AS article_title
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
    const rows = await this.sql.rows<CommentRow>(
      `UPDATE comments SET status = $2 WHERE id = ANY($1::bigint[]) AND status <> $2 RETURNING ${COLUMNS}`,
      [ascending(unique), status],
    );
    return inOrderOf(unique, rows).map(toComment);
  }

  async deleteMany(ids: readonly number[]): Promise<Comment[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const rows = await this.sql.rows<CommentRow>(`DELETE FROM comments WHERE id = ANY($1::bigint[]) RETURNING ${COLUMNS}`, [
      ascending(unique),
    ]);
    return inOrderOf(unique, rows).map(toComment);
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
