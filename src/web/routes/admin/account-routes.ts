// /admin/account: path -> handler table of the logged-in editor's own account.
import { Router } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { accountController } from '../../controllers/admin/account-controller.js';
import { csrfProtection } from '../../middleware/csrf.js';
import { formBody } from '../../middleware/form-body.js';
import { passwordChangeRateLimit } from '../../middleware/rate-limits.js';

export function accountRoutes(context: AdminContext): Router {
  const account = accountController(context);
  const router = Router();
  router.get('/', account.showAccount);
  // a wrong current password counts like a failed log-in: a stolen session cannot guess it
  router.post('/password', formBody('8kb'), csrfProtection, passwordChangeRateLimit(context.rateLimits), account.changePassword);
  return router;
}
