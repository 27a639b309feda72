// Path -> handler table of the feeds and sitemaps.
import { Router } from 'express';
import { feedController } from '../controllers/feed-controller.js';
import type { SiteContext } from '../site-context.js';

export function feedRoutes(context: SiteContext): Router {
  const feeds = feedController(context);
  const router = Router({ strict: false });
  router.get('/feed.xml', feeds.siteFeed);
  router.get('/category/:slug/feed.xml', feeds.categoryFeed);
  router.get('/tag/:id/feed.xml', feeds.tagFeed);
  router.get('/topic/:slug/feed.xml', feeds.topicFeed);
  router.get('/sitemap.xml', feeds.sitemap);
  router.get('/sitemap-pages.xml', feeds.sitemapPages);
  router.get('/sitemap-articles-:part.xml', feeds.sitemapArticles);
  router.get('/sitemap-news.xml', feeds.newsSitemap);
  return router;
}
