// Applies forward-only SQL migrations (migrations/sqlite/NNNN_name.sql) in order, each in its own
// transaction, and records them in schema_migrations.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './database.js';
import { migrationsDir } from '../../paths.js';

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
/**
 * A migration that rebuilds a table (SQLite cannot change a constraint in place) starts with this
 * line: it runs with foreign keys off, as SQLite's documented procedure asks (dropping the old
 * table would otherwise run the ON DELETE actions of the tables that refer to it), and the keys
 * are checked before it commits.
 */
const FOREIGN_KEYS_OFF = /^-- migrate: foreign_keys off\s*$/m;

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
    const rebuildsTables = FOREIGN_KEYS_OFF.test(sql.split('\n', 1)[0] ?? '');
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      // Checked inside the IMMEDIATE transaction so two processes starting together apply it once.
      const ran = db
        .transaction(() => {
          if (isApplied.get(version) !== undefined) return false;
          db.exec(sql);
          if (rebuildsTables && (db.pragma('foreign_key_check') as unknown[]).length > 0)
            throw new Error(`${file} left broken foreign keys`);
          record.run(version, now);
          return true;
        })
        .immediate();
      if (ran) newlyApplied.push(version);
    } finally {
      if (rebuildsTables) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
  }
  return newlyApplied;
}
