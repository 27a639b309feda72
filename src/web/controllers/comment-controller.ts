// Comments: the per-reader comment form (framed by the cached article page, and as a page of its
// own), posting one (POST /article/:id/comments, post/redirect/get whether it succeeds or fails)
// and 查看所有评论, every approved comment of an article, paginated, oldest or newest first.
import type { Request, Response } from 'express';
import type { SiteContext } from '../site-context.js';
import { parseCommentForm } from '../forms/comment-form.js';
import { badRequest, forbidden, notFound } from '../http-error.js';
import { paginate } from '../pagination.js';
import { pageNumber, parseId, queryString } from '../params.js';
import { csrfToken } from '../middleware/csrf.js';
import { cacheAsArticlePage } from '../page-cache/capture.js';
import { CAPTCHA_VERDICT_MESSAGES, SITE_MESSAGES } from '../messages/site.js';
import type { CommentDraft, CommentFormState } from '../session-data.js';
import type { Article, CommentPolicy } from '../../domain/types.js';
import { commentPolicyOf } from '../../services/comment-policy.js';
import type { SubmitOutcome } from '../../services/comment-service.js';

/** Why the service refused a valid comment, as the reader is told. */
const REFUSALS: Record<Exclude<SubmitOutcome['kind'], 'created'>, string> = {
  duplicate: SITE_MESSAGES.commentDuplicate,
  'too-soon': SITE_MESSAGES.commentTooSoon,
  'hourly-cap': SITE_MESSAGES.commentHourlyCap,
};

export const COMMENTS_PER_PAGE = 20;

/**
 * Where a post that failed sends the reader (post/redirect/get): a page of their own with the
 * form at the top, the reason in a summary that takes the focus, and what they typed. (Not an
 * anchor on the cached article page: a URL fragment keeps the browser from focusing anything.)
 */
export const newCommentPath = (articleId: number): string => `/article/${articleId}/comments/new`;

