// Connection pools for PostgreSQL (node-postgres). BIGINT and NUMERIC come back as numbers: the
// schema keeps instants as epoch milliseconds and counts well inside Number's exact range, as
// in SQLite. Every statement has a time limit, and the pool a bound.
import pg from 'pg';

const INT8 = 20;
const NUMERIC = 1700;

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export interface PoolOptions {
  /** connections at most */
  max: number;
  /** a statement running longer is cancelled */
  statementTimeoutMs: number;
  /** every transaction on the pool is read-only: writes through it fail */
  readOnly?: boolean;
  applicationName?: string;
}

export function createPool(url: string, options: PoolOptions): pg.Pool {
  const settings = [`-c statement_timeout=${options.statementTimeoutMs}`, '-c lock_timeout=10000', '-c TimeZone=UTC'];
  if (options.readOnly) settings.push('-c default_transaction_read_only=on');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: options.applicationName ?? 'news-portal',
    options: settings.join(' '),
    types,
  });
  // A connection lost while idle (the server restarted) is dropped from the pool; the next
  // query opens a new one. Without a listener the error would end the process.
  pool.on('error', () => undefined);
  return pool;
}

/** The URL with any password masked, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}
