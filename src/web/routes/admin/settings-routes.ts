// /admin/settings: path -> handler table of the site settings (mounted behind requireRole('admin')).
import { Router } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { settingsController } from '../../controllers/admin/settings-controller.js';
import { csrfProtection } from '../../middleware/csrf.js';
import { formBody } from '../../middleware/form-body.js';

export function settingsRoutes(context: AdminContext): Router {
  const settings = settingsController(context);
  const router = Router();
  router.get('/', settings.showSettings);
  router.post('/', formBody('16kb', { parameterLimit: 48 }), csrfProtection, settings.updateSettings);
  return router;
}
