// Reader comments in SQLite. Readers see and count only approved comments; the moderation
// queue sees every status.
import type { Db } from './database.js';
import type { Comment, CommentStatus } from '../../domain/types.js';
import type { NewComment, ModerationComment, CommentRepository, CommentRow, ModerationRow } from '../../repositories/comment-repository.js';
import { toComment } from '../../repositories/comment-repository.js';

export class SqliteCommentRepository implements CommentRepository {
  private readonly oldestFirst;
  private readonly newestFirst;
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
  private readonly remove;

  constructor(db: Db) {
    const select = `SELECT id, article_id, nickname, body, status, created_at, ip_region FROM comments
                    WHERE article_id = @articleId AND status = 'approved'`;
    this.oldestFirst = db.prepare<{ articleId: number; limit: number; offset: number }, CommentRow>(
      `${select} ORDER BY created_at, id LIMIT @limit OFFSET @offset`,
    );
    this.newestFirst = db.prepare<{ articleId: number; limit: number; offset: number }, CommentRow>(
      `${select} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset`,
    );
    this.countByArticle = db.prepare<[number], { n: number }>(
      "SELECT COUNT(*) AS n FROM comments WHERE article_id = ? AND status = 'approved'",
    );
    this.insert = db.prepare(
      `INSERT INTO comments (article_id, nickname, body, status, ip_hash, network, ip_region, appeal_hash, created_at)
       VALUES (@articleId, @nickname, @body, @status, @ipHash, @network, @ipRegion, @appealHash, @now)`,
    );
    this.countByIpSince = db.prepare<[string, number], { n: number }>(
      'SELECT COUNT(*) AS n FROM comments WHERE ip_hash = ? AND created_at > ?',
    );
    this.sameText = db.prepare<[number, string], { id: number }>('SELECT id FROM comments WHERE article_id = ? AND body = ? LIMIT 1');
    this.statusCounts = db.prepare<[], { status: CommentStatus; n: number }>('SELECT status, COUNT(*) AS n FROM comments GROUP BY status');
    const queue = `SELECT c.id, c.article_id, c.nickname, c.body, c.status, c.created_at, c.ip_region, c.network, a.title AS article_title
       FROM comments c LEFT JOIN articles a ON a.id = c.article_id WHERE c.status = @status`;
    this.byStatus = db.prepare<{ status: CommentStatus; limit: number; offset: number }, ModerationRow>(
      `${queue} ORDER BY c.created_at DESC, c.id DESC LIMIT @limit OFFSET @offset`,
    );
    this.byStatusOldestFirst = db.prepare<{ status: CommentStatus; limit: number; offset: number }, ModerationRow>(
      `${queue} ORDER BY c.created_at, c.id LIMIT @limit OFFSET @offset`,
    );
    this.byId = db.prepare<[number], CommentRow>(
      'SELECT id, article_id, nickname, body, status, created_at, ip_region FROM comments WHERE id = ?',
    );
    this.byAppealHash = db.prepare<[string], CommentRow>(
      'SELECT id, article_id, nickname, body, status, created_at, ip_region FROM comments WHERE appeal_hash = ?',
    );
    this.updateStatus = db.prepare<{ id: number; status: CommentStatus }, CommentRow>(
      `UPDATE comments SET status = @status WHERE id = @id AND status <> @status
       RETURNING id, article_id, nickname, body, status, created_at, ip_region`,
    );
    this.remove = db.prepare<[number], CommentRow>(
      'DELETE FROM comments WHERE id = ? RETURNING id, article_id, nickname, body, status, created_at, ip_region',
    );
  }

  async listApproved(articleId: number, options: { limit: number; offset?: number; newestFirst: boolean }): Promise<Comment[]> {
    const statement = options.newestFirst ? this.newestFirst : this.oldestFirst;
    return statement.all({ articleId, limit: options.limit, offset: options.offset ?? 0 }).map(toComment);
  }

  async countApproved(articleId: number): Promise<number> {
    return this.countByArticle.get(articleId)?.n ?? 0;
  }

  async create(comment: NewComment, now: number): Promise<number> {
    return Number(
      this.insert.run({
        ...comment,
        network: comment.network ?? null,
        ipRegion: comment.ipRegion ?? null,
        appealHash: comment.appealHash ?? null,
        now,
      }).lastInsertRowid,
    );
  }

  async countByStatus(): Promise<Record<CommentStatus, number>> {
    const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, rejected: 0, spam: 0 };
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

  async deleteMany(ids: readonly number[]): Promise<Comment[]> {
    return [...new Set(ids)].flatMap((id) => this.remove.all(id)).map(toComment);
  }

  async countFromAddressSince(ipHash: string, since: number): Promise<number> {
    return this.countByIpSince.get(ipHash, since)?.n ?? 0;
  }

  async hasText(articleId: number, body: string): Promise<boolean> {
    return this.sameText.get(articleId, body) !== undefined;
  }
}
