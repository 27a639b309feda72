// Articles: the repository interface (the SQL is in src/storage/<backend>/). An article is visible to readers once it is not a
// draft, not in the trash, and its publish time has come (scheduling needs no cron).
// Every write also updates the search index, in the same transaction.
import type { Article, ArticleCommentPolicy, ArticleStatus, ArticleSummary, HomePin, NewArticle, ReviewStage } from '../domain/types.js';
import type { SearchTerm } from '../lib/search-tokens.js';
import { type ArticleSearchResults, type TermHit } from './search-repository.js';
import { type ArticleSummaryRow, toArticleSummary } from './article-rows.js';

export interface ArticleListQuery {
  categoryId?: number;
  limit: number;
  offset?: number;
}

export type AdminArticleFilter = {
  /** 'trash' lists deleted articles, 'retracted' withdrawn ones ('draft' leaves them out); otherwise only articles not in the trash */
  status?: ArticleStatus | 'trash' | 'retracted';
  categoryId?: number;
  /** part of the title, matched literally */
  titleContains?: string;
  /** only articles waiting at this stage of review (待初审, 待复审, 待终审) */
  reviewStage?: Exclude<ReviewStage, 0>;
};

export interface AdminArticle extends Omit<Article, 'publishedAt'> {
  /** null for a draft that never had a publish time */
  publishedAt: number | null;
  version: number;
  deletedAt: number | null;
  reviewStage: ReviewStage;
  /** the account that wrote it (null: created before this was kept, or the account is gone) */
  createdBy: number | null;
  signedBy: number | null;
  /** 撤稿: when a chief withdrew it (it is then a draft that cannot be edited or published again) */
  retractedAt: number | null;
  retractionReason: string;
  retractionShowsTitle: boolean;
}

/** What the URL of a withdrawn article shows (410): the public reason, and the title unless withheld. */
export interface RetractedArticle {
  id: number;
  categoryId: number;
  title: string;
  retractedAt: number;
  reason: string;
  showsTitle: boolean;
}

/** A step of review: the stage the article moves to and, at sign-off, its publication and signer. */
export interface ReviewChange {
  reviewStage: ReviewStage;
  /** part of a save that already made the new version (a sign-off by saving the editor form): no second one */
  withSave?: boolean;
  signOff?: { status: 'published' | 'scheduled'; publishedAt: number; signedBy: number | null; responsibleEditor: string };
}

/** Who wrote a new article (a reporter is held to their own) and, if it is created signed off, who signed it. */
export interface Authorship {
  createdBy?: number | null;
  signedBy?: number | null;
  /** 责任编辑 */
  responsibleEditor?: string;
}

/** The editable fields of an article. */
export type ArticleFields = Omit<NewArticle, 'views'>;

export interface PinnedArticle extends ArticleSummary {
  homePin: Exclude<HomePin, 'none'>;
}

/** How a pin is stored: its level orders the home page (头条 above 置顶). */
export const PIN_LEVELS: Record<HomePin, number> = { none: 0, top: 1, headline: 2 };
const PIN_OF_LEVEL: HomePin[] = ['none', 'top', 'headline'];

