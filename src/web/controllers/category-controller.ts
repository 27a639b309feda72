// Category lists (栏目), 20 articles a page. The category and its article count come from
// the site chrome (shared until content changes), so a page costs one query.
import type { Request, Response } from 'express';
import type { SiteContext } from '../site-context.js';
import { notFound } from '../http-error.js';
import { paginate } from '../pagination.js';
import { pageNumber } from '../params.js';
import { SITE_MESSAGES } from '../messages/site.js';

export const ARTICLES_PER_PAGE = 20;

export function categoryController({ repositories, clock }: SiteContext) {
  return {
    async showCategory(req: Request<{ slug: string }>, res: Response) {
      const page = pageNumber(req);
      const { chrome } = res.locals;
      const category = chrome.categoryBySlug.get(req.params.slug);
      if (!category) throw notFound(SITE_MESSAGES.categoryNotFound);
      const now = clock();
      const total = chrome.articleCounts.get(category.id) ?? 0;
      const basePath = `/category/${category.slug}`;
      const pagination = paginate(page, total, ARTICLES_PER_PAGE, basePath);
      if (page > pagination.totalPages) throw notFound(SITE_MESSAGES.noSuchPage);
      const articles = await repositories.articles.listVisible({ categoryId: category.id, ...pagination.slice }, now);
      res.render('categories/show', {
        meta: {
          title: SITE_MESSAGES.categoryPageTitle(category.name, page),
          description: category.description,
          path: pagination.href,
        },
        category,
        articles,
        pagination,
      });
    },
  };
}
