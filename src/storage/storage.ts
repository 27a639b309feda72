// The storage seam: what the app needs of a database, whichever stands behind it. One
// implementation per backend (src/storage/sqlite/ today); nothing outside an implementation
// imports its driver or its types.
import type { Repositories } from '../repositories/index.js';

/** The database cannot be opened (a folder that cannot be made, a file that is no database ...). */
export class StorageOpenError extends Error {}

/**
 * The database cannot be reached right now (down, restarting, network): nothing was written,
 * and a retry later may work. Carries its HTTP status, so the web layer needs no storage types.
 */
export class StorageUnavailableError extends Error {
  readonly status = 503;
}

/** A transaction started inside another: it would wait for itself. Use the `tx` you were given. */
export class NestedTransactionError extends Error {
  constructor() {
    super('transactions do not nest: inside a transaction, use the repositories it was given');
  }
}

/** A change the content change feed recorded: which part of the site a write touched. */
export interface ContentChange {
  /** 'site', 'article:<id>' or 'poll:<id>' */
  scope: string;
  seq: number;
}

/**
 * The content change feed, read before every request (so synchronous: a cache hit must not
 * wait on a promise). It only ever reports committed changes.
 */
export interface ChangeFeed {
  /** sequence number of the latest change (0 before any) */
  latestSeq(): number;
  /** the scopes changed after `seq`, oldest first */
  changedSince(seq: number): ContentChange[];
  /**
   * The earliest time after `now` at which pages change without a write: a scheduled article
   * becomes visible, or a home-page pin (头条/置顶) ends.
   */
  nextScheduledChange(now: number): number | undefined;
}

/** Runs one action's writes together: they all commit when `work` returns, or none when it throws. */
export type Transact = <T>(work: (tx: Repositories) => Promise<T>) => Promise<T>;

export interface Storage {
  /**
   * Repositories for reading outside a transaction: they see committed data only, never the
   * writes of a transaction still open. Writing through them fails: writes go through
   * `transaction`.
   */
  readonly repositories: Repositories;
  /**
   * One editorial action: `work` gets repositories bound to one transaction, which commits when
   * it returns and rolls back when it throws. Transactions run one at a time; they do not nest.
   * Keep slow work (image processing, password hashing) out of them: it would hold every writer.
   */
  readonly transaction: Transact;
  readonly changeFeed: ChangeFeed;
  /** whether the database answers */
  health(): Promise<boolean>;
  /** waits for the transaction in progress, then closes the connections */
  close(): Promise<void>;
}
