// Articles in PostgreSQL: their SQL, and the search index kept in step with every write.
import type { Authorship, RetractedArticle, RetractedRow, ReviewChange } from '../../repositories/article-repository.js';
import type { Article, ArticleSummary, NewArticle } from '../../domain/types.js';
import type { SearchTerm } from '../../lib/search-tokens.js';
import type { ArticleSearchResults, TermHit } from '../../repositories/search-repository.js';
import { containsPattern } from '../like-pattern.js';
import { PostgresSearchIndex } from './search-index.js';
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
import type { Sql } from './sql.js';

const SUMMARY_COLUMNS = 'id, category_id, title, summary, cover_image, published_at, views';
const SUMMARY_COLUMNS_OF_A = SUMMARY_COLUMNS.split(', ')
  .map((column) => `a.${column}`)
  .join(', ');
/** From this offset on, a list page is read through the index first (see listVisible). */
const DEEP_PAGE_OFFSET = 100;
/** Visible to readers at $1 (keep in step with the partial indexes: their WHERE is this minus the time). */
export const VISIBLE = "status <> 'draft' AND deleted_at IS NULL AND published_at <= $1";
/** The same rule for the articles named `alias` in a join (the linked articles of a tag, topic, list …). */
export const visibleAs = (alias: string) => `${alias}.status <> 'draft' AND ${alias}.deleted_at IS NULL AND ${alias}.published_at <= $1`;
const EDITABLE_COLUMNS = `category_id, title, author, source, summary, body_html, cover_image,
  is_featured, status, published_at, home_pin, pinned_until, hide_cover, comment_policy,
  is_reprint, original_title, original_author, original_url, author_staff_id`;
const EDITABLE_COUNT = EDITABLE_COLUMNS.split(',').length;
/** $from, $from+1 … for `count` parameters */
const placeholders = (from: number, count: number) => Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');

export class PostgresArticleRepository implements ArticleRepository {
  private readonly searchIndex: PostgresSearchIndex;

  constructor(private readonly sql: Sql) {
    this.searchIndex = new PostgresSearchIndex(sql);
  }

  async findVisibleById(id: number, now: number): Promise<Article | undefined> {
    const row = await this.sql.row<FullArticleRow>(`SELECT * FROM articles WHERE id = $2 AND ${VISIBLE}`, [now, id]);
    return row && toArticle(row);
  }

  async listVisible(query: ArticleListQuery, now: number): Promise<ArticleSummary[]> {
    const offset = query.offset ?? 0;
    const matching = query.categoryId === undefined ? VISIBLE : `category_id = $4 AND ${VISIBLE}`;
    const values = query.categoryId === undefined ? [now, query.limit, offset] : [now, query.limit, offset, query.categoryId];
    const order = 'ORDER BY published_at DESC, id DESC LIMIT $2 OFFSET $3';
    // Deep pages take their ids from an index-only walk of the visible-articles index and read
    // only those rows, instead of fetching and sorting every article before them; near the top
    // the plain query is quicker.
    const text =
      offset < DEEP_PAGE_OFFSET
        ? `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE ${matching} ${order}`
        : `SELECT ${SUMMARY_COLUMNS_OF_A} FROM (SELECT id, published_at FROM articles WHERE ${matching} ${order}) page
           JOIN articles a ON a.id = page.id ORDER BY page.published_at DESC, page.id DESC`;
    return (await this.sql.rows<ArticleSummaryRow>(text, values)).map(toArticleSummary);
  }

  async countVisible(categoryId: number | undefined, now: number): Promise<number> {
    const count =
      categoryId === undefined
        ? await this.sql.value<number>(`SELECT COUNT(*) FROM articles WHERE ${VISIBLE}`, [now])
        : await this.sql.value<number>(`SELECT COUNT(*) FROM articles WHERE category_id = $2 AND ${VISIBLE}`, [now, categoryId]);
    return count ?? 0;
  }

