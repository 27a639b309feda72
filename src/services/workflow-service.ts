// An article's way through review (三审) to sign-off (签发), one transaction per step: the step
// is checked against the rules (workflow-rules.ts) and the version the reviewer saw, then the
// article moves, the step joins its history, and the audit log gets a line (overrides say so).
import type { ReviewStage, User } from '../domain/types.js';
import type { AdminArticle } from '../repositories/article-repository.js';
import type { PendingChange } from '../repositories/pending-change-repository.js';
import { DEFAULT_REVIEW_LEVELS } from '../repositories/category-repository.js';
import type { Repositories } from '../repositories/index.js';
import type { WorkflowAction } from '../repositories/workflow-repository.js';
import { auditEntry } from './audit.js';
import type { Clock } from './clock.js';
import { type CheckedArticle, type Finding, parseUsageRules, prepublicationFindings, unacknowledged } from './prepublication-checks.js';
import { applyChange, isOutdated, reviewedWithChange, withTextOf } from './pending-changes.js';
import { isPermittedReprint } from './reprint-sources.js';
import type { RelatedReading } from './related-reading.js';
import { DEFAULT_SETTINGS } from './site-settings.js';
import type { StorageAccess } from './storage-access.js';
import {
  type ActiveStage,
  type Decision,
  type Refusal,
  type ReviewedArticle,
  STAGE_NAMES,
  mayApprove,
  mayDiscardChange,
  mayReturn,
  maySign,
  maySubmit,
  stagesFor,
  stageAfter,
} from './workflow-rules.js';

/** Who acts: the workflow needs the role, and the real name that signs as 责任编辑. */
export type WorkflowActor = Pick<User, 'id' | 'username' | 'displayName' | 'role'>;

export type StepOutcome =
  | { kind: 'done'; stage: ReviewStage }
  | { kind: 'not-found' }
  /** the article moved on since the reviewer opened it */
  | { kind: 'conflict' }
  | { kind: 'refused'; refusal: Refusal };

export const NOTE_MAX = 2000;

const AUDIT_ACTIONS: Record<WorkflowAction, string> = {
  submit: 'article.submit',
  approve: 'article.approve',
  return: 'article.return',
  sign: 'article.sign',
  note: 'article.note',
  correct: 'article.correct',
  retract: 'article.retract',
  discard: 'article.change.discard',
};

/** What the history says of a reporter's change (修改稿) when it is proposed and signed. */
export const CHANGE_NOTES = { proposed: '修改稿（已发布的版本保持不变）', signed: '修改稿签发上线' } as const;

interface Step {
  action: WorkflowAction;
  decision: Decision;
  toStage: ReviewStage;
  note: string;
  signOff?: { publishedAt: number };
  /** the reporter's change (修改稿) this step puts online or drops */
  change?: { apply: PendingChange } | { drop: true };
}

type ReviewedAdminArticle = AdminArticle & ReviewedArticle;

