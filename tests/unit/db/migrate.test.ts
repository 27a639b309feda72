import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from '../../../src/storage/sqlite/database.js';
import { migrate } from '../../../src/storage/sqlite/migrate.js';
import { makeTempDir } from '../../support/test-app.js';

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
