// Moves a SQLite site to PostgreSQL: every table's rows copied with their ids, identities moved
// past the copied ids, the search index built, and the row counts of both compared. One
// transaction: the target ends up with everything or nothing. Running it again replaces what an
// earlier run copied (so it is safe to repeat); a target holding a site of its own is refused.
import Database from 'better-sqlite3';
import type pg from 'pg';
import { StorageOpenError } from '../storage.js';
import { openPostgresStorage } from './open-postgres.js';
import { createPool, redactUrl } from './pool.js';
import { PostgresSearchIndex } from './search-index.js';
import { Sql } from './sql.js';

/** Tables in an order that satisfies their foreign keys. The search index is rebuilt, not copied. */
const TABLES = [
  'settings',
  'categories',
  'users',
  'staff',
  'articles',
  'article_views_daily',
  'site_stats',
  'comments',
  'polls',
  'poll_options',
  'poll_votes',
  'pages',
  'sessions',
  'captcha_challenges',
  'sensitive_words',
  'article_revisions',
  'uploads',
  'audit_log',
  'submissions',
  'rate_limit_hits',
  'comment_reports',
  'comment_appeals',
  'article_workflow',
  'article_corrections',
  'article_pending_changes',
  'tags',
  'article_tags',
  'topics',
  'topic_articles',
  'article_related',
  'article_share_codes',
];
/** Written by each backend for itself, or short-lived (the last half hour's reads). */
const NOT_COPIED = new Set(['schema_migrations', 'search_index_state', 'content_changes', 'sqlite_sequence', 'article_reads']);
const MARKER = 'imported_from_sqlite';
const ROWS_PER_INSERT = 500;

export interface TableReport {
  table: string;
  sqlite: number;
  postgres: number;
}

export async function importSqliteIntoPostgres(sqliteFile: string, url: string, log: (line: string) => void): Promise<TableReport[]> {
  let source: Database.Database;
  try {
    source = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new StorageOpenError(`Cannot open the SQLite file ${sqliteFile}: ${(err as Error).message}`);
  }
  try {
    const sourceTables = new Set(
      source.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%'").pluck().all() as string[],
    );
    if (!sourceTables.has('schema_migrations')) throw new StorageOpenError(`${sqliteFile} is not a portal database`);
    for (const table of sourceTables) {
      if (!TABLES.includes(table) && !NOT_COPIED.has(table)) log(`note: table ${table} is not copied (unknown to this version)`);
    }

    // Migrate the target first (the same start-up path the app takes), then copy in one transaction.
    const { storage } = await openPostgresStorage(url);
    await storage.close();
    const pool = createPool(url, { max: 1, statementTimeoutMs: 0 });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await refuseForeignSite(client, url);
      await client.query(`TRUNCATE ${TABLES.join(', ')}, article_search RESTART IDENTITY CASCADE`);
      const reports: TableReport[] = [];
      // The change-feed triggers would record every copied row (each bumping one counter row:
      // slower with every row in one transaction); one change for the whole site is recorded
      // instead. ALTER TABLE is transactional: a failed import leaves them as they were.
      const withTriggers = await tablesWithChangeTriggers(client);
      for (const table of withTriggers) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
      for (const table of TABLES) {
        if (!sourceTables.has(table)) continue;
        const copied = await copyTable(source, client, table);
        log(`${table}: ${copied} rows`);
      }
      for (const table of withTriggers) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
      await client.query("SELECT record_content_change('site')");
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${MARKER} (id INTEGER PRIMARY KEY CHECK (id = 1), source TEXT NOT NULL, at BIGINT NOT NULL)`,
      );
      await client.query(
        `INSERT INTO ${MARKER} (id, source, at) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET source = excluded.source, at = excluded.at`,
        [sqliteFile, Date.now()],
      );
      await client.query('UPDATE search_index_state SET tokens_version = 0');
      const search = await new PostgresSearchIndex(new Sql(client)).reconcile();
      log(`search index: ${search.indexed} articles`);
      for (const table of TABLES) {
        const sqliteCount = sourceTables.has(table) ? (source.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number) : 0;
        const postgresCount = Number((await client.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n);
        reports.push({ table, sqlite: sqliteCount, postgres: postgresCount });
      }
      const mismatched = reports.filter((report) => report.sqlite !== report.postgres);
      if (mismatched.length > 0) {
        throw new Error(`row counts differ: ${mismatched.map((r) => `${r.table} ${r.sqlite} -> ${r.postgres}`).join(', ')}`);
      }
      await client.query('COMMIT');
      return reports;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
      await pool.end();
    }
  } finally {
    source.close();
  }
}

/** The copied tables that have triggers of their own (not the foreign-key checks). */
async function tablesWithChangeTriggers(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ table: string }>(
    `SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace AND c.relname = ANY($1::text[])
     ORDER BY 1`,
    [TABLES],
  );
  return rows.map((row) => row.table);
}

/** A target with users or articles that an earlier import did not put there is someone's site. */
async function refuseForeignSite(client: pg.PoolClient, url: string): Promise<void> {
  const imported = (await client.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [MARKER])).rows[0].present as boolean;
  if (imported) return;
  const content = Number((await client.query('SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM articles) AS n')).rows[0].n);
  if (content > 0) {
    throw new StorageOpenError(
      `${redactUrl(url)} already holds a site (users or articles) that no earlier import made; ` +
        'import into an empty database (createdb ...), or drop this one first.',
    );
  }
}

async function copyTable(source: Database.Database, client: pg.PoolClient, table: string): Promise<number> {
  const targetColumns = new Set(
    (
      await client.query('SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1', [
        table,
      ])
    ).rows.map((row: { column_name: string }) => row.column_name),
  );
  const columns = (source.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter((name) =>
    targetColumns.has(name),
  );
  const rows = source
    .prepare(`SELECT ${columns.join(', ')} FROM ${table}`)
    .raw()
    .iterate() as IterableIterator<unknown[]>;
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const placeholders = batch.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders}`, batch.flat());
    copied += batch.length;
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= ROWS_PER_INSERT) await flush();
  }
  await flush();
  if (targetColumns.has('id')) {
    await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT coalesce(max(id), 0) + 1 FROM ${table}), false)`, [table]);
  }
  return copied;
}
