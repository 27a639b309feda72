// Correcting in the open and withdrawing with a notice (issue 17): a 更正/更新 note on a published
// article (an editor's; 更新于 on the page, the note kept and listed on /corrections), and 撤稿
// (a chief's: the article leaves the site, its URL answers 410 with the public reason). One
// transaction each, with the article's history line and an audit line.
import type { CorrectionKind } from '../domain/types.js';
import type { Clock } from './clock.js';
import type { StorageAccess } from './storage-access.js';
import { isLive, mayCorrect, mayRetract, type Refusal } from './workflow-rules.js';
import { recordStep, type WorkflowActor } from './workflow-service.js';

export const CORRECTION_NOTE_MAX = 2000;
export const RETRACTION_REASON_MAX = 2000;
export const CORRECTION_KIND_NAMES: Record<CorrectionKind, string> = { correction: '更正', update: '更新' };

export type NoticeOutcome = 'done' | 'not-found' | 'not-published' | { refused: Refusal };

export class CorrectionService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
  ) {}

  /** Adds a dated 更正 or 更新 note to an article readers can see now. */
  correct(actor: WorkflowActor, articleId: number, kind: CorrectionKind, note: string): Promise<NoticeOutcome> {
    return this.storage.transaction(async (tx) => {
      const article = await tx.articles.findById(articleId);
      if (!article || article.deletedAt !== null) return 'not-found';
      const decision = mayCorrect(actor);
      if (!decision.allowed) return { refused: decision.refusal };
      const now = this.clock();
      if (!isLive(article, now)) return 'not-published';
      await tx.corrections.add({ articleId, kind, note, userId: actor.id, userName: actor.displayName }, now);
      await tx.articles.markCorrected(articleId, now);
      const summary = `${CORRECTION_KIND_NAMES[kind]}：${note}`;
      await recordStep(tx, actor, article, { action: 'correct', toStage: 0, note: summary, override: false }, now);
      return 'done';
    });
  }

  /** 撤稿: a published article leaves the site; its URL keeps the public reason (and the title, unless withheld). */
  retract(actor: WorkflowActor, articleId: number, reason: string, showsTitle: boolean): Promise<NoticeOutcome> {
    return this.storage.transaction(async (tx) => {
      const article = await tx.articles.findById(articleId);
      if (!article || article.deletedAt !== null) return 'not-found';
      const decision = mayRetract(actor);
      if (!decision.allowed) return { refused: decision.refusal };
      const now = this.clock();
      if (!(await tx.articles.retract(articleId, { reason, showsTitle }, now))) return 'not-published';
      // a reporter's change waiting for review goes with it: a withdrawn article is never signed again
      await tx.pendingChanges.remove(articleId);
      await recordStep(tx, actor, article, { action: 'retract', toStage: 0, note: reason, override: false }, now);
      return 'done';
    });
  }
}
