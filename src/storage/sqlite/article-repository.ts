// Articles in SQLite: their SQL, and the search index kept in step with every write.
import type { Db } from './database.js';
import type { Article, ArticleSummary, NewArticle } from '../../domain/types.js';
import type { Authorship, RetractedArticle, RetractedRow, ReviewChange } from '../../repositories/article-repository.js';
import type { SearchTerm } from '../../lib/search-tokens.js';
import type { ArticleSearchResults, TermHit } from '../../repositories/search-repository.js';
import { containsPattern } from '../like-pattern.js';
import { SearchIndex } from './search-index.js';
import { type ArticleSummaryRow, toArticleSummary } from '../../repositories/article-rows.js';
import type {
  ArticleListQuery,
  AdminArticleFilter,
  AdminArticle,
  ArticleFields,
  PinnedArticle,
  ArticleRepository,
  FullArticleRow,
  AdminArticleRow,
} from '../../repositories/article-repository.js';
import { PIN_LEVELS, toAdminArticle, toArticle, toRetracted } from '../../repositories/article-repository.js';

const SUMMARY_COLUMNS = 'id, category_id, title, summary, cover_image, published_at, views';
// Keep in step with the partial indexes of migration 0008 (their WHERE is this minus the time).
const VISIBLE = "status <> 'draft' AND deleted_at IS NULL AND published_at <= @now";
/** The same rule for the articles named `alias` in a join (the linked articles of a tag, topic, list …). */
export const visibleAs = (alias: string) => `${alias}.status <> 'draft' AND ${alias}.deleted_at IS NULL AND ${alias}.published_at <= @now`;

export class SqliteArticleRepository implements ArticleRepository {
  private readonly byId;
  private readonly byAuthor;
  private readonly withoutShareCode;
  private readonly shareCode;
  private readonly countByAuthor;
  private readonly latest;
  private readonly latestInCategory;
  private readonly countAll;
  private readonly countInCategory;
  private readonly countPerCategory;
  private readonly mostViewed;
  private readonly featured;
  private readonly pinned;
  private readonly insert;
  private readonly countRows;
  private readonly anyById;
  private readonly adminFilterSql = `(@trash = 1 AND deleted_at IS NOT NULL OR @trash = 0 AND deleted_at IS NULL)
      AND (@status IS NULL OR status = @status AND retracted_at IS NULL)
      AND (@retracted = 0 OR retracted_at IS NOT NULL)
      AND (@reviewStage IS NULL OR review_stage = @reviewStage)
      AND (@categoryId IS NULL OR category_id = @categoryId)
      AND (@titlePattern IS NULL OR title LIKE @titlePattern ESCAPE '\\')`;
  private readonly adminList;
  private readonly adminCount;
  private readonly updateFields;
  private readonly review;
  private readonly inReview;
  private readonly corrected;
  private readonly withdraw;
  private readonly retracted;
  private readonly trash;
  private readonly untrash;
  private readonly purgeTrashed;
  private readonly searchIndex;
  private readonly insertIndexed;
  private readonly updateIndexed;
  private readonly trashIndexed;
  private readonly restoreIndexed;
  private readonly purgeIndexed;

