// Static pages (关于本站, 广告服务, 发贴须知 ...): the repository interface (the SQL is in src/storage/<backend>/).
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

export interface PageRow {
  slug: string;
  title: string;
  body_html: string;
  updated_at: number;
}
