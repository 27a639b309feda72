// Static pages (关于本站, 广告服务, 发贴须知 ...): the only place with their SQL.
import type { Db } from '../db/database.js';
import type { StaticPage } from '../domain/types.js';

export interface PageRepository {
  findBySlug(slug: string): Promise<StaticPage | undefined>;
  /** bodyHtml must already be sanitized */
  save(page: Omit<StaticPage, 'updatedAt'>, now: number): Promise<void>;
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

  constructor(db: Db) {
    this.bySlug = db.prepare<[string], PageRow>('SELECT * FROM pages WHERE slug = ?');
    this.upsert = db.prepare(
      `INSERT INTO pages (slug, title, body_html, updated_at) VALUES (@slug, @title, @bodyHtml, @now)
       ON CONFLICT (slug) DO UPDATE SET title = excluded.title, body_html = excluded.body_html,
         updated_at = excluded.updated_at`,
    );
  }

  async findBySlug(slug: string): Promise<StaticPage | undefined> {
    const row = this.bySlug.get(slug);
    return row && { slug: row.slug, title: row.title, bodyHtml: row.body_html, updatedAt: row.updated_at };
  }

  async save(page: Omit<StaticPage, 'updatedAt'>, now: number): Promise<void> {
    this.upsert.run({ ...page, now });
  }
}
