// Static pages (关于本站, 广告服务, 发贴须知 ...) in PostgreSQL.
import type { StaticPage } from '../../domain/types.js';
import type { PageListItem, PageRepository, PageRow } from '../../repositories/page-repository.js';
import type { Sql } from './sql.js';

export class PostgresPageRepository implements PageRepository {
  constructor(private readonly sql: Sql) {}

  async findBySlug(slug: string): Promise<StaticPage | undefined> {
    const row = await this.sql.row<PageRow>('SELECT slug, title, body_html, updated_at FROM pages WHERE slug = $1', [slug]);
    return row && { slug: row.slug, title: row.title, bodyHtml: row.body_html, updatedAt: row.updated_at };
  }

  async save(page: Omit<StaticPage, 'updatedAt'>, now: number): Promise<void> {
    await this.sql.run(
      `INSERT INTO pages (slug, title, body_html, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (slug) DO UPDATE SET title = excluded.title, body_html = excluded.body_html, updated_at = excluded.updated_at`,
      [page.slug, page.title, page.bodyHtml, now],
    );
  }

  async listAll(): Promise<PageListItem[]> {
    const rows = await this.sql.rows<Omit<PageRow, 'body_html'>>('SELECT slug, title, updated_at FROM pages ORDER BY slug');
    return rows.map((row) => ({ slug: row.slug, title: row.title, updatedAt: row.updated_at }));
  }

  async create(page: Omit<StaticPage, 'updatedAt'>, now: number): Promise<boolean> {
    const inserted = await this.sql.run(
      `INSERT INTO pages (slug, title, body_html, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (slug) DO NOTHING`,
      [page.slug, page.title, page.bodyHtml, now],
    );
    return inserted > 0;
  }

  async update(page: Omit<StaticPage, 'updatedAt'>, now: number): Promise<boolean> {
    const updated = await this.sql.run('UPDATE pages SET title = $2, body_html = $3, updated_at = $4 WHERE slug = $1', [
      page.slug,
      page.title,
      page.bodyHtml,
      now,
    ]);
    return updated > 0;
  }
}
