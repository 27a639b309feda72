// /admin/comments: path -> handler table of the comment queue and its moderation settings
// (editors and admins).
import { Router } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { commentsController } from '../../controllers/admin/comments-controller.js';
import { csrfProtection } from '../../middleware/csrf.js';
import { formBody } from '../../middleware/form-body.js';

export function commentsRoutes(context: AdminContext): Router {
  const comments = commentsController(context);
  const router = Router();
  router.get('/', comments.listComments);
  router.post('/bulk', formBody('16kb', { parameterLimit: 64 }), csrfProtection, comments.bulkModerate);
  router.get('/settings', comments.showSettings);
  router.post('/settings/moderation', formBody('8kb'), csrfProtection, comments.updateModeration);
  router.post('/settings/words', formBody('8kb'), csrfProtection, comments.addWord);
  router.post('/settings/words/:id/delete', formBody('8kb'), csrfProtection, comments.removeWord);
  router.post('/:id/moderate', formBody('8kb'), csrfProtection, comments.moderateComment);
  return router;
}