  async listWithoutShareCode(origin: string, limit: number, now: number): Promise<number[]> {
    const rows = await this.sql.rows<{ id: number }>(
      `SELECT a.id FROM articles a LEFT JOIN article_share_codes c ON c.article_id = a.id
       WHERE ${visibleAs('a')} AND c.url IS DISTINCT FROM $2 || '/article/' || a.id
       ORDER BY a.published_at DESC, a.id DESC LIMIT $3`,
      [now, origin, limit],
    );
    return rows.map((row) => row.id);
  }

  async setShareCode(id: number, url: string, drawing: string): Promise<void> {
    await this.sql.run(
      `INSERT INTO article_share_codes (article_id, url, drawing) VALUES ($1, $2, $3)
       ON CONFLICT (article_id) DO UPDATE SET url = excluded.url, drawing = excluded.drawing`,
      [id, url, drawing],
    );
  }

  async listVisibleByAuthor(staffId: number, page: { limit: number; offset: number }, now: number): Promise<ArticleSummary[]> {
    const rows = await this.sql.rows<ArticleSummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE author_staff_id = $2 AND ${VISIBLE}
       ORDER BY published_at DESC, id DESC LIMIT $3 OFFSET $4`,
      [now, staffId, page.limit, page.offset],
    );
    return rows.map(toArticleSummary);
  }

  async countVisibleByAuthor(staffId: number, now: number): Promise<number> {
    return (await this.sql.value<number>(`SELECT COUNT(*) FROM articles WHERE author_staff_id = $2 AND ${VISIBLE}`, [now, staffId])) ?? 0;
  }

  async countVisibleByCategory(now: number): Promise<Map<number, number>> {
    const rows = await this.sql.rows<{ category_id: number; n: number }>(
      `SELECT category_id, COUNT(*) AS n FROM articles WHERE ${VISIBLE} GROUP BY category_id`,
      [now],
    );
    return new Map(rows.map((row) => [row.category_id, row.n]));
  }

  async listMostViewed(limit: number, now: number): Promise<ArticleSummary[]> {
    const rows = await this.sql.rows<ArticleSummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE ${VISIBLE} ORDER BY views DESC, id DESC LIMIT $2`,
      [now, limit],
    );
    return rows.map(toArticleSummary);
  }

  async listFeaturedWithCover(limit: number, now: number): Promise<ArticleSummary[]> {
    const rows = await this.sql.rows<ArticleSummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE is_featured = 1 AND cover_image IS NOT NULL AND ${VISIBLE}
       ORDER BY published_at DESC, id DESC LIMIT $2`,
      [now, limit],
    );
    return rows.map(toArticleSummary);
  }

  async listPinned(limit: number, now: number): Promise<PinnedArticle[]> {
    // the partial index articles_pinned holds exactly these rows but the time checks
    const rows = await this.sql.rows<ArticleSummaryRow & { home_pin: number }>(
      `SELECT ${SUMMARY_COLUMNS}, home_pin FROM articles
       WHERE home_pin > 0 AND (pinned_until IS NULL OR pinned_until > $1) AND ${VISIBLE}
       ORDER BY home_pin DESC, published_at DESC, id DESC LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => ({ ...toArticleSummary(row), homePin: row.home_pin === 2 ? 'headline' : 'top' }));
  }

  async create(article: NewArticle, now: number, authorship: Authorship = {}): Promise<number> {
    const id = await this.sql.value<number>(
      `INSERT INTO articles (${EDITABLE_COLUMNS}, views, created_at, updated_at, created_by, signed_by, responsible_editor)
       VALUES (${placeholders(1, EDITABLE_COUNT + 2)}, $${EDITABLE_COUNT + 2}, ${placeholders(EDITABLE_COUNT + 3, 3)}) RETURNING id`,
      [
        ...columnValues(article),
        article.views ?? 0,
        now,
        authorship.createdBy ?? null,
        authorship.signedBy ?? null,
        authorship.responsibleEditor ?? '',
      ],
    );
    await this.searchIndex.sync(id!);
    return id!;
  }

  async count(): Promise<number> {
    return (await this.sql.value<number>('SELECT COUNT(*) FROM articles')) ?? 0;
  }

  async findById(id: number): Promise<AdminArticle | undefined> {
    const row = await this.sql.row<AdminArticleRow>('SELECT * FROM articles WHERE id = $1', [id]);
    return row && toAdminArticle(row);
  }

  async listForAdmin(filter: AdminArticleFilter, limit: number, offset: number): Promise<AdminArticle[]> {
    const { where, values } = adminFilter(filter);
    const rows = await this.sql.rows<AdminArticleRow>(
      `SELECT * FROM articles WHERE ${where}
       ORDER BY COALESCE(published_at, updated_at) DESC, id DESC LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, limit, offset],
    );
    return rows.map(toAdminArticle);
  }

  async countForAdmin(filter: AdminArticleFilter): Promise<number> {
    const { where, values } = adminFilter(filter);
    return (await this.sql.value<number>(`SELECT COUNT(*) FROM articles WHERE ${where}`, values)) ?? 0;
  }

  async update(id: number, expectedVersion: number, fields: ArticleFields, now: number): Promise<boolean> {
    const updated = await this.sql.run(
      `UPDATE articles SET category_id = $1, title = $2, author = $3, source = $4, summary = $5, body_html = $6,
         cover_image = $7, is_featured = $8, status = $9, published_at = $10, home_pin = $11, pinned_until = $12,
         hide_cover = $13, comment_policy = $14, is_reprint = $15, original_title = $16, original_author = $17,
         original_url = $18, author_staff_id = $19, updated_at = $20, version = version + 1
       WHERE id = $21 AND version = $22 AND deleted_at IS NULL`,
      [...columnValues(fields), now, id, expectedVersion],
    );
    if (updated > 0) await this.searchIndex.sync(id);
    return updated > 0;
  }

  async setReview(id: number, expectedVersion: number, change: ReviewChange, now: number): Promise<boolean> {
    const signOff = change.signOff;
    const updated = await this.sql.run(
      `UPDATE articles SET review_stage = $3,
         status = COALESCE($4, status), published_at = COALESCE($5::bigint, published_at),
         signed_by = COALESCE($6::bigint, signed_by), responsible_editor = COALESCE($7, responsible_editor),
         updated_at = $8, version = version + $9
       WHERE id = $1 AND version = $2 AND deleted_at IS NULL`,
      [
        id,
        expectedVersion,
        change.reviewStage,
        signOff?.status ?? null,
        signOff?.publishedAt ?? null,
        signOff?.signedBy ?? null,
        signOff?.responsibleEditor ?? null,
        now,
        change.withSave ? 0 : 1,
      ],
    );
    // a sign-off makes the article visible: its index entry follows
    if (updated > 0 && signOff) await this.searchIndex.sync(id);
    return updated > 0;
  }

  async countInReview(): Promise<Record<1 | 2 | 3, number>> {
    const counts = { 1: 0, 2: 0, 3: 0 };
    const rows = await this.sql.rows<{ review_stage: 1 | 2 | 3; n: number }>(
      'SELECT review_stage, COUNT(*) AS n FROM articles WHERE review_stage > 0 AND deleted_at IS NULL GROUP BY review_stage',
    );
    for (const row of rows) counts[row.review_stage] = row.n;
    return counts;
  }

  async markCorrected(id: number, now: number): Promise<boolean> {
    const updated = await this.sql.run(
      'UPDATE articles SET corrected_at = $2, updated_at = $2, version = version + 1 WHERE id = $1 AND deleted_at IS NULL',
      [id, now],
    );
    return updated > 0;
  }

  async retract(id: number, notice: { reason: string; showsTitle: boolean }, now: number): Promise<boolean> {
    const updated = await this.sql.run(
      `UPDATE articles SET status = 'draft', review_stage = 0, retracted_at = $1, retraction_reason = $3,
         retraction_shows_title = $4, updated_at = $1, version = version + 1
       WHERE id = $2 AND ${VISIBLE} AND retracted_at IS NULL`,
      [now, id, notice.reason, notice.showsTitle ? 1 : 0],
    );
    if (updated > 0) await this.searchIndex.remove(id);
    return updated > 0;
  }

  async findRetracted(id: number): Promise<RetractedArticle | undefined> {
    const row = await this.sql.row<RetractedRow>(
      `SELECT id, category_id, title, retracted_at, retraction_reason, retraction_shows_title FROM articles
       WHERE id = $1 AND retracted_at IS NOT NULL AND deleted_at IS NULL`,
      [id],
    );
    return row && toRetracted(row);
  }

  async moveToTrash(id: number, now: number): Promise<boolean> {
    const trashed = await this.sql.run('UPDATE articles SET deleted_at = $1, updated_at = $1 WHERE id = $2 AND deleted_at IS NULL', [
      now,
      id,
    ]);
    if (trashed > 0) await this.searchIndex.remove(id);
    return trashed > 0;
  }

  async restoreFromTrash(id: number, now: number): Promise<boolean> {
    const restored = await this.sql.run('UPDATE articles SET deleted_at = NULL, updated_at = $1 WHERE id = $2 AND deleted_at IS NOT NULL', [
      now,
      id,
    ]);
    if (restored > 0) await this.searchIndex.sync(id);
    return restored > 0;
  }

  async purge(id: number): Promise<boolean> {
    // The search entry goes with the row (ON DELETE CASCADE).
    return (await this.sql.run('DELETE FROM articles WHERE id = $1 AND (deleted_at IS NOT NULL OR retracted_at IS NOT NULL)', [id])) > 0;
  }

  async headlinesWith(term: SearchTerm, limit: number, now: number): Promise<TermHit[]> {
    return this.searchIndex.headlinesWith(term, limit, now);
  }

  async search(terms: readonly SearchTerm[], page: { limit: number; offset: number }, now: number): Promise<ArticleSearchResults> {
    return this.searchIndex.search(terms, page.limit, page.offset, now);
  }
}

/** The editable fields as statement parameters, in EDITABLE_COLUMNS order (booleans as 0/1, the pin as its level). */
function columnValues(fields: ArticleFields): unknown[] {
  const pinned = fields.homePin !== undefined && fields.homePin !== 'none';
  return [
    fields.categoryId,
    fields.title,
    fields.author,
    fields.source,
    fields.summary,
    fields.bodyHtml,
    fields.coverImage,
    fields.isFeatured ? 1 : 0,
    fields.status,
    fields.publishedAt,
    PIN_LEVELS[fields.homePin ?? 'none'],
    pinned ? (fields.pinnedUntil ?? null) : null,
    fields.hideCover ? 1 : 0,
    fields.commentPolicy ?? 'category',
    fields.reprint ? 1 : 0,
    fields.reprint?.originalTitle ?? '',
    fields.reprint?.originalAuthor ?? '',
    fields.reprint?.originalUrl ?? '',
    fields.authorStaffId ?? null,
  ];
}

/** The editors' list filter as a WHERE of fixed fragments and its parameters. */
function adminFilter(filter: AdminArticleFilter): { where: string; values: unknown[] } {
  const trash = filter.status === 'trash';
  const conditions = [trash ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL'];
  const values: unknown[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    values.push(value);
    conditions.push(condition(`$${values.length}`));
  };
  if (filter.status === 'retracted') conditions.push('retracted_at IS NOT NULL');
  else if (!trash && filter.status !== undefined) add((p) => `status = ${p} AND retracted_at IS NULL`, filter.status);
  if (filter.categoryId !== undefined) add((p) => `category_id = ${p}`, filter.categoryId);
  if (filter.reviewStage !== undefined) add((p) => `review_stage = ${p}`, filter.reviewStage);
  const titlePattern = containsPattern(filter.titleContains);
  if (titlePattern !== null) add((p) => `title ILIKE ${p} ESCAPE '\\'`, titlePattern);
  return { where: conditions.join(' AND '), values };
}
