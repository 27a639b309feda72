// 举报: readers' reports of comments, and the decisions on them. One report per reporting
// address per comment; the receipt code is stored as its hash only.
import type { Comment } from '../domain/types.js';
import { type CommentRow, toComment } from './comment-repository.js';

export const REPORT_DECISIONS = ['keep', 'hide', 'delete'] as const;
export type ReportDecision = (typeof REPORT_DECISIONS)[number];

export interface NewReport {
  commentId: number;
  /** the reporter's address, hashed as comments keep theirs */
  reporterHash: string;
  reason: string;
  detail: string;
  /** SHA-256 of the receipt code given to the reporter */
  receiptHash: string;
}

/** A comment with reports not yet decided, for the review queue. */
export interface ReportedComment {
  comment: Comment;
  articleTitle: string | null;
  /** distinct reporting addresses with an open report */
  reports: number;
  /** the reasons given, each once, in the order first given */
  reasons: string[];
  /** the notes reporters added, oldest first */
  details: string[];
  firstReportedAt: number;
}

/** What the reporter may learn with the receipt code. */
export interface ReportOutcome {
  reason: string;
  createdAt: number;
  decision: ReportDecision | null;
  decidedAt: number | null;
}

export interface ReportRepository {
  /** Stores the report; false when this address has already reported the comment (nothing stored). */
  create(report: NewReport, now: number): Promise<boolean>;
  /** distinct addresses with an open report of the comment */
  countOpenReporters(commentId: number): Promise<number>;
  /** Comments with open reports, the longest waiting first. */
  listOpen(page: { limit: number; offset?: number }): Promise<ReportedComment[]>;
  countOpen(): Promise<number>;
  /** Closes every open report of the comment with the decision; how many it closed. */
  decideOpen(commentId: number, decision: ReportDecision, now: number): Promise<number>;
  findByReceipt(receiptHash: string): Promise<ReportOutcome | undefined>;
  /** Deletes the notes and reporter hashes of reports decided at or before the instant (reason and outcome stay); how many. */
  purgeDetailsDecidedBefore(instant: number): Promise<number>;
}

export interface ReportedRow extends CommentRow {
  article_title: string | null;
  reports: number;
  reasons: string;
  details: string | null;
  first_reported_at: number;
}

/** Joins the notes in one column: a control character, which cleaned form text never holds. */
export const DETAIL_SEPARATOR = '\u001f';

/** The reasons come as one text joined by newlines, in the order first given. */
export function toReportedComment(row: ReportedRow): ReportedComment {
  return {
    comment: toComment(row),
    articleTitle: row.article_title,
    reports: row.reports,
    reasons: [...new Set(row.reasons.split('\n'))],
    details: row.details ? row.details.split(DETAIL_SEPARATOR) : [],
    firstReportedAt: row.first_reported_at,
  };
}

export interface OutcomeRow {
  reason: string;
  created_at: number;
  decision: ReportDecision | null;
  decided_at: number | null;
}

export function toReportOutcome(row: OutcomeRow): ReportOutcome {
  return { reason: row.reason, createdAt: row.created_at, decision: row.decision, decidedAt: row.decided_at };
}
