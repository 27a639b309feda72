// Categories (栏目) as editors change them, each change one transaction with its audit line.
// A slug another category has comes back as CategorySlugTakenError (nothing saved).
import type { Category } from '../domain/types.js';
import type { CategoryFields } from '../repositories/category-repository.js';
import type { Actor } from './audit.js';
import { auditEntry } from './audit.js';
import type { Clock } from './clock.js';
import type { StorageAccess } from './storage-access.js';

export type CategoryDeleteOutcome = { kind: 'deleted' | 'not-found' } | { kind: 'has-articles'; articleCount: number };

const named = (c: CategoryFields) => `${c.name}（${c.slug}）`;

export class CategoryService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
  ) {}

  create(actor: Actor, category: CategoryFields): Promise<number> {
    return this.storage.transaction(async (tx) => {
      const id = await tx.categories.create(category);
      await tx.audit.append(auditEntry(actor, 'category.create', { type: 'category', id }, named(category), this.clock()));
      return id;
    });
  }

  /** false when there is no such category */
  update(actor: Actor, existing: Category, category: CategoryFields): Promise<boolean> {
    return this.storage.transaction(async (tx) => {
      if (!(await tx.categories.update(existing.id, category))) return false;
      const renamed = existing.name !== category.name || existing.slug !== category.slug;
      const summary = renamed ? `${named(existing)}→ ${named(category)}` : category.name;
      await tx.audit.append(auditEntry(actor, 'category.update', { type: 'category', id: existing.id }, summary, this.clock()));
      return true;
    });
  }

  /** Deletes a category without articles. */
  delete(actor: Actor, category: Category): Promise<CategoryDeleteOutcome> {
    return this.storage.transaction(async (tx) => {
      const result = await tx.categories.delete(category.id);
      if (result.status === 'missing') return { kind: 'not-found' };
      if (result.status === 'has-articles') return { kind: 'has-articles', articleCount: result.articleCount };
      await tx.audit.append(auditEntry(actor, 'category.delete', { type: 'category', id: category.id }, named(category), this.clock()));
      return { kind: 'deleted' };
    });
  }
}
