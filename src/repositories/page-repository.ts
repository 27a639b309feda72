// Static pages (关于本站, 广告服务, 发贴须知 ...): the only place with their SQL.
import type { Db } from '../db/database.js';
import type { StaticPage } from '../domain/types.js';

export type PageListItem = Omit<StaticPage, 'bodyHtml'>;

export interface PageRepository {
  findBySlug(slug: string): Promise<StaticPage | undefined>;
  /** bodyHtml must already be sanitized */
  save(page: Omit<StaticPage, 'updatedAt'>, now: number): Promise<void>;
  /** every page without its body, by slug */
  listAll(): Promise<PageListItem[]>;
  /** Adds a page; false when the slug is taken (nothing changed). bodyHtml must already be sanitized. */
  create(page: Omit<StaticPage, 'updatedAt'>, now: number): Promise<boolean>;
  /** Saves an existing page; false when there is none. bodyHtml must already be sanitized. */
  update(page: Omit<StaticPage, 'updatedAt'>, now: number): Promise<boolean>;
}

interface PageRow {
  slug: string;
  title: string;
  body_html: string;
  updated_at: number;
}

export class SqlitePageRepository implements PageRepository {
  private readonly bySlug;
  private readonly upsert;
  private readonly all;
  private readonly insertNew;
  private readonly updateRow;

  constructor(db: Db) {
    this.bySlug = db.prepare<[string], PageRow>('SELECT * FROM pages WHERE slug = ?');
    this.upsert = db.prepare(
      `INSERT INTO pages (slug, title, body_html, updated_at) VALUES (@slug, @title, @bodyHtml, @now)
       ON CONFLICT (slug) DO UPDATE SET title = excluded.title, body_html = excluded.body_html,
         updated_at = excluded.updated_at`,
    );
    this.all = db.prepare<[], Omit<PageRow, 'body_html'>>('SELECT slug, title, updated_at FROM pages ORDER BY slug');
    this.insertNew = db.prepare(
      `INSERT INTO pages (slug, title, body_html, updated_at) VALUES (@slug, @title, @bodyHtml, @now)
       ON CONFLICT (slug) DO NOTHING`,
    );
    this.updateRow = db.prepare('UPDATE pages SET title = @title, body_html = @bodyHtml, updated_at = @now WHERE slug = @slug');
  }

  async findBySlug(slug: string): Promise<StaticPage | undefined> {
    const row = this.bySlug.get(slug);
    return row && { slug: row.slug, title: row.title, bodyHtml: row.body_html, updatedAt: row.updated_at };
  }

  async save(page: Omit<StaticPage, 'updatedAt'>, now: number): Promise<void> {
    this.upsert.run({ ...fields(page), now });
  }

  async listAll(): Promise<PageListItem[]> {
    return this.all.all().map((row) => ({ slug: row.slug, title: row.title, updatedAt: row.updated_at }));
  }

  async create(page: Omit<StaticPage, 'updatedAt'>, now: number): Promise<boolean> {
    return this.insertNew.run({ ...fields(page), now }).changes > 0;
  }

  async update(page: Omit<StaticPage, 'updatedAt'>, now: number): Promise<boolean> {
    return this.updateRow.run({ ...fields(page), now }).changes > 0;
  }
}

function fields(page: Omit<StaticPage, 'updatedAt'>) {
  return { slug: page.slug, title: page.title, bodyHtml: page.bodyHtml };
}
