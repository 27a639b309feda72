// The rankings page (点击排行): the 20 most-read articles today, in the last 7 days, the last
// 30 days (all counting today) and of all time, for the whole site or one category.
import type { Request, Response } from 'express';
import { daySpan } from '../../services/site-time.js';
import { badRequest, notFound } from '../http-error.js';
import { SITE_MESSAGES } from '../messages/site.js';
import { queryString } from '../params.js';
import type { SiteContext } from '../site-context.js';

export const RANKING_LENGTH = 20;

export type RankPeriod = 'day' | 'week' | 'month' | 'all';
export const DEFAULT_PERIOD: RankPeriod = 'week';

/** The periods in tab order; `days` counts today, undefined means all time. */
export const RANK_PERIODS: readonly { id: RankPeriod; tab: string; heading: string; days?: number }[] = [
  { id: 'day', tab: '今日', heading: '今日点击排行', days: 1 },
  { id: 'week', tab: '本周', heading: '近 7 天点击排行', days: 7 },
  { id: 'month', tab: '本月', heading: '近 30 天点击排行', days: 30 },
  { id: 'all', tab: '总榜', heading: '总点击排行' },
];

const SLUG_SYNTAX = /^[A-Za-z0-9_-]{1,100}$/;

/** /rank with the period and category in a fixed order; the defaults are left out. */
export function rankUrl(period: RankPeriod, categorySlug?: string): string {
  const params = new URLSearchParams();
  if (period !== DEFAULT_PERIOD) params.set('period', period);
  if (categorySlug) params.set('category', categorySlug);
  const query = params.toString();
  return query ? `/rank?${query}` : '/rank';
}

export function rankingController({ repositories, clock }: SiteContext) {
  const { rankings } = repositories;
  return {
    async showRankings(req: Request, res: Response) {
      const periodParam = queryString(req, 'period') || DEFAULT_PERIOD;
      const period = RANK_PERIODS.find((p) => p.id === periodParam);
      if (!period) throw badRequest(SITE_MESSAGES.rankPeriodInvalid);
      const slug = queryString(req, 'category') || undefined;
      if (slug !== undefined && !SLUG_SYNTAX.test(slug)) throw badRequest(SITE_MESSAGES.rankCategoryInvalid);
      const category = slug === undefined ? undefined : res.locals.chrome.categoryBySlug.get(slug);
      if (slug !== undefined && !category) throw notFound(SITE_MESSAGES.categoryNotFound);

      const now = clock();
      const query = { categoryId: category?.id, limit: RANKING_LENGTH };
      const span = period.days === undefined ? undefined : daySpan(now, res.locals.site.timeZone, period.days);
      const items = span ? await rankings.topInDays(span, query, now) : await rankings.topAllTime(query, now);

      res.render('rank/index', {
        meta: {
          title: SITE_MESSAGES.rankTitle(period.heading, category?.name),
          description: SITE_MESSAGES.rankDescription(res.locals.site.siteName, period.heading, RANKING_LENGTH, category?.name),
          path: rankUrl(period.id, category?.slug),
        },
        period,
        periods: RANK_PERIODS.map((p) => ({ ...p, href: rankUrl(p.id, category?.slug), current: p.id === period.id })),
        filterCategory: category,
        categoryLinks: [
          { name: SITE_MESSAGES.rankAllCategories, href: rankUrl(period.id), current: !category },
          ...res.locals.chrome.categories.map((c) => ({ name: c.name, href: rankUrl(period.id, c.slug), current: c.id === category?.id })),
        ],
        span,
        items,
      });
    },
  };
}
