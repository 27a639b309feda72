// /admin/articles: path -> handler table.
import { Router } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { articlesController } from '../../controllers/admin/articles-controller.js';
import { csrfProtection } from '../../middleware/csrf.js';
import { formBody } from '../../middleware/form-body.js';
import { requireRole } from '../../middleware/admin-auth.js';
import { imageUpload } from '../../middleware/image-upload.js';

export function articlesRoutes(context: AdminContext): Router {
  const articles = articlesController(context);
  // The editor form is multipart (it may carry a cover image); the body field may be long.
  // ~20 fields, and up to 20 ticked 发布前检查 findings (ack)
  const editorForm = imageUpload('cover', { fields: 40, fieldSize: 1024 * 1024 });
  const router = Router();
  router.get('/', articles.listArticles);
  router.get('/new', articles.newArticle);
  router.get('/review', articles.reviewQueue);
  router.post('/', editorForm, csrfProtection, articles.createArticle);
  router.get('/:id/edit', articles.editArticle);
  router.post('/:id', editorForm, csrfProtection, articles.updateArticle);
  router.post('/:id/workflow', formBody('64kb'), csrfProtection, articles.stepArticle);
  router.get('/:id/preview', articles.previewArticle);
  router.get('/:id/diff', articles.showDiff);
  router.post('/:id/trash', formBody('4kb'), csrfProtection, articles.trashArticle);
  router.post('/:id/restore', formBody('4kb'), csrfProtection, articles.restoreArticle);
  router.post('/:id/corrections', formBody('64kb'), csrfProtection, articles.correctArticle);
  router.post('/:id/retract', formBody('64kb'), csrfProtection, articles.retractArticle);
  // for good: an admin's (the trash, or a withdrawn article)
  router.post('/:id/purge', formBody('4kb'), csrfProtection, requireRole('admin'), articles.purgeArticle);
  router.get('/:id/revisions', articles.listRevisions);
  router.get('/:id/revisions/:revisionId', articles.showRevision);
  router.post('/:id/revisions/:revisionId/restore', formBody('4kb'), csrfProtection, articles.restoreRevision);
  return router;
}
