// The home page: headline, latest news and one block per category.
import type { Request, Response } from 'express';
import type { SiteContext } from '../site-context.js';

const LATEST_COUNT = 12;
const PER_CATEGORY = 6;

export function homeController({ repositories, clock }: SiteContext) {
  return {
    async showHome(_req: Request, res: Response) {
      const now = clock();
      const { chrome } = res.locals;
      const latest = await repositories.articles.listVisible({ limit: LATEST_COUNT + 1 }, now);
      // The headline is the newest article with a cover, else the newest article.
      const headline = latest.find((a) => a.coverImage) ?? latest[0];
      const blocks = await Promise.all(
        chrome.categories.map(async (category) => ({
          category,
          articles: await repositories.articles.listVisible({ categoryId: category.id, limit: PER_CATEGORY }, now),
        })),
      );
      res.render('home/index', {
        meta: { title: chrome.settings.siteName, description: chrome.settings.siteDescription, path: '/' },
        headline,
        latest: latest.filter((a) => a !== headline).slice(0, LATEST_COUNT),
        blocks,
      });
    },
  };
}
