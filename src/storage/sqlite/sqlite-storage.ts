// The SQLite implementation of the storage seam. Two connections to one database file:
//  - the write connection runs every write, in transactions (BEGIN IMMEDIATE) that are queued
//    and run one at a time; a transaction's callback may await, and nothing else writes
//    through the connection meanwhile;
//  - the read connection (query_only) serves every read outside a transaction, the change feed
//    and the scheduled-change lookup among them. In WAL mode it sees committed data only, so
//    no page is ever rendered, or cached, from a transaction that may still roll back.
// Other processes on the same file (WORKERS, a CLI) take turns through SQLite's own lock.
import type { Repositories } from '../../repositories/index.js';
import type { ChangeFeed, Storage, Transact } from '../storage.js';
import { TransactionQueue } from '../transaction-queue.js';
import { SqliteChangeFeed } from './change-feed.js';
import { openDatabase, type Db } from './database.js';
import { isDatabaseReachable } from './health.js';
import { migrate } from './migrate.js';
import { createSqliteRepositories } from './repositories.js';
import { ensureSearchIndex } from './search-index.js';

export class SqliteStorage implements Storage {
  readonly repositories: Repositories;
  readonly changeFeed: ChangeFeed;
  private readonly writeRepositories: Repositories;
  private readonly queue = new TransactionQueue();
  private closed = false;

  constructor(
    private readonly writer: Db,
    private readonly reader: Db,
  ) {
    this.writeRepositories = createSqliteRepositories(writer);
    this.repositories = createSqliteRepositories(reader);
    this.changeFeed = new SqliteChangeFeed(reader);
  }

  readonly transaction: Transact = <T>(work: (tx: Repositories) => Promise<T>): Promise<T> =>
    this.queue.run(() => this.runTransaction(work));

  async health(): Promise<boolean> {
    return !this.closed && isDatabaseReachable(this.reader);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.drained();
    this.reader.close();
    this.writer.close();
  }

  /** The write connection, for the SQLite-only tools (backup) that work on the file itself. */
  get database(): Db {
    return this.writer;
  }

  private async runTransaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('the storage is closed');
    this.writer.exec('BEGIN IMMEDIATE');
    try {
      const value = await work(this.writeRepositories);
      this.writer.exec('COMMIT');
      return value;
    } catch (err) {
      if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
      throw err;
    }
  }
}

export interface OpenedSqliteStorage {
  storage: SqliteStorage;
  /** the migrations this start applied */
  appliedMigrations: string[];
}

/**
 * Opens the database file (creating it and its folder if needed), applies the migrations,
 * brings the search index up to date, and opens the read connection.
 */
export function openSqliteStorage(file: string, options: { migrationsDir?: string } = {}): OpenedSqliteStorage {
  const writer = openDatabase(file);
  const appliedMigrations = migrate(writer, options.migrationsDir);
  ensureSearchIndex(writer);
  const reader = openDatabase(file, { readOnly: true });
  return { storage: new SqliteStorage(writer, reader), appliedMigrations };
}
