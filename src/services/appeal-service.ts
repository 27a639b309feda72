// 申诉: a commenter whose comment was removed (hidden, marked as spam or deleted: deletion keeps
// the row) appeals with the code they were given when posting it; an editor restores the comment
// (to its floor, if it had one) or upholds the decision (audited); the commenter looks up the
// outcome with the same code.
import type { CommentStatus } from '../domain/types.js';
import type { AppealDecision, AppealOutcome } from '../repositories/appeal-repository.js';
import type { Actor } from './audit.js';
import { auditEntry } from './audit.js';
import type { Clock } from './clock.js';
import { codeHash, normaliseCode } from './receipt-code.js';
import type { StorageAccess } from './storage-access.js';

export type AppealResult = 'created' | 'unknown-code' | 'not-removed' | 'already-open';

/** The statuses an appeal can undo. */
const REMOVED: ReadonlySet<CommentStatus> = new Set(['rejected', 'spam', 'deleted']);

export class AppealService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
  ) {}

  appeal(code: string, reason: string): Promise<AppealResult> {
    const normalised = normaliseCode(code);
    if (!normalised) return Promise.resolve('unknown-code');
    const appealHash = codeHash(normalised);
    return this.storage.transaction(async (tx) => {
      const comment = await tx.comments.findByAppealHash(appealHash);
      if (!comment) return 'unknown-code';
      if (!REMOVED.has(comment.status)) return 'not-removed';
      if ((await tx.appeals.latestByHash(appealHash))?.decision === null) return 'already-open';
      await tx.appeals.create({ commentId: comment.id, appealHash, reason }, this.clock());
      return 'created';
    });
  }

  /** Restores the comment (shown again) or upholds its removal; false when the appeal was not open. */
  decide(actor: Actor, appealId: number, decision: AppealDecision): Promise<boolean> {
    return this.storage.transaction(async (tx) => {
      const now = this.clock();
      const commentId = await tx.appeals.decide(appealId, decision, now);
      if (commentId === undefined) return false;
      if (decision === 'restore' && commentId !== null) await tx.comments.setStatus([commentId], 'approved');
      await tx.audit.append(
        auditEntry(
          actor,
          `appeal.${decision}`,
          { type: 'comment', id: commentId ?? '' },
          `申诉 #${appealId}：${decision === 'restore' ? '恢复评论' : '维持处理'}`,
          now,
        ),
      );
      return true;
    });
  }

  async outcome(code: string): Promise<AppealOutcome | undefined> {
    const normalised = normaliseCode(code);
    return normalised ? this.storage.repositories.appeals.latestByHash(codeHash(normalised)) : undefined;
  }
}
