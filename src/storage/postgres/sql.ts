// How the PostgreSQL repositories run statements: on the pool (reads outside a transaction) or
// on the one client of a transaction. Parameters are always passed separately ($1, $2 ...).
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { asUnavailable } from './unavailable.js';

/** A pool or a client: both answer query(). */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

export class Sql {
  constructor(private readonly target: Queryable) {}

  /** every row */
  async rows<T>(text: string, values: readonly unknown[] = []): Promise<T[]> {
    const result = await this.query(text, values);
    return result.rows as T[];
  }

  /** the first row, if any */
  async row<T>(text: string, values: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(text, values))[0];
  }

  /** the first column of the first row, if any */
  async value<T>(text: string, values: readonly unknown[] = []): Promise<T | undefined> {
    const result = await this.query({ text, values: values as unknown[], rowMode: 'array' });
    const first = result.rows[0] as unknown[] | undefined;
    return first?.[0] as T | undefined;
  }

  /** runs a write; the number of rows it touched */
  async run(text: string, values: readonly unknown[] = []): Promise<number> {
    const result = await this.query(text, values);
    return result.rowCount ?? 0;
  }

  private async query(text: string | pg.QueryArrayConfig, values?: readonly unknown[]): Promise<pg.QueryResult> {
    try {
      return typeof text === 'string'
        ? await this.target.query({ name: statementName(text), text, values: withoutNul(values ?? []) })
        : await this.target.query({ ...text, name: statementName(text.text), values: withoutNul(text.values ?? []) });
    } catch (err) {
      throw asUnavailable(err);
    }
  }

  /**
   * Runs statements that may fail on a constraint (a taken slug) without ending the transaction:
   * in PostgreSQL a failed statement aborts the whole transaction unless it ran in a savepoint.
   */
  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    await this.target.query('SAVEPOINT portal_statement');
    try {
      const value = await work();
      await this.target.query('RELEASE SAVEPOINT portal_statement');
      return value;
    } catch (err) {
      await this.target.query('ROLLBACK TO SAVEPOINT portal_statement');
      throw err;
    }
  }
}

const names = new Map<string, string>();
/** The statement texts are the code's own; a bound in case some text is ever built from data. */
const MAX_NAMED_STATEMENTS = 2000;

/**
 * Every statement is prepared once per connection under a name derived from its text: the
 * server parses and plans it once, not on every call (planning costs more than running most
 * of these queries). Undefined (unnamed, planned each time) past the bound.
 */
function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED_STATEMENTS) {
    name = `portal_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

const NUL = /\u0000/g;

/**
 * PostgreSQL text cannot hold U+0000 (SQLite's can): it is dropped from every text parameter, so
 * a NUL typed into a form or a query string is no error (it never means anything in a page).
 */
function withoutNul(values: readonly unknown[]): unknown[] {
  return values.map((value) =>
    typeof value === 'string'
      ? value.replace(NUL, '')
      : Array.isArray(value)
        ? value.map((item) => (typeof item === 'string' ? item.replace(NUL, '') : item))
        : value,
  );
}

/** SQLSTATE of a unique violation */
export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === UNIQUE_VIOLATION;
}
