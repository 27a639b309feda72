// Editorial actions on articles. Each is one transaction with everything it implies: the
// article, its revision (every save keeps one) and the audit line commit together or not at
// all, and the checks they depend on (the version an editor started from, the trash, whether a
// submission was already turned into a draft) are made inside the same transaction.
import { DEFAULT_REVIEW_LEVELS } from '../repositories/category-repository.js';
import type { AdminArticle, ArticleFields } from '../repositories/article-repository.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './audit.js';
import { auditEntry } from './audit.js';
import type { Clock } from './clock.js';
import { sanitizeArticleHtml } from './html-sanitizer.js';
import type { StorageAccess } from './storage-access.js';
import { proposeChange, withTextOf } from './pending-changes.js';
import type { RelatedReading } from './related-reading.js';
import {
  type Decision,
  type Refusal,
  isLive,
  mayCorrect,
  mayEdit,
  mayProposeChange,
  maySign,
  mayTrash,
  mayUnpublish,
  proposesChange,
  stagesFor,
} from './workflow-rules.js';
import { CHANGE_NOTES, recordStep, signOffDecision, type WorkflowActor } from './workflow-service.js';

export type CreateOutcome = { kind: 'created'; id: number } | { kind: 'refused'; refusal: Refusal };

export type UpdateOutcome =
  | { kind: 'updated' }
  /** a reporter's change to a signed article, sent to review; the signed version stays online */
  | { kind: 'proposed' }
  /** someone saved first: the article as it is now */
  | { kind: 'conflict'; latest: AdminArticle }
  | { kind: 'not-found' }
  | { kind: 'in-trash' }
  /** the workflow does not let this user make this change (workflow-rules.ts) */
  | { kind: 'refused'; refusal: Refusal };

/**
 * 'published': a published article leaves the site only by retraction (撤稿), never through the
 * trash; refused: a reporter moves only their own draft out of review.
 */
export type TrashOutcome = 'done' | 'not-found' | 'unchanged' | 'published' | { refused: Refusal };

export type DraftOutcome =
  | { kind: 'created'; articleId: number }
  /** the submission had been turned into this draft already (a double submit) */
  | { kind: 'existing'; articleId: number }
  | { kind: 'not-found' };

export const SUBMISSION_ARTICLE_SOURCE = '读者投稿';
const ARTICLE_TITLE_MAX = 120;
const ARTICLE_AUTHOR_MAX = 60;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text as HTML: blank lines separate paragraphs, single newlines become <br>, every character escaped. */
export function plainTextToParagraphs(text: string): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map(
      (paragraph) =>
        `<p>${paragraph
          .split('\n')
          .map((line) => escape(line.trim()))
          .join('<br>')}</p>`,
    )
    .join('\n');
}

const cut = (text: string, max: number) => Array.from(text.trim()).slice(0, max).join('');

