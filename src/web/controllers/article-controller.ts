// The article page (the reference page): article, comment form, latest comments, sidebars.
import type { Request, Response } from 'express';
import type { SiteContext } from '../site-context.js';
import { notFound } from '../http-error.js';
import { parseId } from '../params.js';
import { csrfToken } from '../middleware/csrf.js';

const LATEST_COMMENTS = 5;

export function articleController({ repositories, clock, viewCounter }: SiteContext) {
  return {
    async showArticle(req: Request<{ id: string }>, res: Response) {
      const id = parseId(req.params.id);
      const article = await repositories.articles.findVisibleById(id, clock());
      if (!article) throw notFound('这篇文章不存在或已被删除。');
      viewCounter.recordArticleRead(article.id, { ip: req.ip ?? '', userAgent: req.get('user-agent') ?? '' });
      const [comments, commentCount] = await Promise.all([
        repositories.comments.listApproved(article.id, { limit: LATEST_COMMENTS, newestFirst: true }),
        repositories.comments.countApproved(article.id),
      ]);
      const category = res.locals.chrome.categoryById.get(article.categoryId);
      res.render('articles/show', {
        meta: { title: article.title, description: article.summary, path: `/article/${article.id}`, type: 'article' },
        article,
        category,
        views: article.views + viewCounter.pendingArticleReads(article.id),
        comments,
        commentCount,
        commentForm: { values: { nickname: '', body: '' }, errors: {} },
        csrfToken: csrfToken(req),
      });
    },
  };
}
