// Comments: posting one (POST /article/:id/comments) and 查看所有评论, every approved comment
// of an article, paginated, oldest or newest first.
import type { Request, Response } from 'express';
import type { SiteContext } from '../site-context.js';
import { parseCommentForm } from '../forms/comment-form.js';
import { badRequest, notFound } from '../http-error.js';
import { paginate } from '../pagination.js';
import { pageNumber, parseId, queryString } from '../params.js';
import { renderArticlePage } from './article-page.js';
import { csrfToken } from '../middleware/csrf.js';
import { cacheAsArticlePage } from '../page-cache/capture.js';
import { CAPTCHA_VERDICT_MESSAGES, MESSAGES } from '../messages.js';

export const COMMENTS_PER_PAGE = 20;


const EMPTY_FORM = { values: { nickname: '', body: '' }, errors: {} };

export function commentController(context: SiteContext) {
  const { repositories, clock, captchas, commentService } = context;
  return {
    /** The form for one reader (token, captcha, their flash message), framed by the cached article page. */
    async showCommentForm(req: Request<{ id: string }>, res: Response) {
      const article = await repositories.articles.findVisibleById(parseId(req.params.id), clock());
      if (!article) throw notFound(MESSAGES.articleNotFound);
      const flash = req.session.flash;
      if (flash) delete req.session.flash;
      res.set('Cache-Control', 'no-store');
      res.render('comments/form-frame', { article, commentForm: EMPTY_FORM, csrfToken: csrfToken(req), flash });
    },

    async createComment(req: Request<{ id: string }>, res: Response) {
      const article = await repositories.articles.findVisibleById(parseId(req.params.id), clock());
      if (!article) throw notFound(MESSAGES.articleNotFound);
      const { values, errors } = parseCommentForm(req.body);
      // Every attempt uses up the captcha, right or wrong, so an answer cannot be tried twice.
      const verdict = await captchas.verify(req.sessionID, 'comment', values.captcha);
      if (verdict !== 'correct' && !errors.captcha) errors.captcha = CAPTCHA_VERDICT_MESSAGES[verdict];
      const form = { values: { nickname: values.nickname, body: values.body }, errors };
      if (Object.keys(errors).length > 0) {
        res.status(422);
        return renderArticlePage(context, req, res, article, form);
      }
      const outcome = await commentService.submit({
        articleId: article.id,
        nickname: values.nickname,
        body: values.body,
        ip: req.ip ?? '',
        moderation: res.locals.site.commentModeration,
      });
      if (outcome.kind !== 'created') {
        const [status, notice] =
          outcome.kind === 'duplicate'
            ? [409, MESSAGES.commentDuplicate]
            : outcome.kind === 'too-soon'
              ? [429, MESSAGES.commentTooSoon]
              : [429, MESSAGES.commentHourlyCap];
        res.status(status);
        return renderArticlePage(context, req, res, article, { ...form, notice });
      }
      req.session.flash =
        outcome.status === 'approved'
          ? { type: 'success', message: MESSAGES.commentPublished }
          : { type: 'info', message: MESSAGES.commentAwaitsReview };
      res.redirect(303, `/article/${article.id}#comments`);
    },

    async listComments(req: Request<{ id: string }>, res: Response) {
      const id = parseId(req.params.id);
      const page = pageNumber(req);
      const order = queryString(req, 'order') ?? 'oldest';
      if (order !== 'oldest' && order !== 'newest') throw badRequest('排序方式只能是 oldest 或 newest。');
      const article = await repositories.articles.findVisibleById(id, clock());
      if (!article) throw notFound(MESSAGES.articleNotFound);
      cacheAsArticlePage(res, article.id, { countsRead: false });
      const total = await repositories.comments.countApproved(article.id);
      const basePath = `/article/${article.id}/comments${order === 'newest' ? '?order=newest' : ''}`;
      const pagination = paginate(page, total, COMMENTS_PER_PAGE, basePath);
      if (page > pagination.totalPages) throw notFound(MESSAGES.noSuchPage);
      const comments = await repositories.comments.listApproved(article.id, {
        limit: COMMENTS_PER_PAGE,
        offset: (page - 1) * COMMENTS_PER_PAGE,
        newestFirst: order === 'newest',
      });
      res.render('comments/index', {
        meta: { title: `评论：${article.title}`, description: article.summary, path: `/article/${article.id}/comments` },
        article,
        category: res.locals.chrome.categoryById.get(article.categoryId),
        comments,
        order,
        pagination,
        firstNumber: (page - 1) * COMMENTS_PER_PAGE + 1,
      });
    },
  };
}
