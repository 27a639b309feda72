// t.sql: plain SQL for the few things an HTTP test needs that no repository interface offers
// (counting rows of a table that no interface counts, a whole row with columns no interface
// returns, the schema's objects). Every other set-up and check goes through the repositories.
//
// Only parameterized standard SQL (`?` placeholders; no rowid, INSERT OR, pragmas, datetime()),
// so that each backend can implement this: one implementation per backend.
// Every statement runs in a transaction of its own, queued with the app's own writes, so it
// sees committed data only and never lands inside a request's open transaction.
import pg from 'pg';
import type { SqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';
import type { Transact } from '../../src/storage/storage.js';

export type SqlParameter = string | number | null;

export interface TestSql {
  /** the first column of the first row (undefined when there is none) */
  value<T = unknown>(sql: string, ...params: SqlParameter[]): Promise<T | undefined>;
  /** the first row (undefined when there is none) */
  get<T = Record<string, unknown>>(sql: string, ...params: SqlParameter[]): Promise<T | undefined>;
  all<T = Record<string, unknown>>(sql: string, ...params: SqlParameter[]): Promise<T[]>;
  /** a write; how many rows it changed */
  run(sql: string, ...params: SqlParameter[]): Promise<number>;
  /**
   * The schema's objects (tables, indexes, views, triggers) as "<type> <name>", sorted: the one
   * catalogue query, which each backend answers from its own catalogue.
   */
  schema(): Promise<string[]>;
}

/** t.sql on SQLite: the storage's write connection, inside the storage's transactions. */
export function sqliteTestSql(storage: SqliteStorage): TestSql {
  const inTransaction = <T>(work: () => T): Promise<T> => storage.transaction(async () => work());
  const statement = (sql: string) => storage.database.prepare(sql);
  return {
    value: <T>(sql: string, ...params: SqlParameter[]) =>
      inTransaction(
        () =>
          statement(sql)
            .pluck()
            .get(...params) as T | undefined,
      ),
    get: <T>(sql: string, ...params: SqlParameter[]) => inTransaction(() => statement(sql).get(...params) as T | undefined),
    all: <T>(sql: string, ...params: SqlParameter[]) => inTransaction(() => statement(sql).all(...params) as T[]),
    run: (sql: string, ...params: SqlParameter[]) => inTransaction(() => statement(sql).run(...params).changes),
    schema: () =>
      inTransaction(() => statement("SELECT type || ' ' || name FROM sqlite_master ORDER BY type, name").pluck().all() as string[]),
  };
}

/**
 * t.sql on PostgreSQL: a connection of its own to the test's database; each statement waits
 * its turn in the storage's transaction queue (and so for the site-wide write lock), so it
 * never sees a request's open transaction. `?` placeholders become $1, $2 ...
 */
export function postgresTestSql(url: string, transact: Transact): TestSql & { close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 1, types: numericTypes });
  // The test's database is dropped at the end (its connections ended by force): not an error.
  pool.on('error', () => undefined);
  const query = async (sql: string, params: SqlParameter[]) => transact(async () => pool.query(numberedPlaceholders(sql), params));
  return {
    value: async <T>(sql: string, ...params: SqlParameter[]) => {
      const result = await query(sql, params);
      const row = result.rows[0] as Record<string, unknown> | undefined;
      return (row ? Object.values(row)[0] : undefined) as T | undefined;
    },
    get: async <T>(sql: string, ...params: SqlParameter[]) => (await query(sql, params)).rows[0] as T | undefined,
    all: async <T>(sql: string, ...params: SqlParameter[]) => (await query(sql, params)).rows as T[],
    run: async (sql: string, ...params: SqlParameter[]) => (await query(sql, params)).rowCount ?? 0,
    schema: async () => {
      const result = await query(
        `SELECT kind || ' ' || name AS entry FROM (
           SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'i' THEN 'index' WHEN 'v' THEN 'view' ELSE 'other' END AS kind, c.relname AS name
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i', 'v')
           UNION ALL
           SELECT 'trigger', t.tgname FROM pg_trigger t WHERE NOT t.tgisinternal
         ) objects ORDER BY kind, name`,
        [],
      );
      return result.rows.map((row: { entry: string }) => row.entry);
    },
    close: () => pool.end(),
  };
}

const numericTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** `?` -> `$1`, `$2` ... outside quoted strings. */
function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/'(?:[^']|'')*'|\?/g, (match) => (match === '?' ? `$${++n}` : match));
}
