// Categories (栏目): the repository interface (the SQL is in src/storage/<backend>/).
import type { Category, CommentPolicy } from '../domain/types.js';

export interface CategoryWithCount extends Category {
  /** articles in the category, the trash not included */
  articleCount: number;
}

/** The review levels of a category stored without a choice (and of existing sites' categories). */
export const DEFAULT_REVIEW_LEVELS = 2;

/** A category's fields; the comment policy defaults to open, the review levels to DEFAULT_REVIEW_LEVELS. */
export type CategoryFields = Omit<Category, 'id' | 'commentPolicy' | 'reviewLevels'> & {
  commentPolicy?: CommentPolicy;
  reviewLevels?: number;
};

export type CategoryDeleteResult =
  | { status: 'deleted' }
  | { status: 'missing' }
  /** articleCount includes articles in the trash, which still belong to the category */
  | { status: 'has-articles'; articleCount: number };

/** Another category already has the slug (the UNIQUE constraint said so). */
export class CategorySlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`category slug ${slug} is taken`);
  }
}

export interface CategoryRepository {
  listAll(): Promise<Category[]>;
  findBySlug(slug: string): Promise<Category | undefined>;
  findById(id: number): Promise<Category | undefined>;
  /** every category with its article count, in navigation order (for editors) */
  listWithArticleCounts(): Promise<CategoryWithCount[]>;
  /** @throws CategorySlugTakenError */
  create(category: CategoryFields): Promise<number>;
  /** false when there is no such category; @throws CategorySlugTakenError */
  update(id: number, category: CategoryFields): Promise<boolean>;
  /** Deletes a category that no article (the trash included) belongs to. */
  delete(id: number): Promise<CategoryDeleteResult>;
}

export interface CategoryRow {
  id: number;
  slug: string;
  name: string;
  description: string;
  sort_order: number;
  comment_policy: CommentPolicy;
  review_levels: number;
}

export function toCategory(row: CategoryRow): Category {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    sortOrder: row.sort_order,
    commentPolicy: row.comment_policy,
    reviewLevels: row.review_levels,
  };
}
