// Applies PostgreSQL's forward-only migrations (migrations/postgres/NNNN_name.sql) in order, each
// in its own transaction, recorded in schema_migrations. One process at a time: several app
// processes starting together on an empty database wait on a session advisory lock, and each
// after the first finds everything applied.
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { postgresMigrationsDir } from '../../paths.js';

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;

/** The advisory lock the start-up work (migrations, search index, first admin) holds. */
export const STARTUP_LOCK = 72_019_001;

export async function migrate(client: pg.PoolClient, folder: string = postgresMigrationsDir, now: number = Date.now()): Promise<string[]> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version TEXT PRIMARY KEY,
    applied_at BIGINT NOT NULL
  )`);
  const files = fs
    .readdirSync(folder)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort();
  const applied = new Set((await client.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
  const newlyApplied: string[] = [];
  for (const file of files) {
    const version = file.replace(/\.sql$/, '');
    if (applied.has(version)) continue;
    const sql = fs.readFileSync(path.join(folder, file), 'utf8');
    await client.query('BEGIN');
    try {
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, now]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw new Error(`migration ${version} failed: ${(err as Error).message}`, { cause: err });
    }
    newlyApplied.push(version);
  }
  return newlyApplied;
}

/** Runs `work` holding the start-up lock: other processes starting meanwhile wait for it. */
export async function withStartupLock<T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
  try {
    return await work();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
  }
}
