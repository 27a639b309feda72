// Reader comments. Readers see approved comments, and the floors of removed ones (their number
// only); the moderation queue sees every status. A top-level comment gets its floor (楼层) from
// the repository when it is first approved: the next number of its article, never given again.
import type { Comment, CommentStatus } from '../domain/types.js';

export interface NewComment {
  articleId: number;
  /** the top-level comment this one replies to (checked by the service) */
  parentId?: number | null;
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
  /** The article's floors (approved or removed; removed ones as readers see them), by floor number. */
  listFloors(articleId: number, options: { limit: number; offset?: number; newestFirst: boolean }): Promise<Comment[]>;
  countFloors(articleId: number): Promise<number>;
  /** The approved replies to the listed comments, oldest first, at most `perParent` of each. */
  listReplies(parentIds: readonly number[], perParent: number): Promise<Comment[]>;
  /** approved comments of the article, floors and replies */
  countApproved(articleId: number): Promise<number>;
  /** Stores the comment (with its floor if it is an approved top-level comment); its id. */
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
  /**
   * Sets the status of the listed comments (approving a top-level comment gives it its floor if it
   * has none); returns those that changed (ids that are missing or already had it are skipped).
   */
  setStatus(ids: readonly number[], status: CommentStatus): Promise<Comment[]>;
}

export interface CommentRow {
  id: number;
  article_id: number;
  nickname: string;
  body: string;
  status: CommentStatus;
  created_at: number;
  ip_region: string | null;
  parent_id: number | null;
  floor: number | null;
}

/** The columns of a CommentRow, for SELECT and RETURNING lists. */
export const COMMENT_COLUMNS = 'id, article_id, nickname, body, status, created_at, ip_region, parent_id, floor';

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
    parentId: row.parent_id,
    floor: row.floor,
  };
}

/** A floor as readers may see it: a removed one keeps its number, status and time, never its nickname, text or 属地. */
export function toShownFloor(row: CommentRow): Comment {
  const comment = toComment(row);
  return comment.status === 'approved' ? comment : { ...comment, nickname: '', body: '', ipRegion: null };
}
