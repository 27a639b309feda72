// The home page: headline, latest news and one block per category (lists shared by every
// request until content changes: see services/front-page.ts).
import type { Request, Response } from 'express';
import type { SiteContext } from '../site-context.js';
import { TOPIC_STATUS_NAMES } from '../../services/topic-status.js';

export function homeController({ frontPage }: SiteContext) {
  return {
    async showHome(_req: Request, res: Response) {
      const { chrome } = res.locals;
      const { headline, latest, pinnedIds, blocks, weekTop, topics } = await frontPage.get();
      res.render('home/index', {
        meta: { title: chrome.settings.siteName, description: chrome.settings.siteDescription, path: '/' },
        headline,
        latest,
        pinnedIds,
        blocks,
        weekTop,
        topics,
        topicStatusNames: TOPIC_STATUS_NAMES,
      });
    },
  };
}
