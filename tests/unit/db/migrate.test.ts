import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from '../../../src/storage/sqlite/database.js';
import { migrate } from '../../../src/storage/sqlite/migrate.js';
import { migrationsDir } from '../../../src/paths.js';
import { makeTempDir } from '../../support/test-app.js';

/** A database migrated with the project's migrations up to and including `last`. */
function migratedUpTo(last: string) {
  const dir = makeTempDir();
  const migrations = path.join(dir, 'migrations');
  fs.mkdirSync(migrations);
  for (const file of fs.readdirSync(migrationsDir).filter((name) => name.endsWith('.sql'))) {
    if (file <= `${last}.sql`) fs.copyFileSync(path.join(migrationsDir, file), path.join(migrations, file));
  }
  const db = openDatabase(path.join(dir, 'x.db'));
  migrate(db, migrations);
  const next = (file: string) => {
    fs.copyFileSync(path.join(migrationsDir, file), path.join(migrations, file));
    return migrate(db, migrations);
  };
  return { db, next, cleanUp: () => (db.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

describe('migrate', () => {
  it('applies each migration once, in order, and records it', () => {
    const dir = makeTempDir();
    const migrations = path.join(dir, 'migrations');
    fs.mkdirSync(migrations);
    fs.writeFileSync(path.join(migrations, '0001_first.sql'), 'CREATE TABLE a (id INTEGER PRIMARY KEY);');
    fs.writeFileSync(path.join(migrations, '0002_second.sql'), 'INSERT INTO a (id) VALUES (1);');
    fs.writeFileSync(path.join(migrations, 'notes.txt'), 'not a migration');
    const db = openDatabase(path.join(dir, 'x.db'));
    assert.deepEqual(migrate(db, migrations), ['0001_first', '0002_second']);
    assert.deepEqual(migrate(db, migrations), []);
    assert.equal(db.prepare('SELECT COUNT(*) AS n FROM a').pluck().get(), 1);
    assert.deepEqual(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(), ['0001_first', '0002_second']);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rolls a failing migration back completely', () => {
    const dir = makeTempDir();
    const migrations = path.join(dir, 'migrations');
    fs.mkdirSync(migrations);
    fs.writeFileSync(path.join(migrations, '0001_bad.sql'), 'CREATE TABLE b (id INTEGER); INSERT INTO nowhere VALUES (1);');
    const db = openDatabase(path.join(dir, 'x.db'));
    assert.throws(() => migrate(db, migrations));
    assert.equal(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'").pluck().get(), 0);
    assert.equal(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get(), 0);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds a table with foreign keys off when the migration asks, so the rows that refer to it keep their references', () => {
    const dir = makeTempDir();
    const migrations = path.join(dir, 'migrations');
    fs.mkdirSync(migrations);
    fs.writeFileSync(
      path.join(migrations, '0001_tables.sql'),
      `CREATE TABLE parent (id INTEGER PRIMARY KEY, kind TEXT CHECK (kind IN ('a')));
       CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE SET NULL);
       INSERT INTO parent VALUES (1, 'a'); INSERT INTO child VALUES (1, 1);`,
    );
    const rebuild = `CREATE TABLE parent_new (id INTEGER PRIMARY KEY, kind TEXT CHECK (kind IN ('a', 'b')));
       INSERT INTO parent_new SELECT * FROM parent; DROP TABLE parent; ALTER TABLE parent_new RENAME TO parent;`;
    fs.writeFileSync(path.join(migrations, '0002_widen.sql'), `-- migrate: foreign_keys off\n${rebuild}`);
    const db = openDatabase(path.join(dir, 'x.db'));
    migrate(db, migrations);
    assert.equal(db.prepare('SELECT parent_id FROM child').pluck().get(), 1, 'the reference survived the rebuild');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1, 'and the keys are on again');
    db.prepare("INSERT INTO parent VALUES (2, 'b')").run();
    // Without the line, dropping the old table runs ON DELETE SET NULL on the child rows.
    fs.writeFileSync(path.join(migrations, '0003_again.sql'), rebuild.replaceAll("'a', 'b'", "'a', 'b', 'c'"));
    migrate(db, migrations);
    assert.equal(db.prepare('SELECT parent_id FROM child').pluck().get(), null);
    // A rebuild that leaves a reference to nothing is rolled back.
    db.prepare('UPDATE child SET parent_id = 2').run();
    fs.writeFileSync(
      path.join(migrations, '0004_broken.sql'),
      '-- migrate: foreign_keys off\nCREATE TABLE parent_new (id INTEGER PRIMARY KEY); DROP TABLE parent; ALTER TABLE parent_new RENAME TO parent;',
    );
    assert.throws(() => migrate(db, migrations), /left broken foreign keys/);
    assert.equal(db.prepare('SELECT COUNT(*) FROM parent').pluck().get(), 2, 'rolled back');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('0018 numbers the floors of existing approved comments in the order they were posted, keeping reports and appeals', () => {
    const { db, next, cleanUp } = migratedUpTo('0017_comment_appeals');
    db.exec(`INSERT INTO categories (id, slug, name, sort_order) VALUES (1, 'law', '法治', 1);
      INSERT INTO articles (id, category_id, title, author, source, summary, body_html, status, published_at, created_at, updated_at)
        VALUES (1, 1, '甲', '', '', '', '<p>x</p>', 'published', 1, 1, 1), (2, 1, '乙', '', '', '', '<p>x</p>', 'published', 1, 1, 1);
      INSERT INTO comments (id, article_id, nickname, body, status, created_at) VALUES
        (1, 1, 'n', '后发', 'approved', 300), (2, 1, 'n', '先发', 'approved', 100), (3, 1, 'n', '待审', 'pending', 200),
        (4, 2, 'n', '乙一', 'approved', 50), (5, 1, 'n', '拒绝', 'rejected', 150);
      INSERT INTO comment_reports (comment_id, reporter_hash, reason, receipt_hash, created_at) VALUES (1, 'r', 'abuse', 'x', 1);
      INSERT INTO comment_appeals (comment_id, appeal_hash, reason, created_at) VALUES (5, 'h', '请复核', 1);`);
    assert.deepEqual(next('0018_comment_floors.sql'), ['0018_comment_floors']);
    assert.deepEqual(db.prepare('SELECT id, floor, parent_id FROM comments ORDER BY id').raw().all(), [
      [1, 2, null],
      [2, 1, null],
      [3, null, null],
      [4, 1, null],
      [5, null, null],
    ]);
    assert.equal(db.prepare('SELECT comment_id FROM comment_reports').pluck().get(), 1);
    assert.equal(db.prepare('SELECT comment_id FROM comment_appeals').pluck().get(), 5);
    assert.throws(() => db.prepare('UPDATE comments SET floor = 1 WHERE id = 1').run(), /UNIQUE/, 'a floor number once per article');
    db.prepare("UPDATE comments SET status = 'deleted' WHERE id = 2").run();
    assert.equal(
      db.prepare("SELECT seq > 0 FROM content_changes WHERE scope = 'article:1'").pluck().get(),
      1,
      'the change feed still hears comments',
    );
    cleanUp();
  });

  it('0019 makes today’s editors chiefs (they could publish), keeping their revisions and audit lines', () => {
    const { db, next, cleanUp } = migratedUpTo('0018_comment_floors');
    db.exec(`INSERT INTO users (id, username, display_name, password_hash, role, created_at) VALUES
        (1, 'admin', '管理员', 'h', 'admin', 1), (2, 'bianji', '编辑', 'h', 'editor', 1);
      INSERT INTO categories (id, slug, name, sort_order) VALUES (1, 'law', '法治', 1);
      INSERT INTO articles (id, category_id, title, body_html, status, published_at, created_at, updated_at)
        VALUES (1, 1, '甲', '<p>x</p>', 'published', 1, 1, 1);
      INSERT INTO article_revisions (article_id, user_id, snapshot, created_at) VALUES (1, 2, '{}', 1);
      INSERT INTO audit_log (user_id, username, action, entity_type, entity_id, summary, created_at)
        VALUES (2, 'bianji', 'article.update', 'article', '1', '甲', 1);`);
    assert.deepEqual(next('0019_newsroom_workflow.sql'), ['0019_newsroom_workflow']);
    assert.deepEqual(db.prepare('SELECT id, role FROM users ORDER BY id').raw().all(), [
      [1, 'admin'],
      [2, 'chief'],
    ]);
    assert.equal(db.prepare('SELECT user_id FROM article_revisions').pluck().get(), 2);
    assert.equal(db.prepare('SELECT user_id FROM audit_log').pluck().get(), 2);
    assert.deepEqual(db.prepare('SELECT review_levels FROM categories').pluck().all(), [2]);
    assert.deepEqual(db.prepare('SELECT review_stage, responsible_editor FROM articles').raw().get(), [0, '']);
    assert.throws(() => db.prepare("UPDATE users SET role = 'boss' WHERE id = 2").run(), /CHECK/);
    cleanUp();
  });

  it('0022 lets the history record 撤回修改稿, keeping every step it had', () => {
    const { db, next, cleanUp } = migratedUpTo('0021_reprints');
    db.exec(`INSERT INTO users (id, username, display_name, password_hash, role, created_at) VALUES (1, 'zhubian', '主编', 'h', 'chief', 1);
      INSERT INTO categories (id, slug, name, sort_order) VALUES (1, 'law', '法治', 1);
      INSERT INTO articles (id, category_id, title, body_html, status, published_at, created_at, updated_at)
        VALUES (1, 1, '甲', '<p>x</p>', 'published', 1, 1, 1);
      INSERT INTO article_workflow (id, article_id, user_id, user_name, action, from_stage, to_stage, note, override, created_at)
        VALUES (5, 1, 1, '主编', 'sign', 3, 0, '', 0, 2);`);
    assert.throws(
      () =>
        db
          .prepare(
            `INSERT INTO article_workflow (article_id, user_name, action, from_stage, to_stage, created_at) VALUES (1, '主编', 'discard', 0, 0, 3)`,
          )
          .run(),
      /CHECK/,
    );
    assert.deepEqual(next('0022_pending_changes.sql'), ['0022_pending_changes']);
    assert.deepEqual(db.prepare('SELECT id, article_id, user_id, action, from_stage FROM article_workflow').raw().all(), [
      [5, 1, 1, 'sign', 3],
    ]);
    db.prepare(
      `INSERT INTO article_workflow (article_id, user_name, action, from_stage, to_stage, created_at) VALUES (1, '主编', 'discard', 0, 0, 3)`,
    ).run();
    db.prepare(
      `INSERT INTO article_pending_changes (article_id, user_id, user_name, snapshot, created_at) VALUES (1, 1, '主编', '{}', 3)`,
    ).run();
    db.exec('DELETE FROM articles');
    assert.equal(db.prepare('SELECT COUNT(*) FROM article_workflow').pluck().get(), 0, 'the history goes with its article');
    assert.equal(db.prepare('SELECT COUNT(*) FROM article_pending_changes').pluck().get(), 0);
    cleanUp();
  });

  it('opens with WAL and foreign keys on', () => {
    const dir = makeTempDir();
    const db = openDatabase(path.join(dir, 'x.db'));
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(db.pragma('busy_timeout', { simple: true }), 5000);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives a clear message when the data folder cannot be created', () => {
    const dir = makeTempDir();
    const aFile = path.join(dir, 'not-a-folder');
    fs.writeFileSync(aFile, '');
    assert.throws(() => openDatabase(path.join(aFile, 'data', 'portal.db')), /data folder .* cannot be created/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
