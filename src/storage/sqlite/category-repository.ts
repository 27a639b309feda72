// Categories (栏目) in SQLite.
import type { Db } from './database.js';
import type { Category } from '../../domain/types.js';
import type {
  CategoryWithCount,
  CategoryFields,
  CategoryDeleteResult,
  CategoryRepository,
  CategoryRow,
} from '../../repositories/category-repository.js';
import { CategorySlugTakenError, DEFAULT_REVIEW_LEVELS, toCategory } from '../../repositories/category-repository.js';

export class SqliteCategoryRepository implements CategoryRepository {
  private readonly all;
  private readonly bySlug;
  private readonly byId;
  private readonly withCounts;
  private readonly insert;
  private readonly updateRow;
  private readonly countArticles;
  private readonly deleteUnused;

  constructor(db: Db) {
    this.all = db.prepare<[], CategoryRow>('SELECT * FROM categories ORDER BY sort_order, id');
    this.bySlug = db.prepare<[string], CategoryRow>('SELECT * FROM categories WHERE slug = ?');
    this.byId = db.prepare<[number], CategoryRow>('SELECT * FROM categories WHERE id = ?');
    this.withCounts = db.prepare<[], CategoryRow & { article_count: number }>(
      `SELECT c.id, c.slug, c.name, c.description, c.sort_order, c.comment_policy, c.review_levels, COUNT(a.id) AS article_count
       FROM categories c LEFT JOIN articles a ON a.category_id = c.id AND a.deleted_at IS NULL
       GROUP BY c.id, c.slug, c.name, c.description, c.sort_order, c.comment_policy, c.review_levels
       ORDER BY c.sort_order, c.id`,
    );
    this.insert = db.prepare(
      `INSERT INTO categories (slug, name, description, sort_order, comment_policy, review_levels)
       VALUES (@slug, @name, @description, @sortOrder, @commentPolicy, @reviewLevels)`,
    );
    this.updateRow = db.prepare(
      `UPDATE categories SET slug = @slug, name = @name, description = @description, sort_order = @sortOrder,
         comment_policy = @commentPolicy, review_levels = @reviewLevels
       WHERE id = @id`,
    );
    this.countArticles = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM articles WHERE category_id = ?');
    // One statement, so an article added meanwhile cannot slip in between check and delete.
    this.deleteUnused = db.prepare('DELETE FROM categories WHERE id = @id AND NOT EXISTS (SELECT 1 FROM articles WHERE category_id = @id)');
  }

  async listAll(): Promise<Category[]> {
    return this.all.all().map(toCategory);
  }

  async findBySlug(slug: string): Promise<Category | undefined> {
    const row = this.bySlug.get(slug);
    return row && toCategory(row);
  }

  async findById(id: number): Promise<Category | undefined> {
    const row = this.byId.get(id);
    return row && toCategory(row);
  }

  async listWithArticleCounts(): Promise<CategoryWithCount[]> {
    return this.withCounts.all().map((row) => ({ ...toCategory(row), articleCount: row.article_count }));
  }

  async create(category: CategoryFields): Promise<number> {
    return uniqueSlug(category.slug, () => Number(this.insert.run(fields(category)).lastInsertRowid));
  }

  async update(id: number, category: CategoryFields): Promise<boolean> {
    return uniqueSlug(category.slug, () => this.updateRow.run({ ...fields(category), id }).changes > 0);
  }

  async delete(id: number): Promise<CategoryDeleteResult> {
    if (this.deleteUnused.run({ id }).changes > 0) return { status: 'deleted' };
    if (!this.byId.get(id)) return { status: 'missing' };
    return { status: 'has-articles', articleCount: this.countArticles.get(id)?.n ?? 0 };
  }
}

function fields(category: CategoryFields) {
  return {
    slug: category.slug,
    name: category.name,
    description: category.description,
    sortOrder: category.sortOrder,
    commentPolicy: category.commentPolicy ?? 'open',
    reviewLevels: category.reviewLevels ?? DEFAULT_REVIEW_LEVELS,
  };
}

function uniqueSlug<T>(slug: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new CategorySlugTakenError(slug);
    throw err;
  }
}
