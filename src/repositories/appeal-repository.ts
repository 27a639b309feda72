// 申诉: commenters' appeals against the hiding of their comments, found by the appeal code's
// hash (the commenter's only key), and the editors' decisions on them.
import type { Comment } from '../domain/types.js';
import { type CommentRow, toComment } from './comment-repository.js';

export const APPEAL_DECISIONS = ['restore', 'uphold'] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];

export interface AppealOutcome {
  reason: string;
  createdAt: number;
  decision: AppealDecision | null;
  decidedAt: number | null;
}

export interface OpenAppeal {
  id: number;
  comment: Comment;
  articleTitle: string | null;
  reason: string;
  createdAt: number;
}

export interface AppealRepository {
  create(appeal: { commentId: number; appealHash: string; reason: string }, now: number): Promise<number>;
  /** the latest appeal made with the code, if any */
  latestByHash(appealHash: string): Promise<AppealOutcome | undefined>;
  /** Appeals not yet decided, the oldest first, with their comments. */
  listOpen(page: { limit: number; offset?: number }): Promise<OpenAppeal[]>;
  countOpen(): Promise<number>;
  /** Decides an open appeal; its comment's id, or undefined when there was no such open appeal. */
  decide(id: number, decision: AppealDecision, now: number): Promise<number | null | undefined>;
}

export interface OutcomeRow {
  reason: string;
  created_at: number;
  decision: AppealDecision | null;
  decided_at: number | null;
}

export function toAppealOutcome(row: OutcomeRow): AppealOutcome {
  return { reason: row.reason, createdAt: row.created_at, decision: row.decision, decidedAt: row.decided_at };
}

export interface OpenAppealRow extends CommentRow {
  appeal_id: number;
  appeal_reason: string;
  appealed_at: number;
  article_title: string | null;
}

export function toOpenAppeal(row: OpenAppealRow): OpenAppeal {
  return {
    id: row.appeal_id,
    comment: toComment(row),
    articleTitle: row.article_title,
    reason: row.appeal_reason,
    createdAt: row.appealed_at,
  };
}

export const OPEN_APPEALS_SQL = `SELECT p.id AS appeal_id, p.reason AS appeal_reason, p.created_at AS appealed_at,
    c.id, c.article_id, c.nickname, c.body, c.status, c.created_at, c.ip_region, a.title AS article_title
  FROM comment_appeals p JOIN comments c ON c.id = p.comment_id LEFT JOIN articles a ON a.id = c.article_id
  WHERE p.decision IS NULL ORDER BY p.created_at, p.id`;