export class WorkflowService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
    /** 相关阅读, computed again when a sign-off changes what readers see (absent: left to the periodic refresh) */
    private readonly related?: RelatedReading,
  ) {}

  /** 提交审核: a draft goes to the first stage of its category. */
  submit(actor: WorkflowActor, id: number, version: number): Promise<StepOutcome> {
    return this.step(actor, id, version, async (article, levels) => ({
      action: 'submit',
      decision: maySubmit(actor, article),
      toStage: stagesFor(levels)[0]!,
      note: '',
    }));
  }

  /** 通过 (初审 or 复审): on to the next stage. */
  approve(actor: WorkflowActor, id: number, version: number, note: string): Promise<StepOutcome> {
    return this.step(actor, id, version, async (article, levels, approvers) => ({
      action: 'approve',
      decision: mayApprove(actor, article, approvers),
      toStage: article.reviewStage === 0 ? 0 : stageAfter(levels, article.reviewStage),
      note,
    }));
  }

  /** 退回修改, with the reason the writer is given: back to a draft. */
  returnForChanges(actor: WorkflowActor, id: number, version: number, reason: string): Promise<StepOutcome> {
    return this.step(actor, id, version, async (article) => ({
      action: 'return',
      decision: mayReturn(actor, article),
      toStage: 0,
      note: reason,
    }));
  }

  /**
   * 签发: published at `publishAt` (now when null or past; a future time schedules it), with every
   * pre-publication finding acknowledged (by id).
   */
  async signOff(
    actor: WorkflowActor,
    id: number,
    version: number,
    publishAt: number | null,
    acknowledged: readonly string[] = [],
  ): Promise<StepOutcome> {
    const outcome = await this.step(actor, id, version, async (article, levels, approvers, tx, change) => {
      const decision = maySign(actor, article, levels, approvers);
      if (change) return this.changeSignOff(tx, article, change, decision, acknowledged);
      return {
        action: 'sign',
        decision: await signOffDecision(tx, article, decision, acknowledged),
        toStage: 0,
        note: '',
        signOff: { publishedAt: Math.max(publishAt ?? 0, this.clock()) },
      };
    });
    // a failure leaves the sign-off as it is: the periodic refresh computes the list later
    if (outcome.kind === 'done') await this.related?.refresh(id).catch(() => undefined);
    return outcome;
  }

  /** 签发 of a change: checked as the text it puts online; the article keeps its publish time. */
  private async changeSignOff(
    tx: Repositories,
    article: AdminArticle,
    change: PendingChange,
    decision: Decision,
    acknowledged: readonly string[],
  ): Promise<Step> {
    const outdated = decision.allowed && (await isOutdated(tx, article, change));
    const fields = withTextOf(article, change);
    return {
      action: 'sign',
      decision: outdated
        ? { allowed: false, refusal: 'outdated' }
        : await signOffDecision(tx, { ...fields, reprint: fields.reprint ?? null }, decision, acknowledged),
      toStage: 0,
      note: CHANGE_NOTES.signed,
      signOff: { publishedAt: article.publishedAt ?? this.clock() },
      change: { apply: change },
    };
  }

  /** 撤回修改稿: the change is dropped; the signed version stays as it is. */
  discardChange(actor: WorkflowActor, id: number, version: number, note: string): Promise<StepOutcome> {
    return this.step(actor, id, version, async (article) => ({
      action: 'discard',
      decision: mayDiscardChange(actor, article),
      toStage: 0,
      note,
      change: { drop: true },
    }));
  }

  /** An internal note on the article (never shown to readers), kept in its history. */
  addNote(actor: WorkflowActor, id: number, version: number, note: string): Promise<StepOutcome> {
    return this.step(actor, id, version, async (article) => ({
      action: 'note',
      decision: { allowed: true, override: false },
      toStage: article.reviewStage,
      note,
    }));
  }

  private step(
    actor: WorkflowActor,
    id: number,
    version: number,
    plan: (
      article: ReviewedAdminArticle,
      levels: number,
      approvers: number[],
      tx: Repositories,
      change: PendingChange | undefined,
    ) => Promise<Step>,
  ): Promise<StepOutcome> {
    return this.storage.transaction(async (tx) => {
      const found = await tx.articles.findById(id);
      if (!found || found.deletedAt !== null) return { kind: 'not-found' };
      if (found.version !== version) return { kind: 'conflict' };
      // a change waits only beside a signed article (a retraction leaves none behind)
      const change = found.status === 'draft' ? undefined : await tx.pendingChanges.find(id);
      const article = reviewedWithChange(found, change);
      const levels = (await tx.categories.findById(article.categoryId))?.reviewLevels ?? DEFAULT_REVIEW_LEVELS;
      const step = await plan(article, levels, await tx.workflow.approversThisRound(id), tx, change);
      if (!step.decision.allowed) return { kind: 'refused', refusal: step.decision.refusal };
      const now = this.clock();
      if (step.action !== 'note') {
        // the first write checks the version: nothing is written when someone else came first
        let current = version;
        if (step.change && 'apply' in step.change) {
          const applied = await applyChange(tx, actor, article, step.change.apply, now);
          if (applied === null) return { kind: 'conflict' };
          current = applied;
        }
        const signOff = step.signOff && {
          status: step.signOff.publishedAt > now ? ('scheduled' as const) : ('published' as const),
          publishedAt: step.signOff.publishedAt,
          signedBy: actor.id,
          responsibleEditor: actor.displayName,
        };
        const review = { reviewStage: step.toStage, signOff, withSave: current !== version };
        if (!(await tx.articles.setReview(id, current, review, now))) return { kind: 'conflict' };
        if (step.change && 'drop' in step.change) await tx.pendingChanges.remove(id);
      }
      await recordStep(tx, actor, article, { ...step, override: step.decision.override }, now);
      return { kind: 'done', stage: step.toStage };
    });
  }
}

/**
 * A sign-off the rules allow is still refused for a 转载 whose 来源 is not on the site's list of
 * permitted sources (an admin, too: the list is the rule, and an admin can change it).
 */
export async function signOffDecision(
  tx: Repositories,
  article: CheckedArticle & { reprint: unknown },
  decision: Decision,
  acknowledged: readonly string[],
): Promise<Decision> {
  if (!decision.allowed) return decision;
  const settings = await tx.settings.getAll();
  if (!isPermittedReprint(article, settings.reprintSources ?? DEFAULT_SETTINGS.reprintSources)) {
    return { allowed: false, refusal: 'source-not-permitted' };
  }
  const findings = await prepublicationFindingsIn(tx, article);
  return unacknowledged(findings, acknowledged).length === 0 ? decision : { allowed: false, refusal: 'unchecked' };
}

/** The pre-publication checks of an article with the site's lists as they are now. */
export async function prepublicationFindingsIn(
  tx: Pick<Repositories, 'settings' | 'sensitiveWords'>,
  article: CheckedArticle,
): Promise<Finding[]> {
  const usage = (await tx.settings.getAll()).usageRules ?? DEFAULT_SETTINGS.usageRules;
  return prepublicationFindings(article, { sensitiveWords: await tx.sensitiveWords.listAll(), usageRules: parseUsageRules(usage) });
}

/** The history line and the audit line of a step (also of a sign-off made by saving the editor form). */
export async function recordStep(
  tx: Repositories,
  actor: WorkflowActor,
  article: Pick<AdminArticle, 'id' | 'title' | 'reviewStage'>,
  step: { action: WorkflowAction; toStage: ReviewStage; note: string; override: boolean },
  now: number,
): Promise<void> {
  await tx.workflow.add(
    {
      articleId: article.id,
      userId: actor.id,
      userName: actor.displayName,
      action: step.action,
      fromStage: article.reviewStage,
      toStage: step.toStage,
      note: step.note,
      override: step.override,
    },
    now,
  );
  const where = article.reviewStage === 0 ? '' : `（${STAGE_NAMES[article.reviewStage as ActiveStage]}）`;
  const summary = `${article.title}${where}${step.override ? '（管理员越级操作）' : ''}${step.note ? `：${step.note}` : ''}`;
  await tx.audit.append(auditEntry(actor, AUDIT_ACTIONS[step.action], { type: 'article', id: article.id }, summary, now));
}
