// Categories (栏目): the only place with their SQL.
import type { Db } from '../db/database.js';
import type { Category } from '../domain/types.js';

export interface CategoryRepository {
  listAll(): Promise<Category[]>;
  findBySlug(slug: string): Promise<Category | undefined>;
  create(category: Omit<Category, 'id'>): Promise<number>;
}

interface CategoryRow {
  id: number;
  slug: string;
  name: string;
  description: string;
  sort_order: number;
}

export class SqliteCategoryRepository implements CategoryRepository {
  private readonly all;
  private readonly bySlug;
  private readonly insert;

  constructor(db: Db) {
    this.all = db.prepare<[], CategoryRow>('SELECT * FROM categories ORDER BY sort_order, id');
    this.bySlug = db.prepare<[string], CategoryRow>('SELECT * FROM categories WHERE slug = ?');
    this.insert = db.prepare(
      'INSERT INTO categories (slug, name, description, sort_order) VALUES (@slug, @name, @description, @sortOrder)',
    );
  }

  async listAll(): Promise<Category[]> {
    return this.all.all().map(toCategory);
  }

  async findBySlug(slug: string): Promise<Category | undefined> {
    const row = this.bySlug.get(slug);
    return row && toCategory(row);
  }

  async create(category: Omit<Category, 'id'>): Promise<number> {
    return Number(this.insert.run(category).lastInsertRowid);
  }
}

function toCategory(row: CategoryRow): Category {
  return { id: row.id, slug: row.slug, name: row.name, description: row.description, sortOrder: row.sort_order };
}
