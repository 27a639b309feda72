// /corrections: every 更正 and 更新 note of the articles readers can see, newest first, 20 a page
// (a cached page: a new note makes a new version of its article, which the change feed hears).
import type { Request, Response } from 'express';
import { notFound } from '../http-error.js';
import { SITE_MESSAGES } from '../messages/site.js';
import { paginate } from '../pagination.js';
import { pageNumber } from '../params.js';
import type { SiteContext } from '../site-context.js';

export const CORRECTIONS_PER_PAGE = 20;

export function correctionsController({ repositories, clock }: SiteContext) {
  return {
    async listCorrections(req: Request, res: Response) {
      const page = pageNumber(req);
      const now = clock();
      const pagination = paginate(page, await repositories.corrections.countVisible(now), CORRECTIONS_PER_PAGE, '/corrections');
      if (page > pagination.totalPages) throw notFound(SITE_MESSAGES.noSuchPage);
      const corrections = await repositories.corrections.listVisible(pagination.slice, now);
      res.render('corrections/index', {
        meta: { title: SITE_MESSAGES.correctionsTitle, description: SITE_MESSAGES.correctionsDescription, path: '/corrections' },
        corrections,
        pagination,
      });
    },
  };
}