export interface ArticleRepository {
  findVisibleById(id: number, now: number): Promise<Article | undefined>;
  listVisible(query: ArticleListQuery, now: number): Promise<ArticleSummary[]>;
  countVisible(categoryId: number | undefined, now: number): Promise<number>;
  /**
   * Ids of articles readers can see whose stored 分享 QR code is missing or drawn for another
   * address than `${origin}/article/<id>` (the site's domain changed), at most `limit`.
   */
  listWithoutShareCode(origin: string, limit: number, now: number): Promise<number[]>;
  /** Stores the article's QR code (no new version: readers' pages already show it, drawn on the fly). */
  setShareCode(id: number, url: string, drawing: string): Promise<void>;
  /** visible articles whose byline links to the staff record, newest first (/author/:id) */
  listVisibleByAuthor(staffId: number, page: { limit: number; offset: number }, now: number): Promise<ArticleSummary[]>;
  countVisibleByAuthor(staffId: number, now: number): Promise<number>;
  /** visible articles per category id (categories without any are absent) */
  countVisibleByCategory(now: number): Promise<Map<number, number>>;
  listMostViewed(limit: number, now: number): Promise<ArticleSummary[]>;
  listFeaturedWithCover(limit: number, now: number): Promise<ArticleSummary[]>;
  /** visible articles with a pin in force: 头条 before 置顶, newest first within each */
  listPinned(limit: number, now: number): Promise<PinnedArticle[]>;
  create(article: NewArticle, now: number, authorship?: Authorship): Promise<number>;
  count(): Promise<number>;
  /** any article, drafts and the trash included (for editors) */
  findById(id: number): Promise<AdminArticle | undefined>;
  listForAdmin(filter: AdminArticleFilter, limit: number, offset: number): Promise<AdminArticle[]>;
  countForAdmin(filter: AdminArticleFilter): Promise<number>;
  /** Saves the fields if the article is still at expectedVersion; false when someone saved first. */
  update(id: number, expectedVersion: number, fields: ArticleFields, now: number): Promise<boolean>;
  /** Moves the article through review if it is still at expectedVersion (a new version); false otherwise. */
  setReview(id: number, expectedVersion: number, change: ReviewChange, now: number): Promise<boolean>;
  /** articles (not in the trash) waiting at each stage of review */
  countInReview(): Promise<Record<1 | 2 | 3, number>>;
  /** The latest 更正/更新 was made now: 更新于, and a new version (the change feed hears it). */
  markCorrected(id: number, now: number): Promise<boolean>;
  /** 撤稿: a published article (visible at `now`) becomes a withdrawn draft; false when it is not published. */
  retract(id: number, notice: { reason: string; showsTitle: boolean }, now: number): Promise<boolean>;
  findRetracted(id: number): Promise<RetractedArticle | undefined>;
  moveToTrash(id: number, now: number): Promise<boolean>;
  restoreFromTrash(id: number, now: number): Promise<boolean>;
  /** deletes an article that is in the trash or withdrawn, for good */
  purge(id: number): Promise<boolean>;
  /**
   * Visible articles containing every term (lib/search-tokens.ts), most relevant first
   * (title hits above summary and body hits), newest first among equals; one page of them.
   */
  search(terms: readonly SearchTerm[], page: { limit: number; offset: number }, now: number): Promise<ArticleSearchResults>;
  /** Up to `limit` visible articles whose title or summary contains the term (the search index), in no particular order. */
  headlinesWith(term: SearchTerm, limit: number, now: number): Promise<TermHit[]>;
}

export interface FullArticleRow extends ArticleSummaryRow {
  author: string;
  source: string;
  body_html: string;
  is_featured: number;
  status: ArticleStatus;
  home_pin: number;
  pinned_until: number | null;
  hide_cover: number;
  comment_policy: ArticleCommentPolicy;
  responsible_editor: string;
  corrected_at: number | null;
  is_reprint: number;
  original_title: string;
  original_author: string;
  original_url: string;
  author_staff_id: number | null;
  created_at: number;
  updated_at: number;
}

export interface AdminArticleRow extends Omit<FullArticleRow, 'published_at'> {
  published_at: number | null;
  version: number;
  deleted_at: number | null;
  review_stage: number;
  created_by: number | null;
  signed_by: number | null;
  retracted_at: number | null;
  retraction_reason: string;
  retraction_shows_title: number;
}

export interface RetractedRow {
  id: number;
  category_id: number;
  title: string;
  retracted_at: number;
  retraction_reason: string;
  retraction_shows_title: number;
}

export function toRetracted(row: RetractedRow): RetractedArticle {
  return {
    id: row.id,
    categoryId: row.category_id,
    title: row.title,
    retractedAt: row.retracted_at,
    reason: row.retraction_reason,
    showsTitle: row.retraction_shows_title === 1,
  };
}

export function toAdminArticle(row: AdminArticleRow): AdminArticle {
  return {
    ...toArticle({ ...row, published_at: 0 }),
    publishedAt: row.published_at,
    version: row.version,
    deletedAt: row.deleted_at,
    reviewStage: row.review_stage as ReviewStage,
    createdBy: row.created_by,
    signedBy: row.signed_by,
    retractedAt: row.retracted_at,
    retractionReason: row.retraction_reason,
    retractionShowsTitle: row.retraction_shows_title === 1,
  };
}

export function toArticle(row: FullArticleRow): Article {
  return {
    ...toArticleSummary(row),
    author: row.author,
    source: row.source,
    bodyHtml: row.body_html,
    isFeatured: row.is_featured === 1,
    status: row.status,
    homePin: PIN_OF_LEVEL[row.home_pin] ?? 'none',
    pinnedUntil: row.pinned_until,
    hideCover: row.hide_cover === 1,
    commentPolicy: row.comment_policy,
    responsibleEditor: row.responsible_editor,
    correctedAt: row.corrected_at,
    reprint:
      row.is_reprint === 1
        ? { originalTitle: row.original_title, originalAuthor: row.original_author, originalUrl: row.original_url }
        : null,
    authorStaffId: row.author_staff_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
