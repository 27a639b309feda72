// Opens the PostgreSQL storage: checks the server answers (with a message that never shows the
// password), applies the migrations and brings the search index up to date under the start-up
// lock (several processes starting together do it once), then starts the change feed.
import type pg from 'pg';
import { StorageOpenError } from '../storage.js';
import { PostgresChangeFeed } from './change-feed.js';
import { migrate, withStartupLock } from './migrate.js';
import { createPool, redactUrl } from './pool.js';
import { PostgresStorage } from './postgres-storage.js';
import { PostgresSearchIndex } from './search-index.js';
import { Sql } from './sql.js';

export interface PostgresOptions {
  /** connections per pool (one pool for reads, one for transactions) */
  poolSize?: number;
  statementTimeoutMs?: number;
  /** how often the change feed looks without a notification */
  changePollMs?: number;
  migrationsDir?: string;
  onListenerState?: (state: 'lost' | 'listening', error?: Error) => void;
}

export interface OpenedPostgresStorage {
  storage: PostgresStorage;
  appliedMigrations: string[];
}

export async function openPostgresStorage(url: string, options: PostgresOptions = {}): Promise<OpenedPostgresStorage> {
  const statementTimeoutMs = options.statementTimeoutMs ?? 15_000;
  const poolSize = options.poolSize ?? 10;
  const writePool = createPool(url, { max: poolSize, statementTimeoutMs });
  const readPool = createPool(url, { max: poolSize, statementTimeoutMs, readOnly: true });
  try {
    const client = await connectOrExplain(writePool, url);
    let appliedMigrations: string[];
    const ignoreLateError = () => undefined; // a failed statement reports it; the event must not end the process
    client.on('error', ignoreLateError);
    try {
      // Building a large search index takes longer than a statement may.
      await client.query('SET statement_timeout = 0');
      appliedMigrations = await withStartupLock(client, async () => {
        const applied = await migrate(client, options.migrationsDir);
        await client.query('BEGIN');
        try {
          await new PostgresSearchIndex(new Sql(client)).reconcile();
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
        return applied;
      });
    } finally {
      client.release(true); // its session settings are not the pool's
    }
    const changeFeed = new PostgresChangeFeed(new Sql(readPool), {
      url,
      pollMs: options.changePollMs ?? 1000,
      onListenerState: options.onListenerState,
    });
    await changeFeed.start();
    return { storage: new PostgresStorage(writePool, readPool, changeFeed), appliedMigrations };
  } catch (err) {
    await Promise.all([writePool.end().catch(() => undefined), readPool.end().catch(() => undefined)]);
    throw err;
  }
}

async function connectOrExplain(pool: pg.Pool, url: string): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (err) {
    const e = err as { code?: string; message?: string };
    const reason =
      e.code === '28P01' || e.code === '28000'
        ? 'the user name or password was refused'
        : e.code === '3D000'
          ? 'the database does not exist'
          : e.code === 'ECONNREFUSED' || e.code === 'ENOENT'
            ? 'no PostgreSQL server answers there'
            : (e.message ?? String(err)).replaceAll(url, redactUrl(url));
    throw new StorageOpenError(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${reason}.`);
  }
}
