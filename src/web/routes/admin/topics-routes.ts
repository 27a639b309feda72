// /admin/topics: path -> handler table of the 专题 section (mounted behind requireRole('chief')).
import { Router } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { topicsController } from '../../controllers/admin/topics-controller.js';
import { csrfProtection } from '../../middleware/csrf.js';
import { formBody } from '../../middleware/form-body.js';

export function topicsRoutes(context: AdminContext): Router {
  const topics = topicsController(context);
  const form = [formBody('16kb'), csrfProtection];
  const router = Router();
  router.get('/', topics.listTopics);
  router.get('/new', topics.showNewTopic);
  router.post('/', ...form, topics.createTopic);
  router.get('/:id/edit', topics.showEditTopic);
  router.post('/:id', ...form, topics.updateTopic);
  router.post('/:id/delete', ...form, topics.deleteTopic);
  return router;
}
