// Parses and validates the article editor form. The body is sanitized here, on write.
import type { ArticleStatus, HomePin } from '../../domain/types.js';
import { sanitizeArticleHtml } from '../../services/html-sanitizer.js';
import { parseLocalInputValue } from '../../services/site-time.js';
import { badRequest } from '../http-error.js';
import { singleField } from './single-field.js';

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
  version: number;
}

const STATUSES: ArticleStatus[] = ['draft', 'scheduled', 'published'];
const HOME_PINS: HomePin[] = ['none', 'top', 'headline'];

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
    version: '0',
  };
}

export function parseArticleForm(
  body: unknown,
  options: { categoryIds: Set<number>; timeZone: string; now: number },
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
    version: singleField(fields, 'version') || '0',
  };
  const errors: ArticleFormErrors = {};
  if (values.title === '') errors.title = '请填写标题。';
  else if (Array.from(values.title).length > 120) errors.title = '标题不能超过 120 个字。';
  const categoryId = Number(values.categoryId);
  if (!options.categoryIds.has(categoryId)) errors.categoryId = '请选择栏目。';
  if (Array.from(values.author).length > 60) errors.author = '作者不能超过 60 个字。';
  if (Array.from(values.source).length > 60) errors.source = '来源不能超过 60 个字。';
  if (Array.from(values.summary).length > 300) errors.summary = '摘要不能超过 300 个字。';
  const bodyHtml = sanitizeArticleHtml(values.bodyHtml);
  // A form that comes back shows the body as it would be saved, never the raw input: the
  // editor loads it as HTML (Quill would otherwise build, say, an iframe from it).
  values.bodyHtml = bodyHtml;
  if (bodyHtml.replace(/<[^>]*>/g, '').trim() === '' && !/<img\b/.test(bodyHtml)) errors.bodyHtml = '请填写正文。';
  else if (bodyHtml.length > 500_000) errors.bodyHtml = '正文过长。';
  const status = values.status as ArticleStatus;
  if (!STATUSES.includes(status)) errors.status = '请选择状态。';
  let publishAt: number | null = null;
  if (values.publishAt !== '') {
    const parsed = parseLocalInputValue(values.publishAt, options.timeZone);
    if (parsed === undefined) errors.publishAt = '发布时间格式不正确。';
    else publishAt = parsed;
  }
  if (status === 'scheduled' && (publishAt === null || publishAt <= options.now)) {
    errors.publishAt ??= '定时发布需要一个将来的发布时间。';
  }
  const homePin = values.homePin as HomePin;
  if (!HOME_PINS.includes(homePin)) errors.homePin = '请选择首页位置。';
  let pinnedUntil: number | null = null;
  if (homePin !== 'none' && values.pinnedUntil !== '') {
    const parsed = parseLocalInputValue(values.pinnedUntil, options.timeZone);
    if (parsed === undefined) errors.pinnedUntil = '置顶截止时间格式不正确。';
    else if (parsed <= options.now) errors.pinnedUntil = '置顶截止时间必须晚于现在；不限时请留空。';
    else pinnedUntil = parsed;
  }
  const version = Number(values.version);
  if (!Number.isSafeInteger(version) || version < 0) throw badRequest('版本号不正确。');
  if (Object.keys(errors).length > 0) return { values, errors };
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
      version,
    },
  };
}
