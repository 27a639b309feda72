// /admin/audit: path -> handler table of the audit log (mounted behind requireRole('admin')).
import { Router } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { auditController } from '../../controllers/admin/audit-controller.js';

export function auditRoutes(context: AdminContext): Router {
  const audit = auditController(context);
  const router = Router();
  router.get('/', audit.listAudit);
  return router;
}
