// The PostgreSQL implementation of the storage seam, for sites on several app processes or
// machines. Two pools: reads outside a transaction go to a read-only pool (writes through it
// fail, as on SQLite's read connection); transactions get a client of the write pool.
//
// Every transaction first takes one site-wide advisory transaction lock, so editorial actions
// run one at a time across all processes, as SQLite's single writer runs them: every rule that
// reads before it writes (versions, one vote per session, address caps, the last admin ...)
// holds without a lock of its own that a new rule could forget. A site's writes are few and
// short (the slow work happens before the transaction); its reads, which do not take the lock,
// are what grows with traffic. Within a process transactions queue, as on SQLite, so a burst of
// writes cannot take every pooled connection.
import type pg from 'pg';
import type { Repositories } from '../../repositories/index.js';
import type { Storage, Transact } from '../storage.js';
import { TransactionQueue } from '../transaction-queue.js';
import type { PostgresChangeFeed } from './change-feed.js';
import { createPostgresRepositories } from './repositories.js';
import { Sql } from './sql.js';
import { asUnavailable } from './unavailable.js';

/** The advisory lock every transaction holds until it ends. */
export const WRITE_LOCK = 72_019_002;

export class PostgresStorage implements Storage {
  readonly repositories: Repositories;
  private readonly queue = new TransactionQueue();
  private closed = false;

  constructor(
    private readonly writePool: pg.Pool,
    private readonly readPool: pg.Pool,
    readonly changeFeed: PostgresChangeFeed,
  ) {
    this.repositories = createPostgresRepositories(new Sql(readPool));
  }

  readonly transaction: Transact = <T>(work: (tx: Repositories) => Promise<T>): Promise<T> =>
    this.queue.run(() => this.runTransaction(work));

  async health(): Promise<boolean> {
    if (this.closed) return false;
    try {
      await this.readPool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.drained();
    await this.changeFeed.close();
    await Promise.all([this.readPool.end(), this.writePool.end()]);
  }

  private async runTransaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('the storage is closed');
    let client: pg.PoolClient;
    try {
      client = await this.writePool.connect();
    } catch (err) {
      throw asUnavailable(err);
    }
    let broken: Error | undefined;
    // A connection ended by the server while checked out (a restart, a dropped database) fails
    // the statement under way; its 'error' event must not end the process.
    const onError = (err: Error) => (broken = err);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const value = await work(createPostgresRepositories(new Sql(client)));
      await client.query('COMMIT');
      // This process's next request must see what it just wrote.
      await this.changeFeed.refresh().catch(() => undefined);
      return value;
    } catch (err) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw asUnavailable(err);
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }
}
