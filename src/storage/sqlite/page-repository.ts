// Static pages (关于本站, 广告服务, 发贴须知 ...) in SQLite.
import type { Db } from './database.js';
import type { StaticPage } from '../../domain/types.js';
import type { PageListItem, PageRepository, PageRow } from '../../repositories/page-repository.js';

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
