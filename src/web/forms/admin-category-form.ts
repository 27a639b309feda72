// Parses and validates the category (栏目) form of the editors' area, and the category
// choice other admin forms ask for.
import type { Category } from '../../domain/types.js';
import { type CategoryFields, DEFAULT_REVIEW_LEVELS } from '../../repositories/category-repository.js';
import { COMMENT_POLICIES } from '../../services/comment-policy.js';
import { CATEGORIES_MESSAGES } from '../messages/categories.js';
import { COMMENTS_MESSAGES } from '../messages/comments.js';
import { singleField } from './single-field.js';
import { cleanLine, cleanText, visibleLength } from './text-input.js';

export const CATEGORY_NAME_MAX = 20;
export const CATEGORY_DESCRIPTION_MAX = 200;
export const CATEGORY_SLUG = /^[a-z0-9-]{1,40}$/;
const SORT_ORDER = /^-?\d{1,4}$/;

export interface CategoryFormValues {
  name: string;
  slug: string;
  description: string;
  sortOrder: string;
  commentPolicy: string;
  reviewLevels: string;
}

export type CategoryFormErrors = Partial<Record<keyof CategoryFormValues, string>>;

export function categoryFormValues(category: Category): CategoryFormValues {
  return {
    name: category.name,
    slug: category.slug,
    description: category.description,
    sortOrder: String(category.sortOrder),
    commentPolicy: category.commentPolicy,
    reviewLevels: String(category.reviewLevels),
  };
}

export function parseCategoryForm(body: unknown): {
  values: CategoryFormValues;
  errors: CategoryFormErrors;
  category: CategoryFields | undefined;
} {
  const values: CategoryFormValues = {
    name: cleanLine(singleField(body, 'name')),
    slug: singleField(body, 'slug').trim().toLowerCase(),
    description: cleanText(singleField(body, 'description')).replace(/\n+/g, ' '),
    sortOrder: singleField(body, 'sortOrder').trim(),
    commentPolicy: singleField(body, 'commentPolicy').trim() || 'open',
    reviewLevels: singleField(body, 'reviewLevels').trim() || String(DEFAULT_REVIEW_LEVELS),
  };
  const errors: CategoryFormErrors = {};
  const nameLength = visibleLength(values.name);
  if (nameLength === 0) errors.name = CATEGORIES_MESSAGES.nameMissing;
  else if (nameLength > CATEGORY_NAME_MAX) errors.name = CATEGORIES_MESSAGES.nameTooLong(CATEGORY_NAME_MAX);
  if (!CATEGORY_SLUG.test(values.slug)) errors.slug = CATEGORIES_MESSAGES.slugInvalid;
  if (visibleLength(values.description) > CATEGORY_DESCRIPTION_MAX)
    errors.description = CATEGORIES_MESSAGES.descriptionTooLong(CATEGORY_DESCRIPTION_MAX);
  if (values.sortOrder !== '' && !SORT_ORDER.test(values.sortOrder)) errors.sortOrder = CATEGORIES_MESSAGES.sortOrderInvalid;
  const commentPolicy = COMMENT_POLICIES.find((policy) => policy === values.commentPolicy);
  if (!commentPolicy) errors.commentPolicy = COMMENTS_MESSAGES.policyInvalid;
  if (!/^[1-3]$/.test(values.reviewLevels)) errors.reviewLevels = CATEGORIES_MESSAGES.reviewLevelsInvalid;
  const category =
    Object.keys(errors).length === 0 && commentPolicy
      ? {
          name: values.name,
          slug: values.slug,
          description: values.description,
          sortOrder: Number(values.sortOrder || '0'),
          commentPolicy,
          reviewLevels: Number(values.reviewLevels),
        }
      : undefined;
  return { values, errors, category };
}

/** A category picked from a <select>: its id, or an error when none or an unknown one was sent. */
export function parseCategoryChoice(
  body: unknown,
  categories: Category[],
  name = 'categoryId',
): { value: string; categoryId: number | undefined; error: string | undefined } {
  const value = singleField(body, name).trim();
  const chosen = /^[1-9]\d{0,14}$/.test(value) ? categories.find((c) => c.id === Number(value)) : undefined;
  return { value, categoryId: chosen?.id, error: chosen ? undefined : CATEGORIES_MESSAGES.categoryMissing };
}
