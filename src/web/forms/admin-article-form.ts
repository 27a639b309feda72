// Parses and validates the article editor form (the body is sanitized here, on write), and
// the filters of the article list.
import type { Request } from 'express';
import type { ArticleCommentPolicy, ArticleStatus, HomePin, Reprint } from '../../domain/types.js';
import type { AdminArticleFilter } from '../../repositories/article-repository.js';
import { ARTICLE_COMMENT_POLICIES } from '../../services/comment-policy.js';
import { sanitizeArticleHtml } from '../../services/html-sanitizer.js';
import { parseLocalInputValue } from '../../services/site-time.js';
import { badRequest } from '../http-error.js';
import { ARTICLES_MESSAGES } from '../messages/articles.js';
import { CATEGORIES_MESSAGES } from '../messages/categories.js';
import { COMMENTS_MESSAGES } from '../messages/comments.js';
import { SITE_MESSAGES } from '../messages/site.js';
import { pageNumber, queryString } from '../params.js';
import { singleField } from './single-field.js';
import { parseTagNames, TAG_MAX_LENGTH, TAGS_PER_ARTICLE } from './tag-names.js';

export interface ArticleFormValues {
  title: string;
  categoryId: string;
  author: string;
  source: string;
  summary: string;
  bodyHtml: string;
  status: string;
  publishAt: string;
  isFeatured: boolean;
  removeCover: boolean;
  hideCover: boolean;
  homePin: string;
  pinnedUntil: string;
  commentPolicy: string;
  /** 转载, and its original */
  isReprint: boolean;
  originalTitle: string;
  originalAuthor: string;
  originalUrl: string;
  /** tags as typed (separated by commas, 、 or ；) */
  tags: string;
  /** the staff record the byline links to ('' for none) */
  authorStaffId: string;
  /** the version the editor started from (conflict detection) */
  version: string;
}

export type ArticleFormErrors = Partial<Record<keyof ArticleFormValues | 'cover', string>>;

export interface ParsedArticle {
  categoryId: number;
  title: string;
  author: string;
  source: string;
  summary: string;
  bodyHtml: string;
  status: ArticleStatus;
  /** null: publish now (published) or no time (draft) */
  publishAt: number | null;
  isFeatured: boolean;
  removeCover: boolean;
  hideCover: boolean;
  homePin: HomePin;
  /** null: the pin lasts until an editor removes it */
  pinnedUntil: number | null;
  commentPolicy: ArticleCommentPolicy;
  reprint: Reprint | null;
  tags: string[];
  authorStaffId: number | null;
  version: number;
}

