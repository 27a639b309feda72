// Categories (栏目) in the editors' area: list with article counts, create, edit, delete
// (refused while articles belong to the category). Every change refreshes the navigation.
import type { Request, Response } from 'express';
import type { Category } from '../../../domain/types.js';
import { CategorySlugTakenError, DEFAULT_REVIEW_LEVELS } from '../../../repositories/category-repository.js';
import type { AdminContext } from '../../admin-context.js';
import {
  categoryFormValues,
  parseCategoryForm,
  type CategoryFormErrors,
  type CategoryFormValues,
} from '../../forms/admin-category-form.js';
import { notFound } from '../../http-error.js';
import { CATEGORIES_MESSAGES } from '../../messages/categories.js';
import { COMMENTS_MESSAGES } from '../../messages/comments.js';
import { SITE_MESSAGES } from '../../messages/site.js';
import { parseId } from '../../params.js';

export function categoriesController({ repositories, categoryService }: AdminContext) {
  async function findOr404(raw: string | undefined): Promise<Category> {
    const category = await repositories.categories.findById(parseId(raw));
    if (!category) throw notFound(SITE_MESSAGES.categoryNotFound);
    return category;
  }

  function renderForm(
    res: Response,
    category: Category | undefined,
    values: CategoryFormValues,
    errors: CategoryFormErrors = {},
    status = 200,
  ) {
    res.status(status).render('admin/categories/form', { category, values, errors, policyLabels: COMMENTS_MESSAGES.policyLabels });
  }

  /** Saves through write(); a taken slug comes back as a field error. */
  async function saveOr422(
    res: Response,
    category: Category | undefined,
    values: CategoryFormValues,
    write: () => Promise<number>,
  ): Promise<number | undefined> {
    const taken = await repositories.categories.findBySlug(values.slug);
    if (!taken || taken.id === category?.id) {
      try {
        return await write();
      } catch (err) {
        if (!(err instanceof CategorySlugTakenError)) throw err;
      }
    }
    renderForm(res, category, values, { slug: CATEGORIES_MESSAGES.slugTaken }, 422);
    return undefined;
  }

  return {
    async listCategories(_req: Request, res: Response) {
      res.render('admin/categories/index', { categories: await repositories.categories.listWithArticleCounts() });
    },

    showNewCategory(_req: Request, res: Response) {
      renderForm(res, undefined, {
        name: '',
        slug: '',
        description: '',
        sortOrder: '0',
        commentPolicy: 'open',
        reviewLevels: String(DEFAULT_REVIEW_LEVELS),
      });
    },

    async createCategory(req: Request, res: Response) {
      const { values, errors, category } = parseCategoryForm(req.body);
      if (!category) return renderForm(res, undefined, values, errors, 422);
      const id = await saveOr422(res, undefined, values, () => categoryService.create(res.locals.currentUser!, category));
      if (id === undefined) return;
      req.session.flash = { type: 'success', message: CATEGORIES_MESSAGES.created(category.name) };
      res.redirect(303, '/admin/categories');
    },

    async showEditCategory(req: Request<{ id: string }>, res: Response) {
      const category = await findOr404(req.params.id);
      renderForm(res, category, categoryFormValues(category));
    },

    async updateCategory(req: Request<{ id: string }>, res: Response) {
      const existing = await findOr404(req.params.id);
      const { values, errors, category } = parseCategoryForm(req.body);
      if (!category) return renderForm(res, existing, values, errors, 422);
      const saved = await saveOr422(res, existing, values, async () =>
        (await categoryService.update(res.locals.currentUser!, existing, category)) ? existing.id : 0,
      );
      if (saved === undefined) return;
      if (saved === 0) throw notFound(SITE_MESSAGES.categoryNotFound);
      req.session.flash = { type: 'success', message: CATEGORIES_MESSAGES.updated(category.name) };
      res.redirect(303, '/admin/categories');
    },

    async deleteCategory(req: Request<{ id: string }>, res: Response) {
      const category = await findOr404(req.params.id);
      const result = await categoryService.delete(res.locals.currentUser!, category);
      if (result.kind === 'not-found') throw notFound(SITE_MESSAGES.categoryNotFound);
      if (result.kind === 'has-articles') {
        req.session.flash = { type: 'error', message: CATEGORIES_MESSAGES.hasArticles(category.name, result.articleCount) };
        return res.redirect(303, '/admin/categories');
      }
      req.session.flash = { type: 'success', message: CATEGORIES_MESSAGES.deleted(category.name) };
      res.redirect(303, '/admin/categories');
    },
  };
}