  constructor(db: Db) {
    this.byId = db.prepare<{ id: number; now: number }, FullArticleRow>(`SELECT * FROM articles WHERE id = @id AND ${VISIBLE}`);
    this.withoutShareCode = db
      .prepare<{ origin: string; limit: number; now: number }, number>(
        `SELECT a.id FROM articles a LEFT JOIN article_share_codes c ON c.article_id = a.id
         WHERE ${visibleAs('a')} AND (c.url IS NULL OR c.url <> @origin || '/article/' || a.id)
         ORDER BY a.published_at DESC, a.id DESC LIMIT @limit`,
      )
      .pluck();
    this.shareCode = db.prepare(
      `INSERT INTO article_share_codes (article_id, url, drawing) VALUES (@id, @url, @drawing)
       ON CONFLICT (article_id) DO UPDATE SET url = excluded.url, drawing = excluded.drawing`,
    );
    this.byAuthor = db.prepare<{ staffId: number; now: number; limit: number; offset: number }, ArticleSummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE author_staff_id = @staffId AND ${VISIBLE}
       ORDER BY published_at DESC, id DESC LIMIT @limit OFFSET @offset`,
    );
    this.countByAuthor = db
      .prepare<{ staffId: number; now: number }, number>(`SELECT COUNT(*) FROM articles WHERE author_staff_id = @staffId AND ${VISIBLE}`)
      .pluck();
    this.latest = db.prepare<{ now: number; limit: number; offset: number }, ArticleSummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE ${VISIBLE}
       ORDER BY published_at DESC, id DESC LIMIT @limit OFFSET @offset`,
    );
    this.latestInCategory = db.prepare<{ now: number; categoryId: number; limit: number; offset: number }, ArticleSummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE category_id = @categoryId AND ${VISIBLE}
       ORDER BY published_at DESC, id DESC LIMIT @limit OFFSET @offset`,
    );
    this.countAll = db.prepare<{ now: number }, { n: number }>(`SELECT COUNT(*) AS n FROM articles WHERE ${VISIBLE}`);
    this.countInCategory = db.prepare<{ now: number; categoryId: number }, { n: number }>(
      `SELECT COUNT(*) AS n FROM articles WHERE category_id = @categoryId AND ${VISIBLE}`,
    );
    this.countPerCategory = db.prepare<{ now: number }, { categoryId: number; n: number }>(
      `SELECT category_id AS categoryId, COUNT(*) AS n FROM articles WHERE ${VISIBLE} GROUP BY category_id`,
    );
    this.mostViewed = db.prepare<{ now: number; limit: number }, ArticleSummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE ${VISIBLE} ORDER BY views DESC, id DESC LIMIT @limit`,
    );
    this.featured = db.prepare<{ now: number; limit: number }, ArticleSummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles
       WHERE is_featured = 1 AND cover_image IS NOT NULL AND ${VISIBLE}
       ORDER BY published_at DESC, id DESC LIMIT @limit`,
    );
    // the partial index articles_pinned (migration 0011) holds exactly these rows but the time checks
    this.pinned = db.prepare<{ now: number; limit: number }, ArticleSummaryRow & { home_pin: number }>(
      `SELECT ${SUMMARY_COLUMNS}, home_pin FROM articles
       WHERE home_pin > 0 AND (pinned_until IS NULL OR pinned_until > @now) AND ${VISIBLE}
       ORDER BY home_pin DESC, published_at DESC, id DESC LIMIT @limit`,
    );
    this.insert = db.prepare(
      `INSERT INTO articles (category_id, title, author, source, summary, body_html, cover_image,
         is_featured, status, published_at, home_pin, pinned_until, hide_cover, comment_policy,
         is_reprint, original_title, original_author, original_url, author_staff_id, views,
         created_by, signed_by, responsible_editor, created_at, updated_at)
       VALUES (@categoryId, @title, @author, @source, @summary, @bodyHtml, @coverImage,
         @isFeatured, @status, @publishedAt, @homePin, @pinnedUntil, @hideCover, @commentPolicy,
         @isReprint, @originalTitle, @originalAuthor, @originalUrl, @authorStaffId, @views,
         @createdBy, @signedBy, @responsibleEditor, @now, @now)`,
    );
    this.countRows = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM articles');
    this.anyById = db.prepare<[number], AdminArticleRow>('SELECT * FROM articles WHERE id = ?');
    this.adminList = db.prepare<AdminFilterParams & { limit: number; offset: number }, AdminArticleRow>(
      `SELECT * FROM articles WHERE ${this.adminFilterSql}
       ORDER BY COALESCE(published_at, updated_at) DESC, id DESC LIMIT @limit OFFSET @offset`,
    );
    this.adminCount = db.prepare<AdminFilterParams, { n: number }>(`SELECT COUNT(*) AS n FROM articles WHERE ${this.adminFilterSql}`);
    this.updateFields = db.prepare(
      `UPDATE articles SET category_id = @categoryId, title = @title, author = @author, source = @source,
         summary = @summary, body_html = @bodyHtml, cover_image = @coverImage, is_featured = @isFeatured,
         status = @status, published_at = @publishedAt, home_pin = @homePin, pinned_until = @pinnedUntil,
         hide_cover = @hideCover, comment_policy = @commentPolicy, is_reprint = @isReprint, original_title = @originalTitle,
         original_author = @originalAuthor, original_url = @originalUrl, author_staff_id = @authorStaffId,
         updated_at = @now, version = version + 1
       WHERE id = @id AND version = @expectedVersion AND deleted_at IS NULL`,
    );
    this.review = db.prepare(
      `UPDATE articles SET review_stage = @reviewStage,
         status = COALESCE(@status, status), published_at = COALESCE(@publishedAt, published_at),
         signed_by = COALESCE(@signedBy, signed_by), responsible_editor = COALESCE(@responsibleEditor, responsible_editor),
         updated_at = @now, version = version + @bump
       WHERE id = @id AND version = @expectedVersion AND deleted_at IS NULL`,
    );
    this.inReview = db.prepare<[], { review_stage: 1 | 2 | 3; n: number }>(
      'SELECT review_stage, COUNT(*) AS n FROM articles WHERE review_stage > 0 AND deleted_at IS NULL GROUP BY review_stage',
    );
    this.corrected = db.prepare(
      'UPDATE articles SET corrected_at = @now, updated_at = @now, version = version + 1 WHERE id = @id AND deleted_at IS NULL',
    );
    this.withdraw = db.prepare(
      `UPDATE articles SET status = 'draft', review_stage = 0, retracted_at = @now, retraction_reason = @reason,
         retraction_shows_title = @showsTitle, updated_at = @now, version = version + 1
       WHERE id = @id AND ${VISIBLE} AND retracted_at IS NULL`,
    );
    this.retracted = db.prepare<[number], RetractedRow>(
      `SELECT id, category_id, title, retracted_at, retraction_reason, retraction_shows_title FROM articles
       WHERE id = ? AND retracted_at IS NOT NULL AND deleted_at IS NULL`,
    );
    this.trash = db.prepare('UPDATE articles SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL');
    this.untrash = db.prepare('UPDATE articles SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL');
    this.purgeTrashed = db.prepare('DELETE FROM articles WHERE id = ? AND (deleted_at IS NOT NULL OR retracted_at IS NOT NULL)');

    // Each write keeps its index entry in step, in the caller's transaction.
    const index = new SearchIndex(db);
    this.searchIndex = index;
    this.insertIndexed = (params: Record<string, unknown>) => {
      const id = Number(this.insert.run(params).lastInsertRowid);
      index.sync(id);
      return id;
    };
    this.updateIndexed = (params: Record<string, unknown> & { id: number }) => {
      const changed = this.updateFields.run(params).changes > 0;
      if (changed) index.sync(params.id);
      return changed;
    };
    this.trashIndexed = (id: number, now: number) => {
      const changed = this.trash.run(now, now, id).changes > 0;
      if (changed) index.remove(id);
      return changed;
    };
    this.restoreIndexed = (id: number, now: number) => {
      const changed = this.untrash.run(now, id).changes > 0;
      if (changed) index.sync(id);
      return changed;
    };
    this.purgeIndexed = (id: number) => {
      const changed = this.purgeTrashed.run(id).changes > 0;
      if (changed) index.remove(id);
      return changed;
    };
  }

  async findVisibleById(id: number, now: number): Promise<Article | undefined> {
    const row = this.byId.get({ id, now });
    return row && toArticle(row);
  }

  async listVisible(query: ArticleListQuery, now: number): Promise<ArticleSummary[]> {
    const params = { now, limit: query.limit, offset: query.offset ?? 0 };
    const rows =
      query.categoryId === undefined ? this.latest.all(params) : this.latestInCategory.all({ ...params, categoryId: query.categoryId });
    return rows.map(toArticleSummary);
  }

  async countVisible(categoryId: number | undefined, now: number): Promise<number> {
    const row = categoryId === undefined ? this.countAll.get({ now }) : this.countInCategory.get({ now, categoryId });
    return row?.n ?? 0;
  }

  async listWithoutShareCode(origin: string, limit: number, now: number): Promise<number[]> {
    return this.withoutShareCode.all({ origin, limit, now });
  }

  async setShareCode(id: number, url: string, drawing: string): Promise<void> {
    this.shareCode.run({ id, url, drawing });
  }

  async listVisibleByAuthor(staffId: number, page: { limit: number; offset: number }, now: number): Promise<ArticleSummary[]> {
    return this.byAuthor.all({ staffId, now, ...page }).map(toArticleSummary);
  }

  async countVisibleByAuthor(staffId: number, now: number): Promise<number> {
    return this.countByAuthor.get({ staffId, now }) ?? 0;
  }

  async countVisibleByCategory(now: number): Promise<Map<number, number>> {
    return new Map(this.countPerCategory.all({ now }).map((row) => [row.categoryId, row.n]));
  }

  async listMostViewed(limit: number, now: number): Promise<ArticleSummary[]> {
    return this.mostViewed.all({ now, limit }).map(toArticleSummary);
  }

  async listFeaturedWithCover(limit: number, now: number): Promise<ArticleSummary[]> {
    return this.featured.all({ now, limit }).map(toArticleSummary);
  }

  async listPinned(limit: number, now: number): Promise<PinnedArticle[]> {
    return this.pinned.all({ now, limit }).map((row) => ({ ...toArticleSummary(row), homePin: row.home_pin === 2 ? 'headline' : 'top' }));
  }

  async create(article: NewArticle, now: number, authorship: Authorship = {}): Promise<number> {
    return this.insertIndexed({
      ...columnValues(article),
      views: article.views ?? 0,
      createdBy: authorship.createdBy ?? null,
      signedBy: authorship.signedBy ?? null,
      responsibleEditor: authorship.responsibleEditor ?? '',
      now,
    });
  }

  async count(): Promise<number> {
    return this.countRows.get()?.n ?? 0;
  }

  async findById(id: number): Promise<AdminArticle | undefined> {
    const row = this.anyById.get(id);
    return row && toAdminArticle(row);
  }

  async listForAdmin(filter: AdminArticleFilter, limit: number, offset: number): Promise<AdminArticle[]> {
    return this.adminList.all({ ...adminFilterParams(filter), limit, offset }).map(toAdminArticle);
  }

  async countForAdmin(filter: AdminArticleFilter): Promise<number> {
    return this.adminCount.get(adminFilterParams(filter))?.n ?? 0;
  }

  async update(id: number, expectedVersion: number, fields: ArticleFields, now: number): Promise<boolean> {
    return this.updateIndexed({ ...columnValues(fields), id, expectedVersion, now });
  }

  async setReview(id: number, expectedVersion: number, change: ReviewChange, now: number): Promise<boolean> {
    const signOff = change.signOff;
    const changed =
      this.review.run({
        id,
        expectedVersion,
        now,
        reviewStage: change.reviewStage,
        bump: change.withSave ? 0 : 1,
        status: signOff?.status ?? null,
        publishedAt: signOff?.publishedAt ?? null,
        signedBy: signOff?.signedBy ?? null,
        responsibleEditor: signOff?.responsibleEditor ?? null,
      }).changes > 0;
    // a sign-off makes the article visible: its index entry follows
    if (changed && signOff) this.searchIndex.sync(id);
    return changed;
  }

  async countInReview(): Promise<Record<1 | 2 | 3, number>> {
    const counts = { 1: 0, 2: 0, 3: 0 };
    for (const row of this.inReview.all()) counts[row.review_stage] = row.n;
    return counts;
  }

  async markCorrected(id: number, now: number): Promise<boolean> {
    return this.corrected.run({ id, now }).changes > 0;
  }

  async retract(id: number, notice: { reason: string; showsTitle: boolean }, now: number): Promise<boolean> {
    const changed = this.withdraw.run({ id, now, reason: notice.reason, showsTitle: notice.showsTitle ? 1 : 0 }).changes > 0;
    if (changed) this.searchIndex.sync(id); // a draft now: its entry goes
    return changed;
  }

  async findRetracted(id: number): Promise<RetractedArticle | undefined> {
    const row = this.retracted.get(id);
    return row && toRetracted(row);
  }

  async moveToTrash(id: number, now: number): Promise<boolean> {
    return this.trashIndexed(id, now);
  }

  async restoreFromTrash(id: number, now: number): Promise<boolean> {
    return this.restoreIndexed(id, now);
  }

  async purge(id: number): Promise<boolean> {
    return this.purgeIndexed(id);
  }

  async headlinesWith(term: SearchTerm, limit: number, now: number): Promise<TermHit[]> {
    return this.searchIndex.headlinesWith(term, limit, now);
  }

  async search(terms: readonly SearchTerm[], page: { limit: number; offset: number }, now: number): Promise<ArticleSearchResults> {
    return this.searchIndex.search(terms, page.limit, page.offset, now);
  }
}

interface AdminFilterParams {
  trash: 0 | 1;
  retracted: 0 | 1;
  status: string | null;
  reviewStage: number | null;
  categoryId: number | null;
  titlePattern: string | null;
}

/** The editable fields as statement parameters (booleans as 0/1, the pin as its level). */
function columnValues(fields: ArticleFields) {
  return {
    categoryId: fields.categoryId,
    title: fields.title,
    author: fields.author,
    source: fields.source,
    summary: fields.summary,
    bodyHtml: fields.bodyHtml,
    coverImage: fields.coverImage,
    isFeatured: fields.isFeatured ? 1 : 0,
    status: fields.status,
    publishedAt: fields.publishedAt,
    homePin: PIN_LEVELS[fields.homePin ?? 'none'],
    pinnedUntil: fields.homePin && fields.homePin !== 'none' ? (fields.pinnedUntil ?? null) : null,
    hideCover: fields.hideCover ? 1 : 0,
    commentPolicy: fields.commentPolicy ?? 'category',
    isReprint: fields.reprint ? 1 : 0,
    originalTitle: fields.reprint?.originalTitle ?? '',
    originalAuthor: fields.reprint?.originalAuthor ?? '',
    originalUrl: fields.reprint?.originalUrl ?? '',
    authorStaffId: fields.authorStaffId ?? null,
  };
}

function adminFilterParams(filter: AdminArticleFilter): AdminFilterParams {
  const trash = filter.status === 'trash';
  const retracted = filter.status === 'retracted';
  return {
    trash: trash ? 1 : 0,
    retracted: retracted ? 1 : 0,
    status: trash || retracted ? null : (filter.status ?? null),
    reviewStage: filter.reviewStage ?? null,
    categoryId: filter.categoryId ?? null,
    titlePattern: containsPattern(filter.titleContains),
  };
}
