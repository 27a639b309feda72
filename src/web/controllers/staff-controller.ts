// 人员查询: readers check whether someone claiming to work for the site does, by exact name
// or card number. Never lists staff.
import type { Request, Response } from 'express';
import type { SiteContext } from '../site-context.js';
import { SITE_MESSAGES } from '../messages/site.js';
import { queryString } from '../params.js';

const MAX_QUERY_LENGTH = 40;

export function staffController({ repositories }: SiteContext) {
  return {
    async lookUpStaff(req: Request, res: Response) {
      const raw = queryString(req, 'q') ?? '';
      const query = raw.normalize('NFKC').trim();
      let error: string | undefined;
      let results: Awaited<ReturnType<typeof repositories.staff.findExact>> | undefined;
      if (Array.from(query).length > MAX_QUERY_LENGTH) {
        error = SITE_MESSAGES.staffQueryTooLong(MAX_QUERY_LENGTH);
        res.status(422);
      } else if (query !== '') {
        results = await repositories.staff.findExact(query);
      }
      res.render('staff/lookup', {
        meta: { title: SITE_MESSAGES.staffTitle, description: SITE_MESSAGES.staffDescription, path: '/staff' },
        query: raw.slice(0, 200),
        results,
        error,
      });
    },
  };
}