export function commentController(context: SiteContext) {
  const { repositories, clock, captchas, commentService } = context;

  async function findArticle(raw: string | undefined): Promise<Article> {
    const article = await repositories.articles.findVisibleById(parseId(raw), clock());
    if (!article) throw notFound(SITE_MESSAGES.articleNotFound);
    return article;
  }

  function policyOf(res: Response, article: Article): CommentPolicy {
    return commentPolicyOf(article, res.locals.chrome.categoryById.get(article.categoryId));
  }

  /** Comments closed: the form pages say so (403), in place of the form. */
  function renderClosed(res: Response, view: 'comments/form-frame' | 'comments/new', locals: Record<string, unknown>) {
    res.status(403).render(view, { ...locals, commentPolicy: 'closed' });
  }

  /**
   * This reader's form for the article: their kept text (after a post that failed) or their
   * last nickname. With `reasons`, why the post failed, shown once: the text stays until the
   * comment is posted, so a reload keeps it.
   */
  function readersForm(req: Request, articleId: number, { reasons }: { reasons: boolean }): CommentFormState {
    const draft = req.session.commentDraft?.articleId === articleId ? req.session.commentDraft : undefined;
    if (!draft) return { values: { nickname: req.session.commentNickname ?? '', body: '' }, errors: {} };
    if (!reasons) return { values: draft.values, errors: {} };
    if (draft.notice || Object.keys(draft.errors).length > 0) req.session.commentDraft = { articleId, values: draft.values, errors: {} };
    return draft;
  }

  function takeFlash(req: Request) {
    const flash = req.session.flash;
    if (flash) delete req.session.flash;
    return flash;
  }

  function failed(req: Request, res: Response, draft: CommentDraft) {
    req.session.commentDraft = draft;
    res.redirect(303, newCommentPath(draft.articleId));
  }

  return {
    /** The form for one reader (token, captcha, their flash), framed by the cached article page. */
    async showCommentForm(req: Request<{ id: string }>, res: Response) {
      const article = await findArticle(req.params.id);
      res.set('Cache-Control', 'no-store');
      if (policyOf(res, article) !== 'open') return renderClosed(res, 'comments/form-frame', { article });
      res.render('comments/form-frame', {
        article,
        commentForm: readersForm(req, article.id, { reasons: false }),
        csrfToken: csrfToken(req),
        flash: takeFlash(req),
      });
    },

    /** 发表评论 as a page of its own: where a post that failed lands, and a plain form for anyone. */
    async newComment(req: Request<{ id: string }>, res: Response) {
      const article = await findArticle(req.params.id);
      res.set('Cache-Control', 'no-store');
      const meta = { title: SITE_MESSAGES.newCommentTitle(article.title), description: article.summary, path: newCommentPath(article.id) };
      const category = res.locals.chrome.categoryById.get(article.categoryId);
      if (policyOf(res, article) !== 'open') return renderClosed(res, 'comments/new', { meta, article, category, noindex: true });
      res.render('comments/new', {
        meta,
        article,
        category,
        commentForm: readersForm(req, article.id, { reasons: true }),
        csrfToken: csrfToken(req),
        noindex: true,
      });
    },

    async createComment(req: Request<{ id: string }>, res: Response) {
      const article = await findArticle(req.params.id);
      if (policyOf(res, article) !== 'open') throw forbidden(SITE_MESSAGES.commentsClosed);
      const { values, errors } = parseCommentForm(req.body);
      // Every attempt uses up the captcha, right or wrong, so an answer cannot be tried twice.
      const verdict = await captchas.verify(req.sessionID, 'comment', values.captcha);
      if (verdict !== 'correct' && !errors.captcha) errors.captcha = CAPTCHA_VERDICT_MESSAGES[verdict];
      const kept = { articleId: article.id, values: { nickname: values.nickname, body: values.body } };
      if (Object.keys(errors).length > 0) return failed(req, res, { ...kept, errors });
      const outcome = await commentService.submit({
        articleId: article.id,
        nickname: values.nickname,
        body: values.body,
        ip: req.ip ?? '',
        moderation: res.locals.site.commentModeration,
      });
      if (outcome.kind !== 'created') return failed(req, res, { ...kept, errors: {}, notice: REFUSALS[outcome.kind] });
      delete req.session.commentDraft;
      req.session.commentNickname = values.nickname;
      const message = outcome.status === 'approved' ? SITE_MESSAGES.commentPublished : SITE_MESSAGES.commentAwaitsReview;
      req.session.flash = {
        type: outcome.status === 'approved' ? 'success' : 'info',
        message: `${message}${SITE_MESSAGES.appealCodeGiven(outcome.appealCode)}`,
      };
      res.redirect(303, `/article/${article.id}#comments`);
    },

    async listComments(req: Request<{ id: string }>, res: Response) {
      const page = pageNumber(req);
      const order = queryString(req, 'order') ?? 'oldest';
      if (order !== 'oldest' && order !== 'newest') throw badRequest(SITE_MESSAGES.commentOrderInvalid);
      const article = await findArticle(req.params.id);
      cacheAsArticlePage(res, article.id, { countsRead: false });
      const commentPolicy = policyOf(res, article);
      const total = commentPolicy === 'hidden' ? 0 : await repositories.comments.countApproved(article.id);
      const basePath = `/article/${article.id}/comments${order === 'newest' ? '?order=newest' : ''}`;
      const pagination = paginate(page, total, COMMENTS_PER_PAGE, basePath);
      if (page > pagination.totalPages) throw notFound(SITE_MESSAGES.noSuchPage);
      const comments =
        commentPolicy === 'hidden'
          ? []
          : await repositories.comments.listApproved(article.id, {
              limit: COMMENTS_PER_PAGE,
              offset: (page - 1) * COMMENTS_PER_PAGE,
              newestFirst: order === 'newest',
            });
      res.render('comments/index', {
        meta: { title: SITE_MESSAGES.commentsTitle(article.title), description: article.summary, path: `/article/${article.id}/comments` },
        article,
        category: res.locals.chrome.categoryById.get(article.categoryId),
        comments,
        commentPolicy,
        order,
        pagination,
        firstNumber: (page - 1) * COMMENTS_PER_PAGE + 1,
      });
    },
  };
}
