// Path -> handler table of polls (投票·调查).
import { Router } from 'express';
import { pollController } from '../controllers/poll-controller.js';
import { sameOriginOrToken } from '../middleware/same-origin.js';
import { formBody } from '../middleware/form-body.js';
import type { SiteContext } from '../site-context.js';

export function pollRoutes(context: SiteContext): Router {
  const polls = pollController(context);
  const router = Router();
  router.get('/polls/:id', polls.showPoll);
  // the sidebar's one-click form is on cached pages, without a token: see same-origin.ts
  router.post('/polls/:id/vote', formBody('4kb'), sameOriginOrToken, polls.vote);
  return router;
}
