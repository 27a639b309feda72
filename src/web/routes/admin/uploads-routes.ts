// /admin/uploads: image uploads for the editor (JSON) and a plain upload form.
import { Router } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { articlesController } from '../../controllers/admin/articles-controller.js';
import { csrfProtection } from '../../middleware/csrf.js';
import { imageUpload } from '../../middleware/image-upload.js';

export function uploadsRoutes(context: AdminContext): Router {
  const articles = articlesController(context);
  const router = Router();
  router.get('/', articles.showUploadForm);
  router.post('/', imageUpload('image'), csrfProtection, articles.uploadImage);
  return router;
}
