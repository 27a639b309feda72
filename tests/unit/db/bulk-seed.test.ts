import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { projectRoot } from '../../../src/paths.js';
import { demoArticles } from '../../../src/content/seed.js';
import { makeTempDir } from '../../support/test-app.js';

describe('seed:bulk', () => {
  it('creates and fills the database at DATABASE_PATH with a progress line', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'new-folder', 'bulk.db');
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(projectRoot, 'src/cli/seed-bulk.ts'), '--articles', '300', '--comments', '2000'],
      { env: { ...process.env, DATABASE_PATH: file }, encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /seed:bulk: \d+\/2300 rows \(\d+%\)/);
    assert.match(result.stdout, /added 300 articles and 2000 comments/);
    const db = new Database(file, { fileMustExist: true });
    assert.equal(db.prepare('SELECT COUNT(*) FROM articles').pluck().get(), 300 + demoArticles.length, 'demo content plus 300');
    const bulkComments = db.prepare("SELECT COUNT(*) FROM comments WHERE ip_hash = '' AND article_id > ?").pluck().get(demoArticles.length);
    assert.equal(bulkComments, 2000);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a non-numeric count', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src/cli/seed-bulk.ts'), '--articles', 'many'], {
      env: { ...process.env, DATABASE_PATH: path.join(makeTempDir(), 'x.db') },
      encoding: 'utf8',
    });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--articles must be a whole number/);
  });
});
