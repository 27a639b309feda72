// Moving a SQLite site to PostgreSQL (npm run migrate-to-postgres): every row arrives with its
// id, the counts are compared, the site reads the same through the PostgreSQL storage, new ids
// continue after the copied ones, a second run changes nothing, and a database holding a site
// of its own is refused.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seedDemoContentIfEmpty } from '../../src/content/seed.js';
import { searchTerms } from '../../src/lib/search-tokens.js';
import { importSqliteIntoPostgres } from '../../src/storage/postgres/import-sqlite.js';
import { openPostgresStorage } from '../../src/storage/postgres/open-postgres.js';
import { openSqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';
import { freshPostgresDatabase, postgresUnavailable, type FreshDatabase } from '../support/postgres.js';
import { makeTempDir } from '../support/test-app.js';

const NOW = Date.UTC(2026, 10, 20, 4, 0, 0);
const missing = postgresUnavailable();
if (missing && process.env.CI === 'true') throw new Error(`${missing}: CI runs the PostgreSQL tests`);

describe('npm run migrate-to-postgres', { skip: missing }, () => {
  let sqliteFile: string;
  let target: FreshDatabase;
  let articleId: number;
  const lines: string[] = [];

  before(async () => {
    sqliteFile = path.join(makeTempDir(), 'portal.db');
    const { storage } = openSqliteStorage(sqliteFile);
    await seedDemoContentIfEmpty(storage.transaction, NOW);
    articleId = (await storage.repositories.articles.listVisible({ limit: 1 }, NOW))[0]!.id;
    await storage.transaction(async (tx) => {
      await tx.comments.create({ articleId, nickname: '读者', body: '迁移之前的评论', status: 'approved', ipHash: 'h' }, NOW);
      await tx.viewStats.applyBatch({
        articleViews: new Map([['2026-11-20', new Map([[articleId, 5]])]]),
        pageViews: new Map([['2026-11-20', 9]]),
      });
    });
    await storage.close();
    target = await freshPostgresDatabase();
  });

  after(() => target?.drop());

  it('copies every table, counts alike, and the site reads the same', async () => {
    const reports = await importSqliteIntoPostgres(sqliteFile, target.url, (line) => lines.push(line));
    for (const report of reports) assert.equal(report.postgres, report.sqlite, `${report.table} counts alike`);
    assert.ok(reports.find((r) => r.table === 'articles')!.postgres > 5, 'the demo articles arrived');

    const sqlite = openSqliteStorage(sqliteFile).storage;
    const { storage: postgres } = await openPostgresStorage(target.url);
    try {
      assert.deepEqual(
        await postgres.repositories.articles.findVisibleById(articleId, NOW),
        await sqlite.repositories.articles.findVisibleById(articleId, NOW),
      );
      assert.deepEqual(
        await postgres.repositories.comments.listFloors(articleId, { limit: 50, newestFirst: false }),
        await sqlite.repositories.comments.listFloors(articleId, { limit: 50, newestFirst: false }),
      );
      assert.deepEqual(await postgres.repositories.settings.getAll(), await sqlite.repositories.settings.getAll());
      const query = searchTerms('法治');
      assert.deepEqual(
        (await postgres.repositories.articles.search(query, { limit: 50, offset: 0 }, NOW)).total,
        (await sqlite.repositories.articles.search(query, { limit: 50, offset: 0 }, NOW)).total,
        'the search index was built',
      );
      // The copy records one site-wide change (not one per row), and the triggers work again after it.
      assert.deepEqual(
        postgres.changeFeed.changedSince(0).map((change) => change.scope),
        ['site'],
      );
      const seqAfterImport = postgres.changeFeed.latestSeq();
      const newId = await postgres.transaction((tx) =>
        tx.comments.create({ articleId, nickname: '新', body: '迁移之后的评论', status: 'pending', ipHash: 'h' }, NOW),
      );
      await postgres.transaction((tx) => tx.comments.setStatus([newId], 'approved'));
      assert.ok(
        postgres.changeFeed.changedSince(seqAfterImport).some((change) => change.scope === `article:${articleId}`),
        'an approved comment after the import is recorded',
      );
      const maxCopied = Math.max(
        ...(await sqlite.repositories.comments.listFloors(articleId, { limit: 500, newestFirst: true })).map((c) => c.id),
      );
      assert.ok(newId > maxCopied, 'new ids continue after the copied ones');
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  });

  it('can be run again: it replaces what the first run copied', async () => {
    const reports = await importSqliteIntoPostgres(sqliteFile, target.url, () => undefined);
    for (const report of reports) assert.equal(report.postgres, report.sqlite, `${report.table} counts alike after a second run`);
  });

  it('refuses a database that holds a site it did not copy', async () => {
    const other = await freshPostgresDatabase();
    try {
      const { storage } = await openPostgresStorage(other.url);
      await storage.transaction((tx) =>
        tx.users.create({ username: 'someone', displayName: '某人', passwordHash: 'x', role: 'admin' }, NOW),
      );
      await storage.close();
      await assert.rejects(
        importSqliteIntoPostgres(sqliteFile, other.url, () => undefined),
        /already holds a site/,
      );
    } finally {
      await other.drop();
    }
  });
});
