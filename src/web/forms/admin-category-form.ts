// Parses and validates the category (栏目) form of the editors' area, and the category
// choice other admin forms ask for.
import type { Category } from '../../domain/types.js';
import type { CategoryFields } from '../../repositories/category-repository.js';
import { cleanBody, cleanNickname, visibleLength } from './comment-form.js';
import { singleField } from './single-field.js';

export const CATEGORY_NAME_MAX = 20;
export const CATEGORY_DESCRIPTION_MAX = 200;
export const CATEGORY_SLUG = /^[a-z0-9-]{1,40}$/;
const SORT_ORDER = /^-?\d{1,4}$/;

export const CATEGORY_TEXTS = {
  nameMissing: '请填写栏目名称。',
  nameTooLong: `栏目名称不能超过 ${CATEGORY_NAME_MAX} 个字。`,
  slugInvalid: '网址别名只能由 1-40 个小写字母、数字和连字符（-）组成，例如 law-news。',
  slugTaken: '这个网址别名已被其他栏目使用，请换一个。',
  descriptionTooLong: `栏目简介不能超过 ${CATEGORY_DESCRIPTION_MAX} 个字。`,
  sortOrderInvalid: '排序必须是 -9999 到 9999 之间的整数。',
  categoryMissing: '请选择栏目。',
  repeated: (name: string) => `字段 ${name} 只能提交一次。`,
} as const;

export interface CategoryFormValues {
  name: string;
  slug: string;
  description: string;
  sortOrder: string;
}

export type CategoryFormErrors = Partial<Record<keyof CategoryFormValues, string>>;

export function categoryFormValues(category: Category): CategoryFormValues {
  return { name: category.name, slug: category.slug, description: category.description, sortOrder: String(category.sortOrder) };
}

export function parseCategoryForm(body: unknown): {
  values: CategoryFormValues;
  errors: CategoryFormErrors;
  category: CategoryFields | undefined;
} {
  const values: CategoryFormValues = {
    name: cleanNickname(singleField(body, 'name')),
    slug: singleField(body, 'slug').trim().toLowerCase(),
    description: cleanBody(singleField(body, 'description')).replace(/\n+/g, ' '),
    sortOrder: singleField(body, 'sortOrder').trim(),
  };
  const errors: CategoryFormErrors = {};
  const nameLength = visibleLength(values.name);
  if (nameLength === 0) errors.name = CATEGORY_TEXTS.nameMissing;
  else if (nameLength > CATEGORY_NAME_MAX) errors.name = CATEGORY_TEXTS.nameTooLong;
  if (!CATEGORY_SLUG.test(values.slug)) errors.slug = CATEGORY_TEXTS.slugInvalid;
  if (visibleLength(values.description) > CATEGORY_DESCRIPTION_MAX) errors.description = CATEGORY_TEXTS.descriptionTooLong;
  if (values.sortOrder !== '' && !SORT_ORDER.test(values.sortOrder)) errors.sortOrder = CATEGORY_TEXTS.sortOrderInvalid;
  const category =
    Object.keys(errors).length === 0
      ? { name: values.name, slug: values.slug, description: values.description, sortOrder: Number(values.sortOrder || '0') }
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
  return { value, categoryId: chosen?.id, error: chosen ? undefined : CATEGORY_TEXTS.categoryMissing };
}
