// Path -> handler table of 举报 and 处理结果.
import { Router } from 'express';
import { reportController } from '../controllers/report-controller.js';
import { csrfProtection } from '../middleware/csrf.js';
import { formBody } from '../middleware/form-body.js';
import { reportLookupRateLimit, reportRateLimit } from '../middleware/rate-limits.js';
import type { SiteContext } from '../site-context.js';

export function reportRoutes(context: SiteContext): Router {
  const reports = reportController(context);
  const router = Router();
  router.get('/comments/:id/report', reports.showReportForm);
  router.post('/comments/:id/report', reportRateLimit(context.rateLimits), formBody(), csrfProtection, reports.createReport);
  router.get('/comments/:id/report/done', reports.showReceipt);
  router.get('/report-status', reportLookupRateLimit(context.rateLimits), reports.showStatus);
  return router;
}
