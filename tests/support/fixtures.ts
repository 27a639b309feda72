// Fixtures built through the repositories, on a migrated temporary database.
import fs from 'node:fs';
import path from 'node:path';
import type { NewArticle } from '../../src/domain/types.js';
import type { Repositories } from '../../src/repositories/index.js';
import type { Transact } from '../../src/storage/storage.js';
import type { Db } from '../../src/storage/sqlite/database.js';
import { createSqliteRepositories } from '../../src/storage/sqlite/repositories.js';
import { openSqliteStorage, type SqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';
import { articleFields } from './article-fields.js';
import { makeTempDir } from './test-app.js';

export interface TestDb {
  storage: SqliteStorage;
  /** the write connection */
  db: Db;
  /** repositories on the write connection, outside any transaction (unit tests, one at a time) */
  repositories: Repositories;
  file: string;
  close(): Promise<void>;
}

export function makeTestDb(): TestDb {
  const dir = makeTempDir('portal-db-');
  const file = path.join(dir, 'portal.db');
  const { storage } = openSqliteStorage(file);
  return {
    storage,
    db: storage.database,
    repositories: createSqliteRepositories(storage.database),
    file,
    async close() {
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function addCategory(repositories: Repositories, slug = 'law', name = '法治要闻'): Promise<number> {
  return repositories.categories.create({ slug, name, description: '', sortOrder: 1 });
}

export async function addArticle(
  repositories: Repositories,
  categoryId: number,
  now: number,
  overrides: Partial<NewArticle> = {},
): Promise<number> {
  return repositories.articles.create(articleFields(categoryId, now, overrides), now);
}

/**
 * The repositories with every call in a transaction of its own: how tests write fixtures (the
 * storage's reading repositories refuse writes, and a write outside the transaction queue could
 * land inside a request's open transaction).
 */
export function throughTransactions(transaction: Transact): Repositories {
  return new Proxy({} as Repositories, {
    get: (_set, repository: string) =>
      new Proxy(
        {},
        {
          get:
            (_repository, method: string) =>
            (...args: unknown[]) =>
              transaction((tx) => {
                const target = tx[repository as keyof Repositories] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
                return target[method]!(...args);
              }),
        },
      ),
  });
}
