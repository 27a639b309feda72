// Reader comments. Readers see and count only approved comments; the moderation queue sees
// every status.
import type { Comment, CommentStatus } from '../domain/types.js';

export interface NewComment {
  articleId: number;
  nickname: string;
  body: string;
  status: CommentStatus;
  ipHash: string;
  /** the commenter's network (/24 or /48), for moderators; none for demo and generated comments */
  network?: string | null;
  /** IP属地: the commenter's province or country, from the offline database (never the address) */
  ipRegion?: string | null;
  /** SHA-256 of the appeal code given to the commenter */
  appealHash?: string | null;
}

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
  /** comments from the (hashed) address since the instant, any status */
  countFromAddressSince(ipHash: string, since: number): Promise<number>;
  /** whether the article has a comment with exactly this text, any status */
  hasText(articleId: number, body: string): Promise<boolean>;
  countByStatus(): Promise<Record<CommentStatus, number>>;
  /** The moderation queue of one status, newest first (or oldest first: the review queue, longest waiting at the top). */
  listByStatus(status: CommentStatus, options: { limit: number; offset?: number; oldestFirst?: boolean }): Promise<ModerationComment[]>;
  findById(id: number): Promise<Comment | undefined>;
  /** the comment whose appeal code has this hash */
  findByAppealHash(appealHash: string): Promise<Comment | undefined>;
  /** Sets the status of the listed comments; returns those that changed (ids that are missing or already had it are skipped). */
  setStatus(ids: readonly number[], status: CommentStatus): Promise<Comment[]>;
  /** Deletes the listed comments; returns those that existed. */
  deleteMany(ids: readonly number[]): Promise<Comment[]>;
}

export interface CommentRow {
  id: number;
  article_id: number;
  nickname: string;
  body: string;
  status: CommentStatus;
  created_at: number;
  ip_region: string | null;
}

export interface ModerationRow extends CommentRow {
  article_title: string | null;
  network: string | null;
}

export function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    articleId: row.article_id,
    nickname: row.nickname,
    body: row.body,
    status: row.status,
    createdAt: row.created_at,
    ipRegion: row.ip_region,
  };
}
