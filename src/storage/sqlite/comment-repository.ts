// Reader comments in SQLite: the floors and replies readers see, the moderation queue (every
// status), and floor numbers given on first approval.
import type { Db } from './database.js';
import type { Comment, CommentStatus } from '../../domain/types.js';
import type { NewComment, ModerationComment, CommentRepository, CommentRow, ModerationRow } from '../../repositories/comment-repository.js';
import { COMMENT_COLUMNS, toComment, toShownFloor } from '../../repositories/comment-repository.js';

export class SqliteCommentRepository implements CommentRepository {
  private readonly floorsOldestFirst;
  private readonly floorsNewestFirst;
  private readonly floorCount;
  private readonly countByArticle;
  private readonly insert;
  private readonly countByIpSince;
  private readonly sameText;
  private readonly statusCounts;
  private readonly byStatus;
  private readonly byStatusOldestFirst;
  private readonly byId;
  private readonly byAppealHash;
  private readonly updateStatus;
  private readonly repliesOf;

  constructor(db: Db) {
    // A floor is a top-level comment (no parent): naming that here lets comments_by_floor
    // (migration 0018) answer alone, without reading the comments' rows.
    const floorColumns = COMMENT_COLUMNS.replace('parent_id', 'NULL AS parent_id');
    const floors = `SELECT ${floorColumns} FROM comments WHERE article_id = @articleId AND floor IS NOT NULL`;
    this.floorsOldestFirst = db.prepare<{ articleId: number; limit: number; offset: number }, CommentRow>(
      `${floors} ORDER BY floor LIMIT @limit OFFSET @offset`,
    );
    this.floorsNewestFirst = db.prepare<{ articleId: number; limit: number; offset: number }, CommentRow>(
      `${floors} ORDER BY floor DESC LIMIT @limit OFFSET @offset`,
    );
    this.floorCount = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM comments WHERE article_id = ? AND floor IS NOT NULL');
    this.countByArticle = db.prepare<[number], { n: number }>(
      "SELECT COUNT(*) AS n FROM comments WHERE article_id = ? AND status = 'approved'",
    );
    // The next floor of an article: numbers are never given twice, and removed floors keep theirs.
    const nextFloor = '(SELECT COALESCE(MAX(f.floor), 0) + 1 FROM comments f WHERE f.article_id = @articleId AND f.floor IS NOT NULL)';
    this.insert = db.prepare(
      `INSERT INTO comments (article_id, parent_id, floor, nickname, body, status, ip_hash, network, ip_region, appeal_hash, created_at)
       VALUES (@articleId, @parentId, CASE WHEN @status = 'approved' AND @parentId IS NULL THEN ${nextFloor} END,
               @nickname, @body, @status, @ipHash, @network, @ipRegion, @appealHash, @now)`,
    );
    this.countByIpSince = db.prepare<[string, number], { n: number }>(
      'SELECT COUNT(*) AS n FROM comments WHERE ip_hash = ? AND created_at > ?',
    );
    this.sameText = db.prepare<[number, string], { id: number }>('SELECT id FROM comments WHERE article_id = ? AND body = ? LIMIT 1');
    this.statusCounts = db.prepare<[], { status: CommentStatus; n: number }>('SELECT status, COUNT(*) AS n FROM comments GROUP BY status');
    const queue = `SELECT c.id, c.article_id, c.nickname, c.body, c.status, c.created_at, c.ip_region, c.parent_id, c.floor,
       c.network, a.title AS article_title
       FROM comments c LEFT JOIN articles a ON a.id = c.article_id WHERE c.status = @status`;
    this.byStatus = db.prepare<{ status: CommentStatus; limit: number; offset: number }, ModerationRow>(
      `${queue} ORDER BY c.created_at DESC, c.id DESC LIMIT @limit OFFSET @offset`,
    );
    this.byStatusOldestFirst = db.prepare<{ status: CommentStatus; limit: number; offset: number }, ModerationRow>(
      `${queue} ORDER BY c.created_at, c.id LIMIT @limit OFFSET @offset`,
    );
    this.byId = db.prepare<[number], CommentRow>(`SELECT ${COMMENT_COLUMNS} FROM comments WHERE id = ?`);
    this.byAppealHash = db.prepare<[string], CommentRow>(`SELECT ${COMMENT_COLUMNS} FROM comments WHERE appeal_hash = ?`);
    this.updateStatus = db.prepare<{ id: number; status: CommentStatus }, CommentRow>(
      `UPDATE comments SET status = @status,
         floor = CASE WHEN @status = 'approved' AND parent_id IS NULL AND floor IS NULL
                      THEN (SELECT COALESCE(MAX(f.floor), 0) + 1 FROM comments f WHERE f.article_id = comments.article_id AND f.floor IS NOT NULL)
                      ELSE floor END
       WHERE id = @id AND status <> @status
       RETURNING ${COMMENT_COLUMNS}`,
    );
    this.repliesOf = db.prepare<[string, number], CommentRow>(
      `SELECT ${COMMENT_COLUMNS} FROM (
         SELECT *, ROW_NUMBER() OVER (PARTITION BY parent_id ORDER BY created_at, id) AS n FROM comments
         WHERE parent_id IN (SELECT value FROM json_each(?)) AND status = 'approved'
       ) WHERE n <= ? ORDER BY parent_id, created_at, id`,
    );
  }

