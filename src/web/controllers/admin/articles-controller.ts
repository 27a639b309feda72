// Articles in the editors' area: list with filters, write and edit (WYSIWYG with an HTML
// fallback), preview, schedule, trash and restore, revisions. The actions themselves are the
// article service's (one transaction each, with the revision and the audit line); a save based
// on an outdated version is refused (409), so no editor silently loses work.
import type { Request, Response } from 'express';
import type { ArticleFields, AdminArticle } from '../../../repositories/article-repository.js';
import { toLocalInputValue } from '../../../services/site-time.js';
import { timeZoneName } from '../../../services/time-zones.js';
import type { AdminContext } from '../../admin-context.js';
import {
  emptyArticleForm,
  parseArticleForm,
  parseArticleListQuery,
  type ArticleFormErrors,
  type ArticleFormValues,
  type ParsedArticle,
} from '../../forms/admin-article-form.js';
import { HttpError, badRequest, notFound } from '../../http-error.js';
import { ARTICLES_MESSAGES } from '../../messages/articles.js';
import { COMMENTS_MESSAGES } from '../../messages/comments.js';
import { UPLOADS_MESSAGES } from '../../messages/uploads.js';
import type { Actor } from '../../../services/audit.js';
import { paginate } from '../../pagination.js';
import { parseId } from '../../params.js';
import { renderArticlePreview } from '../article-page.js';
import { WYSIWYG_ASSETS } from '../../wysiwyg.js';
import type { User } from '../../../domain/types.js';
import { DEFAULT_REVIEW_LEVELS } from '../../../repositories/category-repository.js';
import {
  availableSteps,
  changeStateName,
  hasRole,
  holderName,
  isLive,
  nextStepName,
  proposesChange,
  stagesActedAtBy,
  STAGE_NAMES,
  STATE_NAMES,
  stagesFor,
  stateOf,
  type ReviewedArticle,
} from '../../../services/workflow-rules.js';
import type { StepOutcome } from '../../../services/workflow-service.js';
import { acknowledgedOf, parseWorkflowStep, type WorkflowStep } from '../../forms/admin-workflow-form.js';
import { parseUsageRules, prepublicationFindings } from '../../../services/prepublication-checks.js';
import type { Refusal } from '../../../services/workflow-rules.js';

/**
 * A step the rules refuse: 403; a sign-off with findings not yet acknowledged: 422 (the reviewer
 * ticks them); a change made outdated by a later correction: 409.
 */
const refusalStatus = (refusal: Refusal) => (refusal === 'unchecked' ? 422 : refusal === 'outdated' ? 409 : 403);
import { parseCorrectionForm, parseRetractionForm } from '../../forms/admin-notice-form.js';
import { CORRECTION_KIND_NAMES } from '../../../services/correction-service.js';
import { articleDiff, lastApprovedRevision } from '../../../services/text-diff.js';
import { articleWithChange, reviewedWithChange, withTextOf } from '../../../services/pending-changes.js';
import type { PendingChange } from '../../../repositories/pending-change-repository.js';

const PER_PAGE = 20;
const STAFF_OPTIONS_MAX = 1000;
const TAG_SUGGESTIONS = 50;

