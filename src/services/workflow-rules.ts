// Who may move an article between which states of review (三审), as plain functions: the workflow
// service asks them inside its transaction, the editor asks them to show only the steps a user
// may take. A category has 1 to 3 review levels: 终审; 初审 and 终审; or 初审, 复审 and 终审. 编辑
// review at 初审 and 复审, 主编 sign off at 终审; one person approves one level of a round only.
// An admin may act anywhere (an override, audited as one).
import type { ArticleStatus, ReviewStage, Role } from '../domain/types.js';

export const ROLE_NAMES: Record<Role, string> = { admin: '管理员', chief: '主编', editor: '编辑', reporter: '记者' };
const ROLE_RANK: Record<Role, number> = { reporter: 0, editor: 1, chief: 2, admin: 3 };

/** The user's role is this one or above it (an admin can do everything a chief can, and so on). */
export function hasRole(role: Role, least: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[least];
}

export type ActiveStage = Exclude<ReviewStage, 0>;
export const STAGE_NAMES: Record<ActiveStage, string> = { 1: '初审', 2: '复审', 3: '终审' };
export const MIN_REVIEW_LEVELS = 1;
export const MAX_REVIEW_LEVELS = 3;

/** The stages an article of a category with this many levels passes, in order. */
export function stagesFor(levels: number): ActiveStage[] {
  if (levels <= MIN_REVIEW_LEVELS) return [3];
  return levels >= MAX_REVIEW_LEVELS ? [1, 2, 3] : [1, 3];
}

/** The stage after `stage` (0: none left, the next step is signing off). */
export function stageAfter(levels: number, stage: ActiveStage): ReviewStage {
  const stages = stagesFor(levels);
  return stages[stages.indexOf(stage) + 1] ?? 0;
}

/** The least role that acts at a stage: 编辑 review, 主编 sign off. */
export function roleForStage(stage: ActiveStage): Role {
  return stage === 3 ? 'chief' : 'editor';
}

/** The stages a role acts at, each with its name as a state (待初审 …): what "waiting for me" means. */
export function stagesActedAtBy(role: Role): { stage: ActiveStage; name: string }[] {
  return ([1, 2, 3] as const)
    .filter((stage) => hasRole(role, roleForStage(stage)))
    .map((stage) => ({ stage, name: `待${STAGE_NAMES[stage]}` }));
}

/** What the workflow needs to know of an article. */
export interface ReviewedArticle {
  status: ArticleStatus;
  reviewStage: ReviewStage;
  createdBy: number | null;
  /** withdrawn (撤稿): kept as a record, never edited or published again */
  retractedAt?: number | null;
  /** a signed article with a reporter's change (修改稿) waiting: the review stage is the change's */
  hasPendingChange?: boolean;
}

export interface Reviewer {
  id: number;
  role: Role;
}

export type Refusal =
  | 'role'
  | 'not-own'
  | 'wrong-stage'
  | 'same-person'
  | 'signed'
  | 'retracted'
  | 'published'
  | 'source-not-permitted'
  | 'unchecked'
  /** the signed text was corrected after the change was proposed: it would undo the correction */
  | 'outdated';
export type Decision = { allowed: true; override: boolean } | { allowed: false; refusal: Refusal };

const allow = (override = false): Decision => ({ allowed: true, override });
const refuse = (refusal: Refusal): Decision => ({ allowed: false, refusal });

const isSigned = (article: ReviewedArticle) => article.status !== 'draft';

/** On the site now: signed off and its publish time has come (what may be corrected or withdrawn, never trashed). */
export function isLive(article: { status: ArticleStatus; publishedAt: number | null }, now: number): boolean {
  return article.status !== 'draft' && article.publishedAt !== null && article.publishedAt <= now;
}
const isRetracted = (article: ReviewedArticle) => (article.retractedAt ?? null) !== null;
/** In review or on its way there: a draft, or a signed article's change (修改稿). */
const isUnderWork = (article: ReviewedArticle) => !isRetracted(article) && (!isSigned(article) || article.hasPendingChange === true);