export const ORIGINAL_URL_MAX = 500;
const HTTP_URL = /^https?:\/\/[^\s<>"]+$/i;

export const ARTICLE_TITLE_MAX = 120;
export const ARTICLE_BYLINE_MAX = 60;
export const ARTICLE_SUMMARY_MAX = 300;
/** characters of the sanitized HTML */
export const ARTICLE_BODY_MAX = 500_000;

const STATUSES: ArticleStatus[] = ['draft', 'scheduled', 'published'];
const HOME_PINS: HomePin[] = ['none', 'top', 'headline'];
const STATUS_FILTERS = ['draft', 'scheduled', 'published', 'trash', 'retracted'] as const;
/** ?status=review1 … review3: the articles waiting at that stage of review (待初审, 待复审, 待终审). */
const REVIEW_FILTERS: Record<string, 1 | 2 | 3> = { review1: 1, review2: 2, review3: 3 };
const LIST_QUERY_MAX = 100;

export function emptyArticleForm(): ArticleFormValues {
  return {
    title: '',
    categoryId: '',
    author: '',
    source: '',
    summary: '',
    bodyHtml: '',
    status: 'draft',
    publishAt: '',
    isFeatured: false,
    removeCover: false,
    hideCover: false,
    homePin: 'none',
    pinnedUntil: '',
    commentPolicy: 'category',
    isReprint: false,
    originalTitle: '',
    originalAuthor: '',
    originalUrl: '',
    tags: '',
    authorStaffId: '',
    version: '0',
  };
}

export function parseArticleForm(
  body: unknown,
  options: { categoryIds: Set<number>; staffIds: Set<number>; timeZone: string; now: number },
): { values: ArticleFormValues; errors: ArticleFormErrors; article?: ParsedArticle } {
  const fields = (body ?? {}) as Record<string, unknown>;
  const values: ArticleFormValues = {
    title: singleField(fields, 'title').trim(),
    categoryId: singleField(fields, 'categoryId'),
    author: singleField(fields, 'author').trim(),
    source: singleField(fields, 'source').trim(),
    summary: singleField(fields, 'summary').replace(/\s+/g, ' ').trim(),
    bodyHtml: singleField(fields, 'bodyHtml'),
    status: singleField(fields, 'status') || 'draft',
    publishAt: singleField(fields, 'publishAt').trim(),
    isFeatured: singleField(fields, 'isFeatured') === '1',
    removeCover: singleField(fields, 'removeCover') === '1',
    hideCover: singleField(fields, 'hideCover') === '1',
    homePin: singleField(fields, 'homePin') || 'none',
    pinnedUntil: singleField(fields, 'pinnedUntil').trim(),
    commentPolicy: singleField(fields, 'commentPolicy') || 'category',
    isReprint: singleField(fields, 'isReprint') === '1',
    originalTitle: singleField(fields, 'originalTitle').trim(),
    originalAuthor: singleField(fields, 'originalAuthor').trim(),
    originalUrl: singleField(fields, 'originalUrl').trim(),
    tags: singleField(fields, 'tags'),
    authorStaffId: singleField(fields, 'authorStaffId'),
    version: singleField(fields, 'version') || '0',
  };
  const errors: ArticleFormErrors = {};
  const M = ARTICLES_MESSAGES;
  if (values.title === '') errors.title = M.titleMissing;
  else if (Array.from(values.title).length > ARTICLE_TITLE_MAX) errors.title = SITE_MESSAGES.titleTooLong(ARTICLE_TITLE_MAX);
  const categoryId = Number(values.categoryId);
  if (!options.categoryIds.has(categoryId)) errors.categoryId = CATEGORIES_MESSAGES.categoryMissing;
  if (Array.from(values.author).length > ARTICLE_BYLINE_MAX) errors.author = M.authorTooLong(ARTICLE_BYLINE_MAX);
  if (Array.from(values.source).length > ARTICLE_BYLINE_MAX) errors.source = M.sourceTooLong(ARTICLE_BYLINE_MAX);
  if (Array.from(values.summary).length > ARTICLE_SUMMARY_MAX) errors.summary = M.summaryTooLong(ARTICLE_SUMMARY_MAX);
  const bodyHtml = sanitizeArticleHtml(values.bodyHtml);
  // A form that comes back shows the body as it would be saved, never the raw input: the
  // editor loads it as HTML (Quill would otherwise build, say, an iframe from it).
  values.bodyHtml = bodyHtml;
  if (bodyHtml.replace(/<[^>]*>/g, '').trim() === '' && !/<img\b/.test(bodyHtml)) errors.bodyHtml = M.bodyMissing;
  else if (bodyHtml.length > ARTICLE_BODY_MAX) errors.bodyHtml = M.bodyTooLong;
  const status = values.status as ArticleStatus;
  if (!STATUSES.includes(status)) errors.status = M.statusInvalid;
  let publishAt: number | null = null;
  if (values.publishAt !== '') {
    const parsed = parseLocalInputValue(values.publishAt, options.timeZone);
    if (parsed === undefined) errors.publishAt = M.publishAtInvalid;
    else publishAt = parsed;
  }
  if (status === 'scheduled' && (publishAt === null || publishAt <= options.now)) {
    errors.publishAt ??= M.scheduledNeedsFuture;
  }
  const homePin = values.homePin as HomePin;
  if (!HOME_PINS.includes(homePin)) errors.homePin = M.homePinInvalid;
  let pinnedUntil: number | null = null;
  if (homePin !== 'none' && values.pinnedUntil !== '') {
    const parsed = parseLocalInputValue(values.pinnedUntil, options.timeZone);
    if (parsed === undefined) errors.pinnedUntil = M.pinnedUntilInvalid;
    else if (parsed <= options.now) errors.pinnedUntil = M.pinnedUntilPast;
    else pinnedUntil = parsed;
  }
  const commentPolicy = ARTICLE_COMMENT_POLICIES.find((policy) => policy === values.commentPolicy);
  if (!commentPolicy) errors.commentPolicy = COMMENTS_MESSAGES.policyInvalid;
  if (values.isReprint) {
    if (values.source === '') errors.source ??= M.reprintNeedsSource;
    if (Array.from(values.originalTitle).length > ARTICLE_TITLE_MAX) errors.originalTitle = SITE_MESSAGES.titleTooLong(ARTICLE_TITLE_MAX);
    if (Array.from(values.originalAuthor).length > ARTICLE_BYLINE_MAX) errors.originalAuthor = M.authorTooLong(ARTICLE_BYLINE_MAX);
    if (values.originalUrl !== '' && (!HTTP_URL.test(values.originalUrl) || values.originalUrl.length > ORIGINAL_URL_MAX)) {
      errors.originalUrl = M.originalUrlInvalid;
    }
  }
  const tags = parseTagNames(values.tags);
  if ('error' in tags) errors.tags = tags.error === 'too-long' ? M.tagTooLong(tags.name, TAG_MAX_LENGTH) : M.tooManyTags(TAGS_PER_ARTICLE);
  const authorStaffId = values.authorStaffId === '' ? null : Number(values.authorStaffId);
  if (authorStaffId !== null && !options.staffIds.has(authorStaffId)) errors.authorStaffId = M.authorStaffInvalid;
  const version = Number(values.version);
  if (!Number.isSafeInteger(version) || version < 0) throw badRequest(M.versionInvalid);
  if (Object.keys(errors).length > 0 || !commentPolicy || 'error' in tags) return { values, errors };
  return {
    values,
    errors,
    article: {
      categoryId,
      title: values.title,
      author: values.author,
      source: values.source,
      summary: values.summary,
      bodyHtml,
      status,
      publishAt,
      isFeatured: values.isFeatured,
      removeCover: values.removeCover,
      hideCover: values.hideCover,
      homePin,
      pinnedUntil,
      commentPolicy,
      reprint: values.isReprint
        ? { originalTitle: values.originalTitle, originalAuthor: values.originalAuthor, originalUrl: values.originalUrl }
        : null,
      tags: tags.names,
      authorStaffId,
      version,
    },
  };
}

/**
 * The article list's page and filters (?page=, ?status=, ?category=, ?q=): an unknown status is
 * a 400, a malformed category is ignored, the title search is cut to 100 characters. `raw` is
 * what goes back into the filter form and the page links.
 */
export function parseArticleListQuery(req: Request): {
  page: number;
  filter: AdminArticleFilter;
  raw: { status: string; category: string; q: string };
} {
  const page = pageNumber(req);
  const status = queryString(req, 'status') ?? '';
  const reviewStage = REVIEW_FILTERS[status];
  if (status !== '' && reviewStage === undefined && !(STATUS_FILTERS as readonly string[]).includes(status)) {
    throw badRequest(ARTICLES_MESSAGES.unknownStatus);
  }
  const category = queryString(req, 'category') ?? '';
  const q = (queryString(req, 'q') ?? '').slice(0, LIST_QUERY_MAX);
  return {
    page,
    filter: {
      status: (reviewStage === undefined ? status || undefined : undefined) as AdminArticleFilter['status'],
      reviewStage,
      categoryId: /^\d{1,9}$/.test(category) ? Number(category) : undefined,
      titleContains: q || undefined,
    },
    raw: { status, category, q },
  };
}
