// Reader submissions (投稿信箱): storing one within the per-address limits (checked in the same
// transaction as the insert), and the editors' inbox actions, each with its audit line.
import type { NewSubmission, Submission } from '../repositories/submission-repository.js';
import { type AddressLimits, type LimitRefusal, refusalOf } from './address-limits.js';
import type { Actor } from './audit.js';
import { auditEntry } from './audit.js';
import type { Clock } from './clock.js';
import { COMMENT_LIMITS } from './comment-service.js';
import type { StorageAccess } from './storage-access.js';

/** Submissions are longer and rarer than comments: the same spacing, a lower hourly cap. */
export const SUBMISSION_LIMITS: AddressLimits = { ...COMMENT_LIMITS, hourlyCap: 5 };

export type SubmitOutcome = { kind: 'created'; id: number } | { kind: LimitRefusal };

export type InboxOutcome = 'done' | 'not-found' | 'unchanged';

export class SubmissionService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
    private readonly limits: AddressLimits = SUBMISSION_LIMITS,
  ) {}

  submit(submission: NewSubmission): Promise<SubmitOutcome> {
    return this.storage.transaction(async (tx) => {
      const now = this.clock();
      const refusal = await refusalOf(
        {
          countSince: (since) => tx.submissions.countFromAddressSince(submission.ipHash, since),
          isDuplicate: () => tx.submissions.hasText(submission.title, submission.body),
        },
        this.limits,
        now,
      );
      if (refusal) return { kind: refusal };
      return { kind: 'created', id: await tx.submissions.create(submission, now) };
    });
  }

  /** An editor opens it: new becomes read. Returns the submission as it now stands. */
  open(id: number): Promise<Submission | undefined> {
    return this.storage.transaction(async (tx) => {
      const submission = await tx.submissions.findById(id);
      if (submission?.status === 'new' && (await tx.submissions.markRead(id))) submission.status = 'read';
      return submission;
    });
  }

  archive(actor: Actor, id: number): Promise<InboxOutcome> {
    return this.setStatus(actor, id, 'archived', 'submission.archive');
  }

  /** Back from the archive, as read. */
  restore(actor: Actor, id: number): Promise<InboxOutcome> {
    return this.setStatus(actor, id, 'read', 'submission.restore');
  }

  private setStatus(actor: Actor, id: number, status: 'archived' | 'read', action: string): Promise<InboxOutcome> {
    return this.storage.transaction(async (tx) => {
      const submission = await tx.submissions.findById(id);
      if (!submission) return 'not-found';
      const from = status === 'archived' ? submission.status !== 'archived' : submission.status === 'archived';
      if (!from) return 'unchanged';
      await tx.submissions.setStatus(id, status, this.clock());
      await tx.audit.append(auditEntry(actor, action, { type: 'submission', id }, submission.title, this.clock()));
      return 'done';
    });
  }
}
