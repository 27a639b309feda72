// Path -> handler table of 评论申诉.
import { Router } from 'express';
import { appealController } from '../controllers/appeal-controller.js';
import { csrfProtection } from '../middleware/csrf.js';
import { formBody } from '../middleware/form-body.js';
import { reportLookupRateLimit, reportRateLimit } from '../middleware/rate-limits.js';
import type { SiteContext } from '../site-context.js';

export function appealRoutes(context: SiteContext): Router {
  const appeals = appealController(context);
  const router = Router();
  router.get('/appeal', reportLookupRateLimit(context.rateLimits, 20, 'appeal-status:'), appeals.showAppeal);
  router.post('/appeal', reportRateLimit(context.rateLimits, 10, 'appeal:'), formBody(), csrfProtection, appeals.createAppeal);
  return router;
}