/** A reporter's save of a signed article is a change (修改稿) for review; everyone else corrects it directly. */
export function proposesChange(user: Reviewer, article: ReviewedArticle): boolean {
  return user.role === 'reporter' && isSigned(article);
}

/**
 * Proposing a change to a signed article: a reporter, on their own article, when no change of
 * theirs is in review (a returned one is revised and proposed again).
 */
export function mayProposeChange(user: Reviewer, article: ReviewedArticle): Decision {
  if (isRetracted(article)) return refuse('retracted');
  if (!isSigned(article)) return refuse('wrong-stage');
  if (article.createdBy !== user.id) return refuse('not-own');
  if (article.reviewStage !== 0) return refuse('wrong-stage');
  return allow();
}

/** Dropping a change (撤回修改稿): its reporter, or an editor or above, at any stage. */
export function mayDiscardChange(user: Reviewer, article: ReviewedArticle): Decision {
  if (isRetracted(article)) return refuse('retracted');
  if (!isSigned(article) || article.hasPendingChange !== true) return refuse('wrong-stage');
  if (user.role === 'reporter' && article.createdBy !== user.id) return refuse('not-own');
  return allow();
}

/** Editing the text: a reporter only their own draft out of review; everyone else any article. */
export function mayEdit(user: Reviewer, article: ReviewedArticle): Decision {
  if (isRetracted(article)) return refuse('retracted');
  if (user.role !== 'reporter') return allow();
  if (article.createdBy !== user.id) return refuse('not-own');
  if (isSigned(article) || article.reviewStage !== 0) return refuse('wrong-stage');
  return allow();
}

/** Moving an article to the trash or back: a reporter only their own draft out of review. */
export function mayTrash(user: Reviewer, article: ReviewedArticle): Decision {
  if (user.role !== 'reporter') return allow();
  if (article.createdBy !== user.id) return refuse('not-own');
  if (article.reviewStage !== 0 || isSigned(article)) return refuse('wrong-stage');
  return allow();
}

/** Submitting a draft (or a returned change) for review: out of review; a reporter only their own. */
export function maySubmit(user: Reviewer, article: ReviewedArticle): Decision {
  if (isRetracted(article)) return refuse('retracted');
  if (!isUnderWork(article)) return refuse('signed');
  if (article.reviewStage !== 0) return refuse('wrong-stage');
  if (user.role === 'reporter' && article.createdBy !== user.id) return refuse('not-own');
  return allow();
}

/** Approving 初审 or 复审: at that stage, by an editor who has not approved another level of this round. */
export function mayApprove(user: Reviewer, article: ReviewedArticle, approvers: readonly number[]): Decision {
  if (article.reviewStage !== 1 && article.reviewStage !== 2) return refuse('wrong-stage');
  if (!hasRole(user.role, 'editor')) return refuse('role');
  if (approvers.includes(user.id)) return user.role === 'admin' ? allow(true) : refuse('same-person');
  return allow();
}

/** Sending it back (退回修改): whoever may act at its current stage. */
export function mayReturn(user: Reviewer, article: ReviewedArticle): Decision {
  if (article.reviewStage === 0) return refuse('wrong-stage');
  if (!hasRole(user.role, roleForStage(article.reviewStage))) return refuse('role');
  return allow();
}

/**
 * Signing off (签发, publishing or scheduling; for a change, putting it online): a chief at 终审,
 * or straight from a draft where 终审 is the category's only level, without having approved
 * another level of this round. An admin may sign at any point: an override unless a chief could
 * have signed there too. A change is always reviewed: it is signed at 终审 only.
 */
