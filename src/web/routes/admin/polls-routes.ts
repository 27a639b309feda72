// /admin/polls: path -> handler table of the polls (投票调查) section.
import { Router } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { pollsController } from '../../controllers/admin/polls-controller.js';
import { csrfProtection } from '../../middleware/csrf.js';
import { formBody } from '../../middleware/form-body.js';

export function pollsRoutes(context: AdminContext): Router {
  const polls = pollsController(context);
  const form = [formBody('16kb'), csrfProtection];
  const router = Router();
  router.get('/', polls.listPolls);
  router.get('/new', polls.showNewPoll);
  router.post('/', ...form, polls.createPoll);
  router.post('/sidebar/auto', ...form, polls.showNewestInSidebar);
  router.get('/:id', polls.showPoll);
  router.get('/:id/edit', polls.showEditPoll);
  router.post('/:id', ...form, polls.updatePoll);
  router.post('/:id/delete', ...form, polls.deletePoll);
  router.post('/:id/sidebar', ...form, polls.showInSidebar);
  return router;
}