export function articlesController(context: AdminContext) {
  const { repositories, clock, images, articleService, workflowService, correctionService } = context;

  async function categoryOptions() {
    return repositories.categories.listAll();
  }

  /** A reporter's change (修改稿) waiting beside a signed article, if any. */
  async function pendingChangeOf(article: AdminArticle): Promise<PendingChange | undefined> {
    return article.status === 'draft' ? undefined : repositories.pendingChanges.find(article.id);
  }

  /** Where the article (or its change) stands in review, its history, and the steps this user may take. */
  async function workflowOf(user: User, found: AdminArticle, change: PendingChange | undefined) {
    const article = reviewedWithChange(found, change);
    const levels = (await repositories.categories.findById(article.categoryId))?.reviewLevels ?? DEFAULT_REVIEW_LEVELS;
    const approvers = await repositories.workflow.approversThisRound(article.id);
    const writer =
      change?.userName ?? (article.createdBy === null ? undefined : (await repositories.users.findById(article.createdBy))?.displayName);
    return {
      state: [STATE_NAMES[stateOf(article)], changeStateName(article)].filter(Boolean).join('；'),
      holder: holderName(article, writer),
      stageName: article.reviewStage === 0 ? '' : STAGE_NAMES[article.reviewStage],
      stages: stagesFor(levels).map((stage) => STAGE_NAMES[stage]),
      next: nextStepName(article, levels),
      steps: availableSteps(user, article, levels, approvers),
      history: await repositories.workflow.listForArticle(article.id),
    };
  }

  async function renderForm(
    res: Response,
    options: {
      article?: AdminArticle;
      values: ArticleFormValues;
      errors: ArticleFormErrors;
      notice?: string;
      status?: number;
      /** what a reviewer wrote in a step that did not go through */
      stepNote?: string;
      correctionNote?: string;
      retractionReason?: string;
    },
  ) {
    const user = res.locals.currentUser!;
    const article = options.article;
    const newDraft: ReviewedArticle = { status: 'draft', reviewStage: 0, createdBy: user.id };
    const pendingChange = article && (await pendingChangeOf(article));
    const workflow = article ? await workflowOf(user, article, pendingChange) : undefined;
    // 发布前检查 of the text on the form (what is stored, or what was just posted), and at sign-off
    // of the text the sign-off puts online (a change's, when one waits)
    const lists = {
      sensitiveWords: await repositories.sensitiveWords.listAll(),
      usageRules: parseUsageRules(res.locals.site.usageRules),
    };
    const findings = prepublicationFindings(options.values, lists);
    const signFindings = article && pendingChange ? prepublicationFindings(withTextOf(article, pendingChange), lists) : findings;
    res.status(options.status ?? 200).render('admin/articles/form', {
      title: article ? ARTICLES_MESSAGES.editTitle : ARTICLES_MESSAGES.newTitle,
      article,
      values: options.values,
      errors: options.errors,
      notice: options.notice,
      categories: await categoryOptions(),
      staffOptions: await staffOptions(),
      tagSuggestions: await repositories.tags.listPopular(TAG_SUGGESTIONS),
      zoneName: timeZoneName(res.locals.site.timeZone),
      policyLabels: COMMENTS_MESSAGES.policyLabels,
      workflow,
      // the 已发布 and 定时 choices: for who may sign it off by saving (or correct it once signed)
      maySignBySaving: article ? article.status !== 'draft' || workflow!.steps.sign : userMaySignNew(user, newDraft),
      stepNote: options.stepNote ?? '',
      findings,
      signFindings,
      pendingChange,
      // a reporter's save of a signed article is a change for review (修改稿)
      proposing: article !== undefined && proposesChange(user, article),
      correctionNote: options.correctionNote ?? '',
      retractionReason: options.retractionReason ?? '',
      corrections: article ? await repositories.corrections.listForArticle(article.id) : [],
      correctionKinds: CORRECTION_KIND_NAMES,
      mayRetract: hasRole(user.role, 'chief'),
      mayCorrect: hasRole(user.role, 'editor'),
      isPublished: article !== undefined && isLive(article, clock()),
      ...WYSIWYG_ASSETS,
    });
  }

  /** A change the workflow refuses: the form again, with why, and the input kept (403, or 422 for unticked checks). */
  function renderRefusal(res: Response, refusal: Refusal, article: AdminArticle | undefined, values: ArticleFormValues) {
    return renderForm(res, { article, values, errors: {}, notice: ARTICLES_MESSAGES.refusals[refusal], status: refusalStatus(refusal) });
  }

  function userMaySignNew(user: User, draft: ReviewedArticle): boolean {
    // levels of the category are not known before one is chosen: a chief signs where 终审 is the only level
    return availableSteps(user, draft, 1, []).sign;
  }

  /** The form as stored: the article's fields and its tags. */
  async function formValuesOf(article: AdminArticle, timeZone: string): Promise<ArticleFormValues> {
    const tags = await repositories.tags.listForArticle(article.id);
    return {
      title: article.title,
      categoryId: String(article.categoryId),
      author: article.author,
      source: article.source,
      summary: article.summary,
      bodyHtml: article.bodyHtml,
      status: article.status,
      publishAt: article.publishedAt === null ? '' : toLocalInputValue(article.publishedAt, timeZone),
      isFeatured: article.isFeatured,
      removeCover: false,
      hideCover: article.hideCover,
      homePin: article.homePin,
      pinnedUntil: article.pinnedUntil === null ? '' : toLocalInputValue(article.pinnedUntil, timeZone),
      commentPolicy: article.commentPolicy,
      isReprint: article.reprint !== null,
      originalTitle: article.reprint?.originalTitle ?? '',
      originalAuthor: article.reprint?.originalAuthor ?? '',
      originalUrl: article.reprint?.originalUrl ?? '',
      tags: tags.map((tag) => tag.name).join('、'),
      authorStaffId: article.authorStaffId === null ? '' : String(article.authorStaffId),
      version: String(article.version),
    };
  }

  async function findOr404(raw: string | undefined): Promise<AdminArticle> {
    const article = await repositories.articles.findById(parseId(raw));
    if (!article) throw notFound(ARTICLES_MESSAGES.notFound);
    return article;
  }

  /** The cover after this save: a new upload, removed, or unchanged. */
  async function coverFor(req: Request, parsed: ParsedArticle, current: string | null, actor: Actor): Promise<string | null> {
    if (req.file) return (await images.save(req.file, actor)).cover.url;
    return parsed.removeCover ? null : current;
  }

  function publishTime(parsed: ParsedArticle, previous: number | null, now: number): number | null {
    if (parsed.status === 'published') return parsed.publishAt ?? (previous !== null && previous <= now ? previous : now);
    return parsed.publishAt;
  }

  function fieldsOf(parsed: ParsedArticle, coverImage: string | null, publishedAt: number | null): ArticleFields {
    return {
      categoryId: parsed.categoryId,
      title: parsed.title,
      author: parsed.author,
      source: parsed.source,
      summary: parsed.summary,
      bodyHtml: parsed.bodyHtml,
      coverImage,
      isFeatured: parsed.isFeatured,
      status: parsed.status,
      publishedAt,
      homePin: parsed.homePin,
      pinnedUntil: parsed.pinnedUntil,
      hideCover: parsed.hideCover,
      commentPolicy: parsed.commentPolicy,
      reprint: parsed.reprint,
      tags: parsed.tags,
      authorStaffId: parsed.authorStaffId,
    };
  }

  /** the staff records a byline may link to (the editor's choice list) */
  function staffOptions() {
    return repositories.staff.search('', STAFF_OPTIONS_MAX, 0);
  }

  async function parse(req: Request, res: Response) {
    const categories = await categoryOptions();
    return parseArticleForm(req.body, {
      categoryIds: new Set(categories.map((c) => c.id)),
      staffIds: new Set((await staffOptions()).map((member) => member.id)),
      timeZone: res.locals.site.timeZone,
      now: clock(),
    });
  }

  function takeStep(
    user: User,
    id: number,
    step: WorkflowStep,
    form: { version: number; note: string; publishAt: number | null; acknowledged: string[] },
  ): Promise<StepOutcome> {
    switch (step) {
      case 'submit':
        return workflowService.submit(user, id, form.version);
      case 'approve':
        return workflowService.approve(user, id, form.version, form.note);
      case 'return':
        return workflowService.returnForChanges(user, id, form.version, form.note);
      case 'sign':
        return workflowService.signOff(user, id, form.version, form.publishAt, form.acknowledged);
      case 'note':
        return workflowService.addNote(user, id, form.version, form.note);
      case 'discard':
        return workflowService.discardChange(user, id, form.version, form.note);
    }
  }

  return {
    async listArticles(req: Request, res: Response) {
      const { page, filter, raw } = parseArticleListQuery(req);
      const { status, category: categoryRaw, q } = raw;
      const total = await repositories.articles.countForAdmin(filter);
      const query = new URLSearchParams({
        ...(status && { status }),
        ...(filter.categoryId && { category: categoryRaw }),
        ...(q && { q }),
      });
      const basePath = `/admin/articles${query.size ? `?${query}` : ''}`;
      const pagination = paginate(page, total, PER_PAGE, basePath);
      if (page > pagination.totalPages) throw notFound();
      const articles = await repositories.articles.listForAdmin(filter, pagination.slice.limit, pagination.slice.offset);
      const categories = await categoryOptions();
      res.render('admin/articles/index', {
        title: ARTICLES_MESSAGES.listTitle,
        articles,
        categories,
        categoryById: new Map(categories.map((c) => [c.id, c])),
        filter: raw,
        pagination,
        now: clock(),
      });
    },

    async newArticle(_req: Request, res: Response) {
      await renderForm(res, { values: { ...emptyArticleForm(), author: res.locals.currentUser!.displayName }, errors: {} });
    },

    async createArticle(req: Request, res: Response) {
      const { values, errors, article: parsed } = await parse(req, res);
      if (!parsed) return renderForm(res, { values, errors, status: 422 });
      const user = res.locals.currentUser!;
      const fields = fieldsOf(parsed, await coverFor(req, parsed, null, user), publishTime(parsed, null, clock()));
      const outcome = await articleService.create(user, fields, acknowledgedOf(req.body));
      if (outcome.kind === 'refused') return renderRefusal(res, outcome.refusal, undefined, values);
      req.session.flash = { type: 'success', message: ARTICLES_MESSAGES.created };
      res.redirect(303, `/admin/articles/${outcome.id}/edit`);
    },

    async editArticle(req: Request<{ id: string }>, res: Response) {
      const article = await findOr404(req.params.id);
      if (article.deletedAt !== null) throw notFound(ARTICLES_MESSAGES.inTrash);
      // a reporter goes on with their change (修改稿) where one waits; everyone else edits the signed text
      const change = proposesChange(res.locals.currentUser!, article) ? await pendingChangeOf(article) : undefined;
      const shown = change ? articleWithChange(article, change) : article;
      await renderForm(res, { article, values: await formValuesOf(shown, res.locals.site.timeZone), errors: {} });
    },

    async updateArticle(req: Request<{ id: string }>, res: Response) {
      const article = await findOr404(req.params.id);
      if (article.deletedAt !== null) throw notFound(ARTICLES_MESSAGES.inTrash);
      const { values, errors, article: parsed } = await parse(req, res);
      if (!parsed) return renderForm(res, { article, values, errors, status: 422 });
      const conflict = (latest: AdminArticle) =>
        renderForm(res, {
          article: latest,
          values: { ...values, version: String(latest.version) },
          errors: {},
          notice: ARTICLES_MESSAGES.conflict,
          status: 409,
        });
      if (parsed.version !== article.version) return conflict(article);
      const user = res.locals.currentUser!;
      const fields = fieldsOf(
        parsed,
        await coverFor(req, parsed, article.coverImage, user),
        publishTime(parsed, article.publishedAt, clock()),
      );
      const outcome = await articleService.update(user, article.id, parsed.version, fields, acknowledgedOf(req.body));
      if (outcome.kind === 'conflict') return conflict(outcome.latest);
      if (outcome.kind === 'refused') {
        return renderRefusal(res, outcome.refusal, article, values);
      }
      if (outcome.kind === 'not-found' || outcome.kind === 'in-trash') {
        throw notFound(outcome.kind === 'in-trash' ? ARTICLES_MESSAGES.inTrash : ARTICLES_MESSAGES.notFound);
      }
      const message = outcome.kind === 'proposed' ? ARTICLES_MESSAGES.changeProposed : ARTICLES_MESSAGES.updated;
      req.session.flash = { type: 'success', message };
      res.redirect(303, `/admin/articles/${article.id}/edit`);
    },

    /** A step of review (提交, 通过, 退回, 签发, 内部意见): one service call; refused 403, outdated 409 with the note kept. */
    async stepArticle(req: Request<{ id: string }>, res: Response) {
      const article = await findOr404(req.params.id);
      if (article.deletedAt !== null) throw notFound(ARTICLES_MESSAGES.inTrash);
      const form = parseWorkflowStep(req.body, res.locals.site.timeZone);
      const values = await formValuesOf(article, res.locals.site.timeZone);
      if (form.error) return renderForm(res, { article, values, errors: {}, notice: form.error, status: 422, stepNote: form.note });
      const outcome = await takeStep(res.locals.currentUser!, article.id, form.step, { ...form, acknowledged: acknowledgedOf(req.body) });
      if (outcome.kind === 'not-found') throw notFound(ARTICLES_MESSAGES.notFound);
      if (outcome.kind === 'refused') {
        return renderRefusal(res, outcome.refusal, article, values);
      }
      if (outcome.kind === 'conflict') {
        const latest = (await repositories.articles.findById(article.id)) ?? article;
        return renderForm(res, {
          article: latest,
          values: await formValuesOf(latest, res.locals.site.timeZone),
          errors: {},
          notice: ARTICLES_MESSAGES.stepConflict,
          status: 409,
          stepNote: form.note,
        });
      }
      req.session.flash = { type: 'success', message: ARTICLES_MESSAGES.stepDone[form.step] };
      res.redirect(303, `/admin/articles/${article.id}/edit`);
    },

    /** 更正/更新: a dated note on a published article (422: empty or too long; 400: not published). */
    async correctArticle(req: Request<{ id: string }>, res: Response) {
      const article = await findOr404(req.params.id);
      const form = parseCorrectionForm(req.body);
      const values = await formValuesOf(article, res.locals.site.timeZone);
      if (form.error) return renderForm(res, { article, values, errors: {}, notice: form.error, status: 422, correctionNote: form.note });
      const outcome = await correctionService.correct(res.locals.currentUser!, article.id, form.kind, form.note);
      if (outcome === 'not-found') throw notFound(ARTICLES_MESSAGES.notFound);
      if (outcome === 'not-published') throw badRequest(ARTICLES_MESSAGES.notPublished);
      if (outcome !== 'done') return renderRefusal(res, outcome.refused, article, values);
      req.session.flash = { type: 'success', message: ARTICLES_MESSAGES.correctionAdded(CORRECTION_KIND_NAMES[form.kind]) };
      res.redirect(303, `/admin/articles/${article.id}/edit#notices`);
    },

    /** 撤稿: a chief withdraws a published article with a public reason (400: not published; 403: not a chief). */
    async retractArticle(req: Request<{ id: string }>, res: Response) {
      const article = await findOr404(req.params.id);
      const form = parseRetractionForm(req.body);
      const values = await formValuesOf(article, res.locals.site.timeZone);
      if (form.error)
        return renderForm(res, { article, values, errors: {}, notice: form.error, status: 422, retractionReason: form.reason });
      const outcome = await correctionService.retract(res.locals.currentUser!, article.id, form.reason, form.showsTitle);
      if (outcome === 'not-found') throw notFound(ARTICLES_MESSAGES.notFound);
      if (outcome === 'not-published') throw badRequest(ARTICLES_MESSAGES.notPublished);
      if (outcome !== 'done') return renderRefusal(res, outcome.refused, article, values);
      req.session.flash = { type: 'success', message: ARTICLES_MESSAGES.retracted };
      res.redirect(303, `/admin/articles/${article.id}/edit`);
    },

    /**
     * 修改对比: what changed in title, summary and body since the version last approved (初审/复审
     * or 签发); for a reporter's change (修改稿), what it changes in the version online.
     */
    async showDiff(req: Request<{ id: string }>, res: Response) {
      const article = await findOr404(req.params.id);
      const change = await pendingChangeOf(article);
      if (change) {
        return res.render('admin/articles/diff', {
          title: ARTICLES_MESSAGES.diffTitle(article.title),
          article,
          pendingChange: change,
          approved: undefined,
          fields: articleDiff(article, change.fields),
        });
      }
      const [revisions, history] = await Promise.all([
        repositories.articleRevisions.listForArticle(article.id),
        repositories.workflow.listForArticle(article.id),
      ]);
      const approved = lastApprovedRevision(revisions, history);
      res.render('admin/articles/diff', {
        title: ARTICLES_MESSAGES.diffTitle(article.title),
        article,
        pendingChange: undefined,
        approved,
        fields: approved ? articleDiff(approved.fields, article) : [],
      });
    },

    /** 待我审核: the articles waiting at a stage this user acts at, the longest waiting first. */
    async reviewQueue(_req: Request, res: Response) {
      const user = res.locals.currentUser!;
      const queues = await Promise.all(
        stagesActedAtBy(user.role).map(async ({ stage, name }) => ({
          stage,
          name,
          articles: (await repositories.articles.listForAdmin({ reviewStage: stage }, 100, 0)).reverse(),
        })),
      );
      const categories = await categoryOptions();
      res.render('admin/articles/review', {
        title: ARTICLES_MESSAGES.reviewTitle,
        queues,
        categoryById: new Map(categories.map((c) => [c.id, c])),
      });
    },

    async previewArticle(req: Request<{ id: string }>, res: Response) {
      await renderArticlePreview(repositories, res, await findOr404(req.params.id));
    },

    async trashArticle(req: Request<{ id: string }>, res: Response) {
      const outcome = await articleService.trash(res.locals.currentUser!, parseId(req.params.id));
      if (typeof outcome === 'object') throw new HttpError(403, ARTICLES_MESSAGES.refusals[outcome.refused]);
      if (outcome === 'published') throw badRequest(ARTICLES_MESSAGES.publishedCannotBeTrashed);
      if (outcome !== 'done') throw notFound(outcome === 'unchanged' ? ARTICLES_MESSAGES.alreadyInTrash : ARTICLES_MESSAGES.notFound);
      req.session.flash = { type: 'success', message: ARTICLES_MESSAGES.trashed };
      res.redirect(303, '/admin/articles');
    },

    async restoreArticle(req: Request<{ id: string }>, res: Response) {
      const outcome = await articleService.restore(res.locals.currentUser!, parseId(req.params.id));
      if (typeof outcome === 'object') throw new HttpError(403, ARTICLES_MESSAGES.refusals[outcome.refused]);
      if (outcome !== 'done') throw notFound(outcome === 'unchanged' ? ARTICLES_MESSAGES.notInTrash : ARTICLES_MESSAGES.notFound);
      req.session.flash = { type: 'success', message: ARTICLES_MESSAGES.restored };
      res.redirect(303, '/admin/articles?status=trash');
    },

    async purgeArticle(req: Request<{ id: string }>, res: Response) {
      const outcome = await articleService.purge(res.locals.currentUser!, parseId(req.params.id));
      if (outcome === 'not-found') throw notFound(ARTICLES_MESSAGES.notFound);
      if (outcome === 'unchanged') throw new HttpError(409, ARTICLES_MESSAGES.purgeOnlyTrash);
      req.session.flash = { type: 'success', message: ARTICLES_MESSAGES.purged };
      res.redirect(303, '/admin/articles?status=trash');
    },

    async listRevisions(req: Request<{ id: string }>, res: Response) {
      const article = await findOr404(req.params.id);
      const revisions = await repositories.articleRevisions.listForArticle(article.id);
      res.render('admin/articles/revisions', { title: ARTICLES_MESSAGES.revisionsTitle(article.title), article, revisions });
    },

    async showRevision(req: Request<{ id: string; revisionId: string }>, res: Response) {
      const article = await findOr404(req.params.id);
      const revision = await repositories.articleRevisions.findById(parseId(req.params.revisionId));
      if (!revision || revision.articleId !== article.id) throw notFound(ARTICLES_MESSAGES.revisionNotFound);
      res.render('admin/articles/revision', {
        title: ARTICLES_MESSAGES.revisionTitle(revision.id, revision.fields.title),
        current: article,
        revision,
        // printed with <%- article.bodyHtml %>: revisions hold HTML sanitized when it was saved
        article: { bodyHtml: revision.fields.bodyHtml },
      });
    },

    async restoreRevision(req: Request<{ id: string; revisionId: string }>, res: Response) {
      const articleId = parseId(req.params.id);
      const outcome = await articleService.restoreRevision(res.locals.currentUser!, articleId, parseId(req.params.revisionId));
      if (outcome.kind === 'not-found') throw notFound(ARTICLES_MESSAGES.revisionNotFound);
      if (outcome.kind === 'in-trash') throw notFound(ARTICLES_MESSAGES.inTrash);
      if (outcome.kind === 'conflict') throw new HttpError(409, ARTICLES_MESSAGES.conflict);
      if (outcome.kind === 'refused') throw new HttpError(refusalStatus(outcome.refusal), ARTICLES_MESSAGES.refusals[outcome.refusal]);
      const restored = outcome.kind === 'proposed' ? ARTICLES_MESSAGES.changeProposed : ARTICLES_MESSAGES.revisionRestored;
      req.session.flash = { type: 'success', message: restored };
      res.redirect(303, `/admin/articles/${articleId}/edit`);
    },

    /** POST /admin/uploads: an image for the editor (JSON), or from the plain upload form. */
    async uploadImage(req: Request, res: Response) {
      if (!req.file) throw badRequest(UPLOADS_MESSAGES.noImage);
      const stored = await images.save(req.file, res.locals.currentUser!); // ImageRejected answers 400/415 with its message
      if (req.accepts(['json', 'html']) === 'json') {
        return res
          .status(201)
          .json({ url: stored.large.url, cover: stored.cover.url, width: stored.large.width, height: stored.large.height });
      }
      res.status(201).render('admin/articles/uploaded', { title: UPLOADS_MESSAGES.uploadedTitle, stored });
    },

    showUploadForm(_req: Request, res: Response) {
      res.render('admin/articles/upload', { title: UPLOADS_MESSAGES.uploadTitle });
    },
  };
}
