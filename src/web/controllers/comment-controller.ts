// 查看所有评论: every approved comment of an article, paginated, oldest or newest first.
import type { Request, Response } from 'express';
import type { SiteContext } from '../site-context.js';
import { badRequest, notFound } from '../http-error.js';
import { paginate } from '../pagination.js';
import { pageNumber, parseId, queryString } from '../params.js';

export const COMMENTS_PER_PAGE = 20;

export function commentController({ repositories, clock }: SiteContext) {
  return {
    async listComments(req: Request<{ id: string }>, res: Response) {
      const id = parseId(req.params.id);
      const page = pageNumber(req);
      const order = queryString(req, 'order') ?? 'oldest';
      if (order !== 'oldest' && order !== 'newest') throw badRequest('排序方式只能是 oldest 或 newest。');
      const article = await repositories.articles.findVisibleById(id, clock());
      if (!article) throw notFound('这篇文章不存在或已被删除。');
      const total = await repositories.comments.countApproved(article.id);
      const basePath = `/article/${article.id}/comments${order === 'newest' ? '?order=newest' : ''}`;
      const pagination = paginate(page, total, COMMENTS_PER_PAGE, basePath);
      if (page > pagination.totalPages) throw notFound('没有这一页。');
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
