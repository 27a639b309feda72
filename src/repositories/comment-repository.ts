// Reader comments: the only place with their SQL. Readers see and count only approved comments;
// the moderation queue sees every status.
import type { Db } from '../db/database.js';
import type { Comment, CommentStatus } from '../domain/types.js';
import type { AddressLimits, LimitedCreateOutcome } from './address-limits.js';

export interface NewComment {
  articleId: number;
  nickname: string;
  body: string;
  status: CommentStatus;
  ipHash: string;
  /** the commenter's network (/24 or /48), for moderators; none for demo and generated comments */
  network?: string | null;
}

export type CommentLimits = AddressLimits;
export type CreateOutcome = LimitedCreateOutcome;

/** A comment in the moderation queue, with the title of its article (null if the article is gone). */
export interface ModerationComment extends Comment {
  articleTitle: string | null;
  /** the commenter's network (/24 or /48); null for comments stored before it was kept */
  network: string | null;
}

export interface CommentRepository {
  listApproved(articleId: number, options: { limit: number; offset?: number; newestFirst: boolean }): Promise<Comment[]>;
  countApproved(articleId: number): Promise<number>;
  create(comment: NewComment, now: number): Promise<number>;
  /** Stores the comment unless the address is over a limit or the article has the same text. */
  createWithinLimits(comment: NewComment, now: number, limits: CommentLimits): Promise<CreateOutcome>;
  countByStatus(): Promise<Record<CommentStatus, number>>;
  /** The moderation queue of one status, newest first. */
  listByStatus(status: CommentStatus, options: { limit: number; offset?: number }): Promise<ModerationComment[]>;
  findById(id: number): Promise<Comment | undefined>;
  /** Sets the status of the listed comments; returns those that changed (ids that are missing or already had it are skipped). */
  setStatus(ids: readonly number[], status: CommentStatus): Promise<Comment[]>;
  /** Deletes the listed comments; returns those that existed. */
  deleteMany(ids: readonly number[]): Promise<Comment[]>;
}

interface CommentRow {
  id: number;
  article_id: number;
  nickname: string;
  body: string;
  status: CommentStatus;
  created_at: number;
}

interface ModerationRow extends CommentRow {
  article_title: string | null;
  network: string | null;
}

export class SqliteCommentRepository implements CommentRepository {
  private readonly oldestFirst;
  private readonly newestFirst;
  private readonly countByArticle;
  private readonly insert;
  private readonly countByIpSince;
  private readonly sameText;
  private readonly createWithinLimitsInTransaction;
  private readonly statusCounts;
  private readonly byStatus;
  private readonly byId;
  private readonly setStatusInTransaction;
  private readonly deleteManyInTransaction;

  constructor(db: Db) {
    const select = `SELECT id, article_id, nickname, body, status, created_at FROM comments
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
      `INSERT INTO comments (article_id, nickname, body, status, ip_hash, network, created_at)
       VALUES (@articleId, @nickname, @body, @status, @ipHash, @network, @now)`,
    );
    this.countByIpSince = db.prepare<[string, number], { n: number }>(
      'SELECT COUNT(*) AS n FROM comments WHERE ip_hash = ? AND created_at > ?',
    );
    this.sameText = db.prepare<[number, string], { id: number }>(
      'SELECT id FROM comments WHERE article_id = ? AND body = ? LIMIT 1',
    );
    this.statusCounts = db.prepare<[], { status: CommentStatus; n: number }>(
      'SELECT status, COUNT(*) AS n FROM comments GROUP BY status',
    );
    this.byStatus = db.prepare<{ status: CommentStatus; limit: number; offset: number }, ModerationRow>(
      `SELECT c.id, c.article_id, c.nickname, c.body, c.status, c.created_at, c.network, a.title AS article_title
       FROM comments c LEFT JOIN articles a ON a.id = c.article_id
       WHERE c.status = @status ORDER BY c.created_at DESC, c.id DESC LIMIT @limit OFFSET @offset`,
    );
    this.byId = db.prepare<[number], CommentRow>(
      'SELECT id, article_id, nickname, body, status, created_at FROM comments WHERE id = ?',
    );
    const updateStatus = db.prepare<{ id: number; status: CommentStatus }, CommentRow>(
      `UPDATE comments SET status = @status WHERE id = @id AND status <> @status
       RETURNING id, article_id, nickname, body, status, created_at`,
    );
    const remove = db.prepare<[number], CommentRow>(
      'DELETE FROM comments WHERE id = ? RETURNING id, article_id, nickname, body, status, created_at',
    );
    this.setStatusInTransaction = db.transaction((ids: readonly number[], status: CommentStatus) =>
      ids.flatMap((id) => updateStatus.all({ id, status })),
    );
    this.deleteManyInTransaction = db.transaction((ids: readonly number[]) => ids.flatMap((id) => remove.all(id)));
    this.createWithinLimitsInTransaction = db.transaction(
      (comment: NewComment, now: number, limits: CommentLimits): CreateOutcome => {
        if ((this.countByIpSince.get(comment.ipHash, now - limits.minIntervalMs)?.n ?? 0) > 0) return { kind: 'too-soon' };
        if ((this.countByIpSince.get(comment.ipHash, now - 3_600_000)?.n ?? 0) >= limits.hourlyCap) {
          return { kind: 'hourly-cap' };
        }
        if (this.sameText.get(comment.articleId, comment.body)) return { kind: 'duplicate' };
        return { kind: 'created', id: Number(this.insert.run({ ...comment, network: comment.network ?? null, now }).lastInsertRowid) };
      },
    );
  }

  async listApproved(
    articleId: number,
    options: { limit: number; offset?: number; newestFirst: boolean },
  ): Promise<Comment[]> {
    const statement = options.newestFirst ? this.newestFirst : this.oldestFirst;
    return statement.all({ articleId, limit: options.limit, offset: options.offset ?? 0 }).map(toComment);
  }

  async countApproved(articleId: number): Promise<number> {
    return this.countByArticle.get(articleId)?.n ?? 0;
  }

  async create(comment: NewComment, now: number): Promise<number> {
    return Number(this.insert.run({ ...comment, network: comment.network ?? null, now }).lastInsertRowid);
  }

  async countByStatus(): Promise<Record<CommentStatus, number>> {
    const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, rejected: 0, spam: 0 };
    for (const row of this.statusCounts.all()) counts[row.status] = row.n;
    return counts;
  }

  async listByStatus(status: CommentStatus, options: { limit: number; offset?: number }): Promise<ModerationComment[]> {
    return this.byStatus
      .all({ status, limit: options.limit, offset: options.offset ?? 0 })
      .map((row) => ({ ...toComment(row), articleTitle: row.article_title, network: row.network }));
  }

  async findById(id: number): Promise<Comment | undefined> {
    const row = this.byId.get(id);
    return row && toComment(row);
  }

  async setStatus(ids: readonly number[], status: CommentStatus): Promise<Comment[]> {
    return this.setStatusInTransaction.immediate([...new Set(ids)], status).map(toComment);
  }

  async deleteMany(ids: readonly number[]): Promise<Comment[]> {
    return this.deleteManyInTransaction.immediate([...new Set(ids)]).map(toComment);
  }

  async createWithinLimits(comment: NewComment, now: number, limits: CommentLimits): Promise<CreateOutcome> {
    return this.createWithinLimitsInTransaction.immediate(comment, now, limits);
  }
}

function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    articleId: row.article_id,
    nickname: row.nickname,
    body: row.body,
    status: row.status,
    createdAt: row.created_at,
  };
}
