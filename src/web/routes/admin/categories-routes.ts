// /admin/categories: path -> handler table of the categories (栏目) section.
import { Router } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { categoriesController } from '../../controllers/admin/categories-controller.js';
import { csrfProtection } from '../../middleware/csrf.js';
import { formBody } from '../../middleware/form-body.js';

export function categoriesRoutes(context: AdminContext): Router {
  const categories = categoriesController(context);
  const form = [formBody('16kb'), csrfProtection];
  const router = Router();
  router.get('/', categories.listCategories);
  router.get('/new', categories.showNewCategory);
  router.post('/', ...form, categories.createCategory);
  router.get('/:id/edit', categories.showEditCategory);
  router.post('/:id', ...form, categories.updateCategory);
  router.post('/:id/delete', ...form, categories.deleteCategory);
  return router;
}
