// Fixtures built through the repositories, on a migrated temporary database.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import type { NewArticle } from '../../src/domain/types.js';
import { createRepositories, type Repositories } from '../../src/repositories/index.js';
import { makeTempDir } from './test-app.js';

export interface TestDb {
  db: Db;
  repositories: Repositories;
  file: string;
  close(): void;
}

export function makeTestDb(): TestDb {
  const dir = makeTempDir('portal-db-');
  const file = path.join(dir, 'portal.db');
  const db = openDatabase(file);
  migrate(db);
  return {
    db,
    repositories: createRepositories(db),
    file,
    close() {
      db.close();
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
  return repositories.articles.create(
    {
      categoryId,
      title: '测试文章',
      author: '记者',
      source: '本网',
      summary: '摘要',
      bodyHtml: '<p>正文</p>',
      coverImage: null,
      isFeatured: false,
      status: 'published',
      publishedAt: now - 60_000,
      ...overrides,
    },
    now,
  );
}
