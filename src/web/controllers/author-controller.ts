// An author's page (/author/:id): the staff record a byline links to, as a verification card
// (name, department, position, status; never the card number, which stays the proof 人员查询
// asks for), and their visible articles, 20 a page.
import type { Request, Response } from 'express';
import { notFound } from '../http-error.js';
import { SITE_MESSAGES } from '../messages/site.js';
import { paginate } from '../pagination.js';
import { pageNumber, parseId } from '../params.js';
import type { SiteContext } from '../site-context.js';
import { ARTICLES_PER_PAGE } from './category-controller.js';

export function authorController({ repositories, clock }: SiteContext) {
  return {
    async showAuthor(req: Request<{ id: string }>, res: Response) {
      const member = await repositories.staff.findById(parseId(req.params.id));
      if (!member) throw notFound(SITE_MESSAGES.authorNotFound);
      const page = pageNumber(req);
      const now = clock();
      const basePath = `/author/${member.id}`;
      const total = await repositories.articles.countVisibleByAuthor(member.id, now);
      const pagination = paginate(page, total, ARTICLES_PER_PAGE, basePath);
      if (page > pagination.totalPages) throw notFound(SITE_MESSAGES.noSuchPage);
      const articles = await repositories.articles.listVisibleByAuthor(member.id, pagination.slice, now);
      const { cardNumber: _withheld, ...card } = member;
      res.render('authors/show', {
        meta: {
          title: SITE_MESSAGES.pageTitle(SITE_MESSAGES.authorTitle(member.name), page),
          description: SITE_MESSAGES.authorDescription(member.name, res.locals.site.siteName),
          path: pagination.href,
        },
        author: card,
        articles,
        pagination,
      });
    },
  };
}
