// An article's way through review (三审) to sign-off (签发), one transaction per step: the step
// is checked against the rules (workflow-rules.ts) and the version the reviewer saw, then the
// article moves, the step joins its history, and the audit log gets a line (overrides say so).
import type { ReviewStage, User } from '../domain/types.js';
import type { AdminArticle } from '../repositories/article-repository.js';
import { DEFAULT_REVIEW_LEVELS } from '../repositories/category-repository.js';
import type { Repositories } from '../repositories/index.js';
import type { WorkflowAction } from '../repositories/workflow-repository.js';
import { auditEntry } from './audit.js';
import type { Clock } from './clock.js';
import { type CheckedArticle, type Finding, parseUsageRules, prepublicationFindings, unacknowledged } from './prepublication-checks.js';
import { isPermittedReprint } from './reprint-sources.js';
import { DEFAULT_SETTINGS } from './site-settings.js';
import type { StorageAccess } from './storage-access.js';
import {
  type ActiveStage,
  type Decision,
  type Refusal,
  STAGE_NAMES,
  mayApprove,
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
};

interface Step {
  action: WorkflowAction;
  decision: Decision;
  toStage: ReviewStage;
  note: string;
  signOff?: { publishedAt: number };
}

export class WorkflowService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
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
  signOff(
    actor: WorkflowActor,
    id: number,
    version: number,
    publishAt: number | null,
    acknowledged: readonly string[] = [],
  ): Promise<StepOutcome> {
    return this.step(actor, id, version, async (article, levels, approvers, tx) => ({
      action: 'sign',
      decision: await signOffDecision(tx, article, maySign(actor, article, levels, approvers), acknowledged),
      toStage: 0,
      note: '',
      signOff: { publishedAt: Math.max(publishAt ?? 0, this.clock()) },
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
    plan: (article: AdminArticle, levels: number, approvers: number[], tx: Repositories) => Promise<Step>,
  ): Promise<StepOutcome> {
    return this.storage.transaction(async (tx) => {
      const article = await tx.articles.findById(id);
      if (!article || article.deletedAt !== null) return { kind: 'not-found' };
      if (article.version !== version) return { kind: 'conflict' };
      const levels = (await tx.categories.findById(article.categoryId))?.reviewLevels ?? DEFAULT_REVIEW_LEVELS;
      const step = await plan(article, levels, await tx.workflow.approversThisRound(id), tx);
      if (!step.decision.allowed) return { kind: 'refused', refusal: step.decision.refusal };
      const now = this.clock();
      if (step.action !== 'note') {
        const signOff = step.signOff && {
          status: step.signOff.publishedAt > now ? ('scheduled' as const) : ('published' as const),
          publishedAt: step.signOff.publishedAt,
          signedBy: actor.id,
          responsibleEditor: actor.displayName,
        };
        if (!(await tx.articles.setReview(id, version, { reviewStage: step.toStage, signOff }, now))) return { kind: 'conflict' };
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
