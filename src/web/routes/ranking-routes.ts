// Path -> handler table of the rankings page (点击排行).
import { Router } from 'express';
import type { Db } from '../../db/database.js';
import { SqliteRankingRepository } from '../../repositories/ranking-repository.js';
import { rankingController } from '../controllers/ranking-controller.js';
import type { SiteContext } from '../site-context.js';

export function rankingRoutes(context: SiteContext, db: Db): Router {
  const rankings = rankingController(context, new SqliteRankingRepository(db));
  const router = Router({ strict: false });
  router.get('/rank', rankings.showRankings);
  return router;
}
