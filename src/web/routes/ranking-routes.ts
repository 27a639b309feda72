// Path -> handler table of the rankings page (点击排行).
import { Router } from 'express';
import { rankingController } from '../controllers/ranking-controller.js';
import type { SiteContext } from '../site-context.js';

export function rankingRoutes(context: SiteContext): Router {
  const rankings = rankingController(context);
  const router = Router({ strict: false });
  router.get('/rank', rankings.showRankings);
  return router;
}
