// The search index outside HTTP: filling it for articles written before it existed, and the
// FTS query that user text becomes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from '../../../src/storage/sqlite/database.js';
import { migrate } from '../../../src/storage/sqlite/migrate.js';
import { migrationsDir } from '../../../src/paths.js';
import { createSqliteRepositories } from '../../../src/storage/sqlite/repositories.js';
import { ensureSearchIndex, matchExpression } from '../../../src/storage/sqlite/search-index.js';
import { searchTerms } from '../../../src/lib/search-tokens.js';
import { makeTempDir } from '../../support/test-app.js';

const NOW = Date.UTC(2026, 10, 20, 4, 0, 0);

describe('search index', () => {
  it('quotes every token, makes phrases of bigrams and requires every term', () => {
    assert.equal(matchExpression(searchTerms('法')), '"法"');
    assert.equal(matchExpression(searchTerms('法院判决')), '"法院" + "院判" + "判决"');
    assert.equal(matchExpression(searchTerms('NEAR(iPhone 手机) OR "x"*')), '"near" AND "iphone" AND "手机" AND "or" AND "x"');
    assert.equal(matchExpression([{ kind: 'word', text: 'a"b', tokens: ['a"b'] }]), '"a""b"', 'a quote inside is doubled');
  });

  it('indexes articles that existed before the index, once', async () => {
    const dir = makeTempDir('portal-search-');
    const before = path.join(dir, 'before');
    fs.mkdirSync(before);
    for (const file of fs.readdirSync(migrationsDir).filter((f) => /^\d{4}_.*\.sql$/.test(f) && f < '0006')) {
      fs.copyFileSync(path.join(migrationsDir, file), path.join(before, file));
    }
    const db = openDatabase(path.join(dir, 'portal.db'));
    try {
      migrate(db, before, NOW);
      db.prepare("INSERT INTO categories (slug, name) VALUES ('law', '法治要闻')").run();
      const insert = db.prepare(
        `INSERT INTO articles (category_id, title, summary, body_html, status, published_at, deleted_at, created_at, updated_at)
         VALUES (1, ?, '', ?, ?, ?, ?, 0, 0)`,
      );
      insert.run('旧文章一 法院判决', '<p>正文提到<strong>调解</strong>协议</p>', 'published', NOW - 1000, null);
      insert.run('旧文章二', '<p>法院 判决</p>', 'published', NOW - 2000, null);
      insert.run('旧草稿 法院判决', '<p>x</p>', 'draft', null, null);
      insert.run('已删除 法院判决', '<p>x</p>', 'published', NOW - 3000, NOW);

      migrate(db, migrationsDir, NOW);
      const articles = createSqliteRepositories(db).articles;
      const find = async (q: string) => (await articles.search(searchTerms(q), { limit: 20, offset: 0 }, NOW)).hits.map((h) => h.title);
      assert.deepEqual(await find('法院判决'), [], 'an empty index finds nothing');
      assert.deepEqual(ensureSearchIndex(db), { rebuilt: true, indexed: 2, removed: 0 }, 'drafts and the trash are left out');
      assert.deepEqual(await find('法院判决'), ['旧文章一 法院判决']);
      assert.deepEqual(await find('调解协议'), ['旧文章一 法院判决'], 'body text without its tags');
      assert.deepEqual(await find('法院 判决'), ['旧文章一 法院判决', '旧文章二']);
      assert.deepEqual(ensureSearchIndex(db), { rebuilt: false, indexed: 0, removed: 0 }, 'nothing to do the second time');

      // rows changed behind the repository's back are put right at the next start
      db.prepare("UPDATE articles SET deleted_at = ? WHERE title = '旧文章二'").run(NOW);
      db.prepare("UPDATE articles SET status = 'published', published_at = ? WHERE title = '旧草稿 法院判决'").run(NOW - 500);
      assert.deepEqual(ensureSearchIndex(db), { rebuilt: false, indexed: 1, removed: 1 });
      assert.deepEqual(await find('法院判决'), ['旧草稿 法院判决', '旧文章一 法院判决']);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
