// /admin/pages: path -> handler table of the static pages (单页) section.
import { Router } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { pagesController } from '../../controllers/admin/pages-controller.js';
import { csrfProtection } from '../../middleware/csrf.js';
import { formBody } from '../../middleware/form-body.js';

export function pagesRoutes(context: AdminContext): Router {
  const pages = pagesController(context);
  // bodies are HTML, and CJK text takes 9 bytes a character url-encoded
  const form = [formBody('1mb'), csrfProtection];
  const router = Router();
  router.get('/', pages.listPages);
  router.get('/new', pages.showNewPage);
  router.post('/', ...form, pages.createPage);
  router.get('/:slug/edit', pages.showEditPage);
  router.post('/:slug', ...form, pages.updatePage);
  return router;
}
