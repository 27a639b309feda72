// Applies forward-only SQL migrations (migrations/sqlite/NNNN_name.sql) in order, each in its own
// transaction, and records them in schema_migrations.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './database.js';
import { migrationsDir } from '../../paths.js';

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;

export function migrate(db: Db, folder: string = migrationsDir, now: number = Date.now()): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version TEXT PRIMARY KEY,
    applied_at INTEGER NOT NULL
  )`);
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const files = fs
    .readdirSync(folder)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort();
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  const newlyApplied: string[] = [];
  for (const file of files) {
    const version = file.replace(/\.sql$/, '');
    const sql = fs.readFileSync(path.join(folder, file), 'utf8');
    // Checked inside the IMMEDIATE transaction so two processes starting together apply it once.
    const ran = db
      .transaction(() => {
        if (isApplied.get(version) !== undefined) return false;
        db.exec(sql);
        record.run(version, now);
        return true;
      })
      .immediate();
    if (ran) newlyApplied.push(version);
  }
  return newlyApplied;
}
