// /admin/submissions: path -> handler table of the submissions inbox (投稿信箱).
import { Router } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { submissionsController } from '../../controllers/admin/submissions-controller.js';
import { csrfProtection } from '../../middleware/csrf.js';
import { formBody } from '../../middleware/form-body.js';

export function submissionsRoutes(context: AdminContext): Router {
  const submissions = submissionsController(context);
  const form = [formBody('8kb'), csrfProtection];
  const router = Router();
  router.get('/', submissions.listSubmissions);
  router.get('/:id', submissions.showSubmission);
  router.post('/:id/archive', ...form, submissions.archiveSubmission);
  router.post('/:id/restore', ...form, submissions.restoreSubmission);
  router.post('/:id/draft', ...form, submissions.draftFromSubmission);
  return router;
}
