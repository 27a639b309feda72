// Helpers for the contract tests: a fresh store per test, a gate to hold a transaction open,
// and fixtures written through the repository interfaces only (no SQL, no driver).
import { afterEach, beforeEach } from 'node:test';
import type { NewArticle, Role } from '../../src/domain/types.js';
import type { Repositories } from '../../src/repositories/index.js';
import type { Storage, Transact } from '../../src/storage/storage.js';
import { articleFields as publishedArticle } from '../support/article-fields.js';
import type { OpenBackend, OpenedBackend } from './backends.js';

export const NOW = Date.UTC(2026, 10, 20, 4, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface TestStore {
  readonly storage: Storage;
  /** storage.repositories: reads outside any transaction */
  readonly read: Repositories;
  /** storage.transaction: how every write is made */
  readonly write: Transact;
}

/** Opens a fresh store before each test of the enclosing describe and closes it after. */
export function freshStorage(open: OpenBackend): TestStore {
  let opened: OpenedBackend | undefined;
  beforeEach(async () => {
    opened = await open();
  });
  afterEach(async () => {
    for (const g of [...pendingGates]) g.open();
    await opened?.close();
    opened = undefined;
  });
  const storage = (): Storage => {
    if (!opened) throw new Error('no store is open outside a test');
    return opened.storage;
  };
  return {
    get storage() {
      return storage();
    },
    get read() {
      return storage().repositories;
    },
    get write() {
      return storage().transaction;
    },
  };
}

/** A promise the test resolves when it chooses: holds a transaction open meanwhile. */
export interface Gate {
  readonly opened: Promise<void>;
  open(): void;
}

/** Gates not yet opened: opened after each test, so a failed assertion cannot leave close() waiting. */
const pendingGates = new Set<Gate>();

export function gate(): Gate {
  let resolve!: () => void;
  const opened = new Promise<void>((r) => (resolve = r));
  const g: Gate = {
    opened,
    open() {
      pendingGates.delete(g);
      resolve();
    },
  };
  pendingGates.add(g);
  return g;
}

/** Lets every pending promise callback and timer of this turn run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}

/** A published article of the category, out since a minute before NOW. */
export function articleFields(categoryId: number, overrides: Partial<NewArticle> = {}): NewArticle {
  return publishedArticle(categoryId, NOW, overrides);
}

export function addCategory(tx: Repositories, slug = 'law', name = '法治要闻', sortOrder = 1): Promise<number> {
  return tx.categories.create({ slug, name, description: '', sortOrder });
}

export function addArticle(tx: Repositories, categoryId: number, overrides: Partial<NewArticle> = {}, now = NOW): Promise<number> {
  return tx.articles.create(articleFields(categoryId, overrides), now);
}

export function addUser(tx: Repositories, username: string, role: Role = 'editor', now = NOW): Promise<number> {
  return tx.users.create({ username, displayName: `${username} 名`, passwordHash: `hash-of-${username}`, role }, now);
}
