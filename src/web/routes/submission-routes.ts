// Path -> handler table of 投稿信箱.
import { Router } from 'express';
import { submissionController } from '../controllers/submission-controller.js';
import { csrfProtection } from '../middleware/csrf.js';
import { formBody } from '../middleware/form-body.js';
import type { SiteContext } from '../site-context.js';

export function submissionRoutes(context: SiteContext): Router {
  const submissions = submissionController(context);
  const router = Router();
  router.get('/submit', submissions.showSubmissionForm);
  router.post('/submit', formBody('128kb'), csrfProtection, submissions.createSubmission);
  router.get('/submit/thanks', submissions.showThanks);
  return router;
}