  async listFloors(articleId: number, options: { limit: number; offset?: number; newestFirst: boolean }): Promise<Comment[]> {
    const statement = options.newestFirst ? this.floorsNewestFirst : this.floorsOldestFirst;
    return statement.all({ articleId, limit: options.limit, offset: options.offset ?? 0 }).map(toShownFloor);
  }

  async countFloors(articleId: number): Promise<number> {
    return this.floorCount.get(articleId)?.n ?? 0;
  }

  async listReplies(parentIds: readonly number[], perParent: number): Promise<Comment[]> {
    if (parentIds.length === 0) return [];
    return this.repliesOf.all(JSON.stringify(parentIds), perParent).map(toComment);
  }

  async countApproved(articleId: number): Promise<number> {
    return this.countByArticle.get(articleId)?.n ?? 0;
  }

  async create(comment: NewComment, now: number): Promise<number> {
    return Number(
      this.insert.run({
        ...comment,
        parentId: comment.parentId ?? null,
        network: comment.network ?? null,
        ipRegion: comment.ipRegion ?? null,
        appealHash: comment.appealHash ?? null,
        now,
      }).lastInsertRowid,
    );
  }

  async countByStatus(): Promise<Record<CommentStatus, number>> {
    const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, rejected: 0, spam: 0, deleted: 0 };
    for (const row of this.statusCounts.all()) counts[row.status] = row.n;
    return counts;
  }

  async listByStatus(
    status: CommentStatus,
    options: { limit: number; offset?: number; oldestFirst?: boolean },
  ): Promise<ModerationComment[]> {
    return (options.oldestFirst ? this.byStatusOldestFirst : this.byStatus)
      .all({ status, limit: options.limit, offset: options.offset ?? 0 })
      .map((row) => ({ ...toComment(row), articleTitle: row.article_title, network: row.network }));
  }

  async findByAppealHash(appealHash: string): Promise<Comment | undefined> {
    const row = this.byAppealHash.get(appealHash);
    return row && toComment(row);
  }

  async findById(id: number): Promise<Comment | undefined> {
    const row = this.byId.get(id);
    return row && toComment(row);
  }

  async setStatus(ids: readonly number[], status: CommentStatus): Promise<Comment[]> {
    return [...new Set(ids)].flatMap((id) => this.updateStatus.all({ id, status })).map(toComment);
  }

  async countFromAddressSince(ipHash: string, since: number): Promise<number> {
    return this.countByIpSince.get(ipHash, since)?.n ?? 0;
  }

  async hasText(articleId: number, body: string): Promise<boolean> {
    return this.sameText.get(articleId, body) !== undefined;
  }
}
