// 举报: a reader reports a comment shown on the site; enough reports from distinct addresses
// hide it until an editor decides (it goes back to the review queue); the editor keeps, hides
// or deletes it, closing its reports, audited. The reporter gets a receipt code (shown once,
// stored as its hash) to look up the outcome (处理结果) without an account.
import type { CommentStatus } from '../domain/types.js';
import type { ReportDecision, ReportOutcome } from '../repositories/report-repository.js';
import type { AddressHasher } from './address-hash.js';
import type { Actor } from './audit.js';
import { auditEntry } from './audit.js';
import type { Clock } from './clock.js';
import { codeHash, newCode, normaliseCode } from './receipt-code.js';
import type { StorageAccess } from './storage-access.js';

/** The reasons a reader chooses from (the keys are stored; the labels are the site's texts). */
export const REPORT_REASONS = ['illegal', 'rumour', 'abuse', 'vulgar', 'privacy', 'spam', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** What each decision makes of the comment (删除 keeps the row: its floor says 该评论已删除, and it can be appealed). */
const REPORT_DECISION_STATUS: Record<ReportDecision, CommentStatus> = { keep: 'approved', hide: 'rejected', delete: 'deleted' };

/** Reports are to be decided within this many hours of the first report of a comment. */
export const REPORT_DEADLINE_HOURS = 24;

/** When the reports of a comment first reported at the instant are due. */
export function reportDeadline(firstReportedAt: number): number {
  return firstReportedAt + REPORT_DEADLINE_HOURS * 3_600_000;
}

export interface NewReportInput {
  commentId: number;
  ip: string;
  reason: ReportReason;
  detail: string;
  /** distinct reporting addresses that hide the comment until reviewed */
  hideThreshold: number;
}

export type ReportOutcomeOfSubmit = { kind: 'reported'; receipt: string; hidden: boolean } | { kind: 'duplicate' } | { kind: 'gone' };

export class ReportService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
    private readonly hashAddress: AddressHasher,
  ) {}

  report(input: NewReportInput): Promise<ReportOutcomeOfSubmit> {
    const receipt = newCode();
    const reporterHash = this.hashAddress(input.ip);
    return this.storage.transaction(async (tx) => {
      const comment = await tx.comments.findById(input.commentId);
      if (!comment || comment.status !== 'approved') return { kind: 'gone' };
      const stored = await tx.reports.create(
        { commentId: comment.id, reporterHash, reason: input.reason, detail: input.detail, receiptHash: codeHash(receipt) },
        this.clock(),
      );
      if (!stored) return { kind: 'duplicate' };
      const hidden = (await tx.reports.countOpenReporters(comment.id)) >= input.hideThreshold;
      if (hidden) await tx.comments.setStatus([comment.id], 'pending');
      return { kind: 'reported', receipt, hidden };
    });
  }

  /** Keeps (shown again), hides (rejected) or deletes a reported comment, closing its reports; false when none were open. */
  decide(actor: Actor, commentId: number, decision: ReportDecision): Promise<boolean> {
    return this.storage.transaction(async (tx) => {
      const comment = await tx.comments.findById(commentId);
      const now = this.clock();
      const closed = await tx.reports.decideOpen(commentId, decision, now);
      if (!comment || closed === 0) return false;
      await tx.comments.setStatus([commentId], REPORT_DECISION_STATUS[decision]);
      const summary = `${comment.nickname}：${Array.from(comment.body).slice(0, 40).join('')}（${closed} 条举报，文章 #${comment.articleId}）`;
      await tx.audit.append(auditEntry(actor, `report.${decision}`, { type: 'comment', id: commentId }, summary, now));
      return true;
    });
  }

  /** The outcome for a receipt code as typed; undefined when no report has it. */
  async outcome(code: string): Promise<ReportOutcome | undefined> {
    const normalised = normaliseCode(code);
    if (!normalised) return undefined;
    return this.storage.repositories.reports.findByReceipt(codeHash(normalised));
  }
}
