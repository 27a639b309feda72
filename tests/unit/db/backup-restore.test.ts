// npm run backup / npm run restore on a real database file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { seedDemoContentIfEmpty } from '../../../src/content/seed.js';
import { projectRoot } from '../../../src/paths.js';
import { makeTestDb } from '../../support/fixtures.js';

function run(script: string, args: string[], databasePath: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src/cli', script), ...args], {
    env: { ...process.env, DATABASE_PATH: databasePath },
    encoding: 'utf8',
  });
}

const articleCount = (file: string) => {
  const db = new Database(file, { fileMustExist: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('backup and restore', () => {
  it('backs up online with progress, refuses to overwrite, and restores after an integrity check', async () => {
    const t = makeTestDb();
    await seedDemoContentIfEmpty(t.storage.transaction, Date.now());
    const before = articleCount(t.file);
    const backupFile = path.join(path.dirname(t.file), 'backups', 'portal-backup.db');

    const backup = run('backup.ts', [backupFile], t.file); // the test's connection stays open, as a live site's would
    assert.equal(backup.status, 0, backup.stderr);
    assert.match(backup.stderr, /backup: \d+\/\d+ pages \(100%\)/);
    assert.match(backup.stdout, /wrote .*portal-backup\.db/);
    assert.equal(articleCount(backupFile), before);
    assert.equal(run('backup.ts', [backupFile], t.file).status, 1, 'an existing file is never overwritten');

    t.db.prepare('DELETE FROM comments').run();
    t.db.prepare("UPDATE articles SET title = 'changed after the backup'").run();
    await t.storage.close(); // the server is stopped before a restore
    const restored = run('restore.ts', [backupFile], t.file);
    assert.equal(restored.status, 0, restored.stderr);
    const db = new Database(t.file, { fileMustExist: true });
    assert.equal(db.prepare("SELECT COUNT(*) FROM articles WHERE title = 'changed after the backup'").pluck().get(), 0);
    assert.ok((db.prepare('SELECT COUNT(*) FROM comments').pluck().get() as number) > 0);
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    db.close();
    assert.ok(
      fs.readdirSync(path.dirname(t.file)).some((f) => f.startsWith('portal.db.before-restore-')),
      'the replaced database is kept',
    );

    const junk = path.join(path.dirname(t.file), 'junk.db');
    fs.writeFileSync(junk, 'not a database');
    assert.equal(run('restore.ts', [junk], t.file).status, 1);
    assert.equal(run('backup.ts', [], t.file).status, 2);
    fs.rmSync(path.dirname(t.file), { recursive: true, force: true });
  });
});
