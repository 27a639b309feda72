// Categories (栏目) in PostgreSQL.
import type { Category } from '../../domain/types.js';
import type {
  CategoryWithCount,
  CategoryFields,
  CategoryDeleteResult,
  CategoryRepository,
  CategoryRow,
} from '../../repositories/category-repository.js';
import { CategorySlugTakenError, DEFAULT_REVIEW_LEVELS, toCategory } from '../../repositories/category-repository.js';
import { isUniqueViolation, type Sql } from './sql.js';

export class PostgresCategoryRepository implements CategoryRepository {
  constructor(private readonly sql: Sql) {}

  async listAll(): Promise<Category[]> {
    return (await this.sql.rows<CategoryRow>('SELECT * FROM categories ORDER BY sort_order, id')).map(toCategory);
  }

  async findBySlug(slug: string): Promise<Category | undefined> {
    const row = await this.sql.row<CategoryRow>('SELECT * FROM categories WHERE slug = $1', [slug]);
    return row && toCategory(row);
  }

  async findById(id: number): Promise<Category | undefined> {
    const row = await this.sql.row<CategoryRow>('SELECT * FROM categories WHERE id = $1', [id]);
    return row && toCategory(row);
  }

  async listWithArticleCounts(): Promise<CategoryWithCount[]> {
    const rows = await this.sql.rows<CategoryRow & { article_count: number }>(
      `SELECT c.id, c.slug, c.name, c.description, c.sort_order, c.comment_policy, c.review_levels, COUNT(a.id) AS article_count
       FROM categories c LEFT JOIN articles a ON a.category_id = c.id AND a.deleted_at IS NULL
       GROUP BY c.id, c.slug, c.name, c.description, c.sort_order, c.comment_policy
       ORDER BY c.sort_order, c.id`,
    );
    return rows.map((row) => ({ ...toCategory(row), articleCount: row.article_count }));
  }

  async create(category: CategoryFields): Promise<number> {
    return this.uniqueSlug(category.slug, async () => {
      const id = await this.sql.value<number>(
        `INSERT INTO categories (slug, name, description, sort_order, comment_policy, review_levels)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          category.slug,
          category.name,
          category.description,
          category.sortOrder,
          category.commentPolicy ?? 'open',
          category.reviewLevels ?? DEFAULT_REVIEW_LEVELS,
        ],
      );
      return id!;
    });
  }

  async update(id: number, category: CategoryFields): Promise<boolean> {
    return this.uniqueSlug(category.slug, async () => {
      const updated = await this.sql.run(
        `UPDATE categories SET slug = $2, name = $3, description = $4, sort_order = $5, comment_policy = $6, review_levels = $7
         WHERE id = $1`,
        [
          id,
          category.slug,
          category.name,
          category.description,
          category.sortOrder,
          category.commentPolicy ?? 'open',
          category.reviewLevels ?? DEFAULT_REVIEW_LEVELS,
        ],
      );
      return updated > 0;
    });
  }

  async delete(id: number): Promise<CategoryDeleteResult> {
    // One statement, so an article added meanwhile cannot slip in between check and delete.
    const deleted = await this.sql.run(
      'DELETE FROM categories WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM articles WHERE category_id = $1)',
      [id],
    );
    if (deleted > 0) return { status: 'deleted' };
    if (!(await this.findById(id))) return { status: 'missing' };
    const articleCount = (await this.sql.value<number>('SELECT COUNT(*) FROM articles WHERE category_id = $1', [id])) ?? 0;
    return { status: 'has-articles', articleCount };
  }

  /** A taken slug is an answer, not a failed transaction: the write runs in a savepoint. */
  private async uniqueSlug<T>(slug: string, write: () => Promise<T>): Promise<T> {
    try {
      return await this.sql.savepoint(write);
    } catch (err) {
      if (isUniqueViolation(err)) throw new CategorySlugTakenError(slug);
      throw err;
    }
  }
}
