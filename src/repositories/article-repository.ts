// Articles: the only place with their SQL. An article is visible to readers once it is not a
// draft, not in the trash, and its publish time has come (scheduling needs no cron).
import type { Db } from '../db/database.js';
import type { Article, ArticleStatus, ArticleSummary, NewArticle } from '../domain/types.js';

export interface ArticleListQuery {
  categoryId?: number;
  limit: number;
  offset?: number;
}

export interface ArticleRepository {
  findVisibleById(id: number, now: number): Promise<Article | undefined>;
  listVisible(query: ArticleListQuery, now: number): Promise<ArticleSummary[]>;
  countVisible(categoryId: number | undefined, now: number): Promise<number>;
  listMostViewed(limit: number, now: number): Promise<ArticleSummary[]>;
  listFeaturedWithCover(limit: number, now: number): Promise<ArticleSummary[]>;
  create(article: NewArticle, now: number): Promise<number>;
  count(): Promise<number>;
}

interface ArticleRow {
  id: number;
  category_id: number;
  title: string;
  summary: string;
  cover_image: string | null;
  published_at: number;
  views: number;
}

interface FullArticleRow extends ArticleRow {
  author: string;
  source: string;
  body_html: string;
  is_featured: number;
  status: ArticleStatus;
  created_at: number;
  updated_at: number;
}

const SUMMARY_COLUMNS = 'id, category_id, title, summary, cover_image, published_at, views';
const VISIBLE = "status <> 'draft' AND deleted_at IS NULL AND published_at <= @now";

export class SqliteArticleRepository implements ArticleRepository {
  private readonly byId;
  private readonly latest;
  private readonly latestInCategory;
  private readonly countAll;
  private readonly countInCategory;
  private readonly mostViewed;
  private readonly featured;
  private readonly insert;
  private readonly countRows;

  constructor(db: Db) {
    this.byId = db.prepare<{ id: number; now: number }, FullArticleRow>(
      `SELECT * FROM articles WHERE id = @id AND ${VISIBLE}`,
    );
    this.latest = db.prepare<{ now: number; limit: number; offset: number }, ArticleRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE ${VISIBLE}
       ORDER BY published_at DESC, id DESC LIMIT @limit OFFSET @offset`,
    );
    this.latestInCategory = db.prepare<{ now: number; categoryId: number; limit: number; offset: number }, ArticleRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE category_id = @categoryId AND ${VISIBLE}
       ORDER BY published_at DESC, id DESC LIMIT @limit OFFSET @offset`,
    );
    this.countAll = db.prepare<{ now: number }, { n: number }>(`SELECT COUNT(*) AS n FROM articles WHERE ${VISIBLE}`);
    this.countInCategory = db.prepare<{ now: number; categoryId: number }, { n: number }>(
      `SELECT COUNT(*) AS n FROM articles WHERE category_id = @categoryId AND ${VISIBLE}`,
    );
    this.mostViewed = db.prepare<{ now: number; limit: number }, ArticleRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE ${VISIBLE} ORDER BY views DESC, id DESC LIMIT @limit`,
    );
    this.featured = db.prepare<{ now: number; limit: number }, ArticleRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles
       WHERE is_featured = 1 AND cover_image IS NOT NULL AND ${VISIBLE}
       ORDER BY published_at DESC, id DESC LIMIT @limit`,
    );
    this.insert = db.prepare(
      `INSERT INTO articles (category_id, title, author, source, summary, body_html, cover_image,
         is_featured, status, published_at, views, created_at, updated_at)
       VALUES (@categoryId, @title, @author, @source, @summary, @bodyHtml, @coverImage,
         @isFeatured, @status, @publishedAt, @views, @now, @now)`,
    );
    this.countRows = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM articles');
  }

  async findVisibleById(id: number, now: number): Promise<Article | undefined> {
    const row = this.byId.get({ id, now });
    return row && toArticle(row);
  }

  async listVisible(query: ArticleListQuery, now: number): Promise<ArticleSummary[]> {
    const params = { now, limit: query.limit, offset: query.offset ?? 0 };
    const rows =
      query.categoryId === undefined
        ? this.latest.all(params)
        : this.latestInCategory.all({ ...params, categoryId: query.categoryId });
    return rows.map(toSummary);
  }

  async countVisible(categoryId: number | undefined, now: number): Promise<number> {
    const row = categoryId === undefined ? this.countAll.get({ now }) : this.countInCategory.get({ now, categoryId });
    return row?.n ?? 0;
  }

  async listMostViewed(limit: number, now: number): Promise<ArticleSummary[]> {
    return this.mostViewed.all({ now, limit }).map(toSummary);
  }

  async listFeaturedWithCover(limit: number, now: number): Promise<ArticleSummary[]> {
    return this.featured.all({ now, limit }).map(toSummary);
  }

  async create(article: NewArticle, now: number): Promise<number> {
    const result = this.insert.run({
      ...article,
      isFeatured: article.isFeatured ? 1 : 0,
      views: article.views ?? 0,
      now,
    });
    return Number(result.lastInsertRowid);
  }

  async count(): Promise<number> {
    return this.countRows.get()?.n ?? 0;
  }
}

function toSummary(row: ArticleRow): ArticleSummary {
  return {
    id: row.id,
    categoryId: row.category_id,
    title: row.title,
    summary: row.summary,
    coverImage: row.cover_image,
    publishedAt: row.published_at,
    views: row.views,
  };
}

function toArticle(row: FullArticleRow): Article {
  return {
    ...toSummary(row),
    author: row.author,
    source: row.source,
    bodyHtml: row.body_html,
    isFeatured: row.is_featured === 1,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
