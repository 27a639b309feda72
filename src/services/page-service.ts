// Static pages (单页) as editors change them, each change one transaction with its audit line.
// The body is sanitized before it gets here (the form parser, on write).
import type { StaticPage } from '../domain/types.js';
import type { Actor } from './audit.js';
import { auditEntry } from './audit.js';
import type { Clock } from './clock.js';
import type { StorageAccess } from './storage-access.js';

export type PageFields = Omit<StaticPage, 'updatedAt'>;

export class PageService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
  ) {}

  /** false when the slug is taken */
  create(actor: Actor, page: PageFields): Promise<boolean> {
    return this.storage.transaction(async (tx) => {
      const now = this.clock();
      if (!(await tx.pages.create(page, now))) return false;
      await tx.audit.append(auditEntry(actor, 'page.create', { type: 'page', id: page.slug }, page.title, now));
      return true;
    });
  }

  /** false when there is no such page */
  update(actor: Actor, page: PageFields): Promise<boolean> {
    return this.storage.transaction(async (tx) => {
      const now = this.clock();
      if (!(await tx.pages.update(page, now))) return false;
      await tx.audit.append(auditEntry(actor, 'page.update', { type: 'page', id: page.slug }, page.title, now));
      return true;
    });
  }
}