export function maySign(user: Reviewer, article: ReviewedArticle, levels: number, approvers: readonly number[]): Decision {
  if (isRetracted(article)) return refuse('retracted');
  if (!isUnderWork(article)) return refuse('signed');
  const direct = !isSigned(article) && article.reviewStage === 0 && stagesFor(levels).length === 1;
  const atSignOff = article.reviewStage === 3 || direct;
  const approvedBefore = approvers.includes(user.id);
  if (user.role === 'admin') return allow(!atSignOff || approvedBefore);
  if (!hasRole(user.role, 'chief')) return refuse('role');
  if (!atSignOff) return refuse('wrong-stage');
  if (approvedBefore) return refuse('same-person');
  return allow();
}

/** Changing a signed article (a correction goes live at once): not a reporter. */
export function mayCorrect(user: Reviewer): Decision {
  return hasRole(user.role, 'editor') ? allow() : refuse('role');
}

/**
 * Taking a signed article back to a draft: a chief's, and only before it went live (a scheduled
 * one); a published article leaves the site only by 撤稿, with its notice.
 */
export function mayUnpublish(user: Reviewer, live: boolean): Decision {
  if (!hasRole(user.role, 'chief')) return refuse('role');
  return live ? refuse('published') : allow();
}

/** 撤稿, withdrawing a published article with a public notice: a chief (总编辑负责制). */
export function mayRetract(user: Reviewer): Decision {
  return hasRole(user.role, 'chief') ? allow() : refuse('role');
}

export type WorkflowState = 'draft' | 'review1' | 'review2' | 'review3' | 'scheduled' | 'published' | 'retracted';
export const STATE_NAMES: Record<WorkflowState, string> = {
  retracted: '已撤稿',
  draft: '草稿',
  review1: '待初审',
  review2: '待复审',
  review3: '待终审',
  scheduled: '已签发（定时发布）',
  published: '已签发',
};

export function stateOf(article: ReviewedArticle): WorkflowState {
  if (isRetracted(article)) return 'retracted';
  if (article.status !== 'draft') return article.status;
  return article.reviewStage === 0 ? 'draft' : (`review${article.reviewStage}` as WorkflowState);
}

/** The steps this user may take on the article now, for the editor to offer (the service checks again). */
export function availableSteps(user: Reviewer, article: ReviewedArticle, levels: number, approvers: readonly number[]) {
  return {
    submit: maySubmit(user, article).allowed,
    approve: mayApprove(user, article, approvers).allowed,
    return: mayReturn(user, article).allowed,
    sign: maySign(user, article, levels, approvers).allowed,
    discard: mayDiscardChange(user, article).allowed,
  };
}

/**
 * Who holds the article now, in words: the reviewers of its stage (编辑 for 初审 and 复审, 主编 for
 * 终审), or its writer while it is a draft (`writer`: their name, when known). Empty once signed.
 */
export function holderName(article: ReviewedArticle, writer: string | undefined): string {
  if (!isUnderWork(article)) return '';
  if (article.reviewStage === 0) return writer ? `作者 ${writer}` : '作者';
  return `${ROLE_NAMES[roleForStage(article.reviewStage)]}（${STAGE_NAMES[article.reviewStage]}）`;
}

/** Where the article goes next, in words: the next stage, or 签发. */
export function nextStepName(article: ReviewedArticle, levels: number): string {
  if (!isUnderWork(article)) return '';
  if (article.reviewStage === 0) return `提交${STAGE_NAMES[stagesFor(levels)[0]!]}`;
  const after = stageAfter(levels, article.reviewStage);
  return after === 0 ? '终审签发' : `${STAGE_NAMES[article.reviewStage]}通过后进入${STAGE_NAMES[after]}`;
}

/** Where a signed article's change (修改稿) stands, in words ('' when there is none). */
export function changeStateName(article: ReviewedArticle): string {
  if (!isSigned(article) || article.hasPendingChange !== true || isRetracted(article)) return '';
  return article.reviewStage === 0 ? '修改稿待作者修改后重新提交' : `修改稿待${STAGE_NAMES[article.reviewStage]}`;
}