export class ArticleService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
    /** 相关阅读, computed again after each save (absent: left to the periodic refresh) */
    private readonly related?: RelatedReading,
  ) {}

  /**
   * A new article with its first revision. Saved as published or scheduled, it is signed off at
   * once, which only a user who may sign a new article of its category can do (workflow-rules.ts),
   * with every pre-publication finding acknowledged.
   */
  async create(actor: WorkflowActor, fields: ArticleFields, acknowledged: readonly string[] = []): Promise<CreateOutcome> {
    const outcome = await this.storage.transaction(async (tx): Promise<CreateOutcome> => {
      const draft = { status: 'draft' as const, reviewStage: 0 as const, createdBy: actor.id };
      const checked = { ...fields, reprint: fields.reprint ?? null };
      const signing =
        fields.status !== 'draft'
          ? await signOffDecision(tx, checked, maySign(actor, draft, await this.levelsOf(tx, fields.categoryId), []), acknowledged)
          : undefined;
      if (signing && !signing.allowed) return { kind: 'refused', refusal: signing.refusal };
      const now = this.clock();
      const signer = signing && { signedBy: actor.id, responsibleEditor: actor.displayName };
      const id = await tx.articles.create(fields, now, { createdBy: actor.id, ...signer });
      if (fields.tags) await tx.tags.setForArticle(id, fields.tags, now);
      await this.keep(tx, actor, id, fields, 'article.create', fields.title, now);
      if (signing) {
        await recordStep(
          tx,
          actor,
          { id, title: fields.title, reviewStage: 0 },
          { action: 'sign', toStage: 0, note: '', override: signing.allowed && signing.override },
          now,
        );
      }
      return { kind: 'created', id };
    });
    if (outcome.kind === 'created') await this.refreshRelated(outcome.id);
    return outcome;
  }

  /**
   * 相关阅读 of a saved article, computed after its transaction (the search index then has it).
   * A failure leaves the save as it is: the periodic refresh computes the list later.
   */
  private async refreshRelated(articleId: number): Promise<void> {
    await this.related?.refresh(articleId).catch(() => undefined);
  }

  /**
   * Saves the fields if the article is still at the version the editor started from, and the
   * workflow allows the change: a reporter edits only their own draft out of review; publishing a
   * draft by saving it is a sign-off; changing a signed article is a correction (not by a
   * reporter: theirs goes to review as a change, 修改稿, while the signed version stays online);
   * taking it back to a draft is a chief's.
   */
  async update(
    actor: WorkflowActor,
    id: number,
    expectedVersion: number,
    fields: ArticleFields,
    acknowledged: readonly string[] = [],
  ): Promise<UpdateOutcome> {
    const outcome = await this.storage.transaction(async (tx): Promise<UpdateOutcome> => {
      const current = await tx.articles.findById(id);
      if (!current) return { kind: 'not-found' };
      if (current.deletedAt !== null) return { kind: 'in-trash' };
      if (current.version !== expectedVersion) return { kind: 'conflict', latest: current };
      return this.save(tx, actor, current, fields, acknowledged, { action: 'article.update', summary: fields.title });
    });
    if (outcome.kind === 'updated') await this.refreshRelated(id);
    return outcome;
  }

  /** A save of new fields over `current`, as the workflow allows it (see update). */
  private async save(
    tx: Repositories,
    actor: WorkflowActor,
    current: AdminArticle,
    fields: ArticleFields,
    acknowledged: readonly string[],
    audit: { action: string; summary: string },
  ): Promise<UpdateOutcome> {
    if (proposesChange(actor, current)) return this.propose(tx, actor, current, fields);
    const decision = await this.updateDecision(tx, actor, current, fields, acknowledged);
    if (!decision.allowed) return { kind: 'refused', refusal: decision.refusal };
    const now = this.clock();
    if (!(await tx.articles.update(current.id, current.version, fields, now))) return { kind: 'conflict', latest: current };
    if (fields.tags) await tx.tags.setForArticle(current.id, fields.tags, now);
    await this.keep(tx, actor, current.id, fields, audit.action, audit.summary, now);
    const signs = current.status === 'draft' && fields.status !== 'draft';
    if (signs) await this.signedBySaving(tx, actor, { ...current, version: current.version + 1 }, fields, decision, now);
    return { kind: 'updated' };
  }

  /** A reporter's change to their signed article: kept, and sent to the first stage of review. */
  private async propose(tx: Repositories, actor: WorkflowActor, current: AdminArticle, fields: ArticleFields): Promise<UpdateOutcome> {
    const decision = mayProposeChange(actor, current);
    if (!decision.allowed) return { kind: 'refused', refusal: decision.refusal };
    const now = this.clock();
    const levels = await this.levelsOf(tx, current.categoryId);
    if (!(await proposeChange(tx, actor, current, fields, levels, now))) return { kind: 'conflict', latest: current };
    const step = { action: 'submit' as const, toStage: stagesFor(levels)[0]!, note: CHANGE_NOTES.proposed, override: false };
    await recordStep(tx, actor, current, step, now);
    return { kind: 'proposed' };
  }

  private async updateDecision(
    tx: Repositories,
    actor: WorkflowActor,
    current: AdminArticle,
    fields: ArticleFields,
    acknowledged: readonly string[],
  ): Promise<Decision> {
    const editing = mayEdit(actor, current);
    if (!editing.allowed) return editing;
    const wasSigned = current.status !== 'draft';
    const staysSigned = fields.status !== 'draft';
    if (wasSigned && staysSigned) return mayCorrect(actor);
    if (wasSigned) return mayUnpublish(actor, isLive(current, this.clock()));
    if (!staysSigned) return editing;
    const levels = await this.levelsOf(tx, fields.categoryId);
    const signing = maySign(actor, current, levels, await tx.workflow.approversThisRound(current.id));
    return signOffDecision(tx, { ...fields, reprint: fields.reprint ?? null }, signing, acknowledged);
  }

  /** A draft published by saving it: out of review, signed by the actor (责任编辑), in its history. */
  private async signedBySaving(
    tx: Repositories,
    actor: WorkflowActor,
    article: Pick<AdminArticle, 'id' | 'title' | 'reviewStage' | 'version'>,
    fields: ArticleFields,
    decision: Decision,
    now: number,
  ): Promise<void> {
    const signOff = {
      status: fields.status === 'scheduled' ? ('scheduled' as const) : ('published' as const),
      publishedAt: fields.publishedAt ?? now,
      signedBy: actor.id,
      responsibleEditor: actor.displayName,
    };
    await tx.articles.setReview(article.id, article.version, { reviewStage: 0, signOff, withSave: true }, now);
    await recordStep(tx, actor, article, { action: 'sign', toStage: 0, note: '', override: decision.allowed && decision.override }, now);
  }

  private async levelsOf(tx: Repositories, categoryId: number): Promise<number> {
    return (await tx.categories.findById(categoryId))?.reviewLevels ?? DEFAULT_REVIEW_LEVELS;
  }

  /**
   * Brings back a revision's text as a new version, saved as any edit is (a reporter's, of a
   * signed article, goes to review as a change). Its category, status, publish time and place on
   * the home page are today's, not the revision's: restoring never publishes or withdraws.
   */
  restoreRevision(actor: WorkflowActor, articleId: number, revisionId: number): Promise<UpdateOutcome> {
    return this.storage.transaction(async (tx) => {
      const current = await tx.articles.findById(articleId);
      const revision = await tx.articleRevisions.findById(revisionId);
      if (!current || !revision || revision.articleId !== articleId) return { kind: 'not-found' };
      if (current.deletedAt !== null) return { kind: 'in-trash' };
      const fields = withTextOf(current, revision);
      return this.save(tx, actor, current, fields, [], { action: 'article.revision.restore', summary: `版本 #${revision.id}` });
    });
  }

  trash(actor: WorkflowActor, id: number): Promise<TrashOutcome> {
    return this.storage.transaction(async (tx) => {
      const article = await tx.articles.findById(id);
      if (!article) return 'not-found';
      const decision = mayTrash(actor, article);
      if (!decision.allowed) return { refused: decision.refusal };
      const now = this.clock();
      if ((isLive(article, now) || article.retractedAt !== null) && article.deletedAt === null) return 'published';
      if (!(await tx.articles.moveToTrash(id, now))) return 'unchanged';
      await tx.audit.append(auditEntry(actor, 'article.trash', { type: 'article', id }, article.title, now));
      return 'done';
    });
  }

  restore(actor: WorkflowActor, id: number): Promise<TrashOutcome> {
    return this.storage.transaction(async (tx) => {
      const article = await tx.articles.findById(id);
      if (!article) return 'not-found';
      const decision = mayTrash(actor, article);
      if (!decision.allowed) return { refused: decision.refusal };
      const now = this.clock();
      if (!(await tx.articles.restoreFromTrash(id, now))) return 'unchanged';
      await tx.audit.append(auditEntry(actor, 'article.restore', { type: 'article', id }, article.title, now));
      return 'done';
    });
  }

  /** Deletes an article in the trash, or a withdrawn one, for good ('unchanged': it is neither). */
  purge(actor: Actor, id: number): Promise<TrashOutcome> {
    return this.storage.transaction(async (tx) => {
      const article = await tx.articles.findById(id);
      if (!article) return 'not-found';
      if (!(await tx.articles.purge(id))) return 'unchanged';
      await tx.audit.append(auditEntry(actor, 'article.purge', { type: 'article', id }, article.title, this.clock()));
      return 'done';
    });
  }

  /**
   * Turns a reader's submission into a draft article in the category, once: a second request
   * (a double submit, another process) finds the draft the first one made.
   */
  draftFromSubmission(actor: Actor, submissionId: number, categoryId: number): Promise<DraftOutcome> {
    return this.storage.transaction(async (tx) => {
      const submission = await tx.submissions.findById(submissionId);
      if (!submission) return { kind: 'not-found' };
      // article_id is cleared when the article is deleted for good, so a set one still exists
      if (submission.articleId !== null) return { kind: 'existing', articleId: submission.articleId };
      const now = this.clock();
      const title = cut(submission.title, ARTICLE_TITLE_MAX);
      const fields: ArticleFields = {
        categoryId,
        title,
        author: cut(submission.name, ARTICLE_AUTHOR_MAX),
        source: SUBMISSION_ARTICLE_SOURCE,
        summary: '',
        bodyHtml: sanitizeArticleHtml(plainTextToParagraphs(submission.body)),
        coverImage: null,
        isFeatured: false,
        status: 'draft',
        publishedAt: null,
      };
      const articleId = await tx.articles.create(fields, now);
      await this.keep(tx, actor, articleId, fields, 'article.create', `草稿，来自投稿 #${submission.id}：${title}`, now);
      await tx.submissions.linkArticle(submission.id, articleId, now);
      if (submission.status === 'new') await tx.submissions.markRead(submission.id);
      await tx.audit.append(
        auditEntry(actor, 'submission.draft', { type: 'submission', id: submission.id }, `转为草稿文章 #${articleId}：${title}`, now),
      );
      return { kind: 'created', articleId };
    });
  }

  /** The revision and the audit line of a save. */
  private async keep(
    tx: Repositories,
    actor: Actor,
    articleId: number,
    fields: ArticleFields,
    action: string,
    summary: string,
    now: number,
  ) {
    await tx.articleRevisions.add(articleId, actor.id, fields, now);
    await tx.audit.append(auditEntry(actor, action, { type: 'article', id: articleId }, summary, now));
  }
}
