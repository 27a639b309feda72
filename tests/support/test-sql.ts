// t.sql: plain SQL for the few things an HTTP test needs that no repository interface offers
// (counting rows of a table that no interface counts, a whole row with columns no interface
// returns, the schema's objects). Every other set-up and check goes through the repositories.
//
// Only parameterized standard SQL (`?` placeholders; no rowid, INSERT OR, pragmas, datetime()),
// so that each backend can implement this: one implementation per backend, here SQLite's.
// Every statement runs in a transaction of its own, queued with the app's own writes, so it
// sees committed data only and never lands inside a request's open transaction.
import type { SqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';

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
