// Parses and validates the static page (单页) form of the editors' area. The body is HTML,
// sanitized here, on write: what is saved, and what a form that comes back shows (the WYSIWYG
// editor loads it as HTML, so it never sees the raw input).
import type { StaticPage } from '../../domain/types.js';
import { sanitizeArticleHtml } from '../../services/html-sanitizer.js';
import { ARTICLES_MESSAGES } from '../messages/articles.js';
import { PAGES_MESSAGES } from '../messages/pages.js';
import { SITE_MESSAGES } from '../messages/site.js';
import { singleField } from './single-field.js';
import { cleanLine, visibleLength } from './text-input.js';

export const PAGE_SLUG = /^[a-z0-9-]{1,64}$/;
export const PAGE_TITLE_MAX = 60;
export const PAGE_BODY_MAX = 100_000;

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
    title: cleanLine(singleField(body, 'title')),
    bodyHtml: singleField(body, 'bodyHtml').replace(/\r\n?/g, '\n'),
  };
  const errors: PageFormErrors = {};
  if (withSlug && !PAGE_SLUG.test(values.slug)) errors.slug = PAGES_MESSAGES.slugInvalid;
  const titleLength = visibleLength(values.title);
  if (titleLength === 0) errors.title = ARTICLES_MESSAGES.titleMissing;
  else if (titleLength > PAGE_TITLE_MAX) errors.title = SITE_MESSAGES.titleTooLong(PAGE_TITLE_MAX);
  if (values.bodyHtml.length > PAGE_BODY_MAX) errors.bodyHtml = PAGES_MESSAGES.bodyTooLong(PAGE_BODY_MAX);
  else {
    values.bodyHtml = sanitizeArticleHtml(values.bodyHtml);
    if (values.bodyHtml.replace(/<[^>]*>/g, '').trim() === '' && !/<img\b/.test(values.bodyHtml))
      errors.bodyHtml = ARTICLES_MESSAGES.bodyMissing;
  }
  return { values, errors };
}
