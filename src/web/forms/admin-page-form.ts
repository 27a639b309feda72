// Parses and validates the static page (单页) form of the editors' area. The body is HTML,
// sanitized here, on write: what is saved, and what a form that comes back shows (the WYSIWYG
// editor loads it as HTML, so it never sees the raw input).
import type { StaticPage } from '../../domain/types.js';
import { sanitizeArticleHtml } from '../../services/html-sanitizer.js';
import { cleanNickname, visibleLength } from './comment-form.js';
import { singleField } from './single-field.js';

export const PAGE_SLUG = /^[a-z0-9-]{1,64}$/;
export const PAGE_TITLE_MAX = 60;
export const PAGE_BODY_MAX = 100_000;

export const PAGE_TEXTS = {
  slugInvalid: '网址别名只能由 1-64 个小写字母、数字和连字符（-）组成，例如 join-us。',
  slugTaken: '这个网址别名已有单页使用，请换一个，或直接编辑那个单页。',
  titleMissing: '请填写标题。',
  titleTooLong: `标题不能超过 ${PAGE_TITLE_MAX} 个字。`,
  bodyMissing: '请填写正文。',
  bodyTooLong: `正文过长（不能超过 ${PAGE_BODY_MAX} 个字符）。`,
  repeated: (name: string) => `字段 ${name} 只能提交一次。`,
} as const;

export interface PageFormValues {
  slug: string;
  title: string;
  bodyHtml: string;
}

export type PageFormErrors = Partial<Record<keyof PageFormValues, string>>;

export function pageFormValues(page?: StaticPage): PageFormValues {
  return page ? { slug: page.slug, title: page.title, bodyHtml: page.bodyHtml } : { slug: '', title: '', bodyHtml: '' };
}

/** withSlug: a new page names its slug; an existing page keeps the one in its URL. */
export function parsePageForm(body: unknown, withSlug: boolean): { values: PageFormValues; errors: PageFormErrors } {
  const values: PageFormValues = {
    slug: withSlug ? singleField(body, 'slug').trim().toLowerCase() : '',
    title: cleanNickname(singleField(body, 'title')),
    bodyHtml: singleField(body, 'bodyHtml').replace(/\r\n?/g, '\n'),
  };
  const errors: PageFormErrors = {};
  if (withSlug && !PAGE_SLUG.test(values.slug)) errors.slug = PAGE_TEXTS.slugInvalid;
  const titleLength = visibleLength(values.title);
  if (titleLength === 0) errors.title = PAGE_TEXTS.titleMissing;
  else if (titleLength > PAGE_TITLE_MAX) errors.title = PAGE_TEXTS.titleTooLong;
  if (values.bodyHtml.length > PAGE_BODY_MAX) errors.bodyHtml = PAGE_TEXTS.bodyTooLong;
  else {
    values.bodyHtml = sanitizeArticleHtml(values.bodyHtml);
    if (values.bodyHtml.replace(/<[^>]*>/g, '').trim() === '' && !/<img\b/.test(values.bodyHtml)) errors.bodyHtml = PAGE_TEXTS.bodyMissing;
  }
  return { values, errors };
}
