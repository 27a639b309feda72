// A tag's page (/tag/:id): its visible articles, newest first, 20 a page.
import type { Request, Response } from 'express';
import { notFound } from '../http-error.js';
import { SITE_MESSAGES } from '../messages/site.js';
import { paginate } from '../pagination.js';
import { pageNumber, parseId } from '../params.js';
import type { SiteContext } from '../site-context.js';
import { ARTICLES_PER_PAGE } from './category-controller.js';

export function tagController({ repositories, clock }: SiteContext) {
  return {
    async showTag(req: Request<{ id: string }>, res: Response) {
      const tag = await repositories.tags.findById(parseId(req.params.id));
      if (!tag) throw notFound(SITE_MESSAGES.tagNotFound);
      const page = pageNumber(req);
      const now = clock();
      const basePath = `/tag/${tag.id}`;
      const pagination = paginate(page, await repositories.tags.countVisibleArticles(tag.id, now), ARTICLES_PER_PAGE, basePath);
      if (page > pagination.totalPages) throw notFound(SITE_MESSAGES.noSuchPage);
      const articles = await repositories.tags.listVisibleArticles(tag.id, pagination.slice, now);
      res.render('tags/show', {
        meta: {
          title: SITE_MESSAGES.pageTitle(SITE_MESSAGES.tagTitle(tag.name), page),
          description: SITE_MESSAGES.tagDescription(tag.name, res.locals.site.siteName),
          path: pagination.href,
        },
        tag,
        articles,
        pagination,
      });
    },
  };
}
