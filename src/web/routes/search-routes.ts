// Path -> handler table of the site search.
import { Router } from 'express';
import type { SiteContext } from '../site-context.js';
import { searchController } from '../controllers/search-controller.js';

export function searchRoutes(context: SiteContext): Router {
  const search = searchController(context);
  const router = Router({ strict: false });
  router.get('/search', search.searchArticles);
  return router;
}
