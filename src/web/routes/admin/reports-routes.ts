// /admin/reports: path -> handler table of the comment-report queue (editors and admins).
import { Router } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { reportsController } from '../../controllers/admin/reports-controller.js';
import { csrfProtection } from '../../middleware/csrf.js';
import { formBody } from '../../middleware/form-body.js';

export function reportsRoutes(context: AdminContext): Router {
  const reports = reportsController(context);
  const router = Router();
  router.get('/', reports.listReports);
  router.post('/:id/decision', formBody('8kb'), csrfProtection, reports.decideReport);
  router.post('/appeals/:id/decision', formBody('8kb'), csrfProtection, reports.decideAppeal);
  return router;
}
