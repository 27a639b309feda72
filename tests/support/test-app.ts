// makeTestApp(): the real app on a temporary SQLite file (or, with TEST_BACKEND=postgres, a fresh
// PostgreSQL database), listening on 127.0.0.1 at a free port, with an injectable clock. Fixtures are written and read back through the repository
// interfaces (t.repos, t.storage.repositories); t.sql is for the few checks no interface offers.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import * as cheerio from 'cheerio';
import { createApp, type Portal } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { seedDemoContentIfEmpty } from '../../src/content/seed.js';
import type { Repositories } from '../../src/repositories/index.js';
import type { LocateAddress } from '../../src/services/ip-region.js';
import type { Storage, Transact } from '../../src/storage/storage.js';
import { throughTransactions } from './fixtures.js';
import { openSqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';
import { openFreshPostgresStorage } from './postgres.js';
import { postgresTestSql, sqliteTestSql, type TestSql } from './test-sql.js';

/** The backend HTTP tests run on: TEST_BACKEND=postgres, or SQLite (the default). */
export const TEST_BACKEND = process.env.TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

/** The session secret of every test app (addresses are hashed with it, as the app does). */
export const TEST_SESSION_SECRET = 'test-secret-0123456789-abcdefghijklmnop';

export interface TestClock {
  (): number;
  set(instant: number): void;
  advance(ms: number): void;
}

export function makeClock(start = Date.UTC(2026, 10, 20, 4, 0, 0)): TestClock {
  let now = start;
  const clock = (() => now) as TestClock;
  clock.set = (instant) => (now = instant);
  clock.advance = (ms) => (now += ms);
  return clock;
}

/** A transaction the app asked for (see TestApp.nextAppTransaction). */
export interface AppTransaction {
  /** true while it waits its turn: its work has not begun, and it has not ended either */
  waiting(): boolean;
}

export interface TestApp {
  portal: Portal;
  storage: Storage;
  /** writes fixtures: the storage's transaction */
  write: Transact;
  /** the repositories, each call in a transaction of its own (fixtures) */
  repos: Repositories;
  /** plain SQL for what no repository offers (see test-sql.ts); keep its uses few */
  sql: TestSql;
  /**
   * Settles when the app (a request, not t.write or t.repos) next asks for a transaction: the
   * moment a request has reached the storage's queue.
   */
  nextAppTransaction(): Promise<AppTransaction>;
  clock: TestClock;
  baseUrl: string;
  dataDir: string;
  get(urlPath: string, init?: RequestInit): Promise<Page>;
  close(): Promise<void>;
}

export interface Page {
  status: number;
  headers: Headers;
  text: string;
  $: cheerio.CheerioAPI;
}

export function makeTempDir(prefix = 'portal-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestAppOptions {
  demo?: boolean;
  clock?: TestClock;
  env?: Record<string, string>;
  /** a known captcha text (the app factory's injection point; production has no bypass) */
  captchaText?: () => string;
  captchaRequestsPerMinute?: number;
  /**
   * The comment mode to set after seeding. A fresh site reviews first (先审后发); tests that need
   * a comment to appear at once ask for 'auto' here.
   */
  commentModeration?: 'auto' | 'review';
  /** IP属地 lookups (the app's injection point; default: the shipped database) */
  locateAddress?: LocateAddress;
  /**
   * The review levels of every demo category: 1 by default, so a chief (today's editor) publishes
   * by saving, as fixtures did before 三审; workflow tests pass 'demo' to keep the demo's levels.
   */
  reviewLevels?: 1 | 2 | 3 | 'demo';
}

export async function makeTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = makeTempDir();
  const { storage, sql, dispose } = await openTestStorage(dataDir);
  const clock = options.clock ?? makeClock();
  const config = loadConfig({ DATABASE_PATH: path.join(dataDir, 'portal.db'), ...options.env });
  const watchers: ((transaction: AppTransaction) => void)[] = [];
  const portal = createApp({
    config,
    storage: observed(storage, (transaction) => watchers.splice(0).forEach((notify) => notify(transaction))),
    clock,
    sessionSecret: TEST_SESSION_SECRET,
    captchaText: options.captchaText,
    captchaRequestsPerMinute: options.captchaRequestsPerMinute ?? 10_000,
    locateAddress: options.locateAddress,
  });
  if (options.demo !== false) await seedDemoContentIfEmpty(storage.transaction, clock());
  const reviewLevels = options.reviewLevels ?? 1;
  if (options.demo !== false && reviewLevels !== 'demo') {
    await storage.transaction(async (tx) => {
      for (const category of await tx.categories.listAll()) await tx.categories.update(category.id, { ...category, reviewLevels });
    });
  }
  if (options.commentModeration) {
    const commentModeration = options.commentModeration;
    await storage.transaction((tx) => tx.settings.setMany({ commentModeration }));
  }
  const server: Server = await new Promise((resolve) => {
    const s = portal.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    portal,
    storage,
    write: storage.transaction,
    repos: throughTransactions(storage.transaction),
    sql,
    nextAppTransaction: () => new Promise((resolve) => watchers.push(resolve)),
    clock,
    baseUrl,
    dataDir,
    async get(urlPath, init) {
      const response = await fetch(baseUrl + urlPath, { redirect: 'manual', ...init });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text, $: cheerio.load(text) };
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await portal.stop();
      await storage.close();
      await dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function openTestStorage(dataDir: string): Promise<{ storage: Storage; sql: TestSql; dispose(): Promise<void> }> {
  if (TEST_BACKEND === 'postgres') {
    const { storage, database } = await openFreshPostgresStorage();
    const sql = postgresTestSql(database.url, storage.transaction);
    return {
      storage,
      sql,
      async dispose() {
        await sql.close();
        await database.drop();
      },
    };
  }
  const { storage } = openSqliteStorage(path.join(dataDir, 'portal.db'));
  return { storage, sql: sqliteTestSql(storage), dispose: async () => undefined };
}

/** The storage as the app gets it: the same, but it reports every transaction asked for. */
function observed(storage: Storage, onTransaction: (transaction: AppTransaction) => void): Storage {
  const transaction: Transact = (work) => {
    let waiting = true;
    const result = storage.transaction((tx) => {
      waiting = false;
      return work(tx);
    });
    result.then(
      () => (waiting = false),
      () => (waiting = false),
    );
    onTransaction({ waiting: () => waiting });
    return result;
  };
  return {
    get repositories() {
      return storage.repositories;
    },
    get changeFeed() {
      return storage.changeFeed;
    },
    transaction,
    health: () => storage.health(),
    close: () => storage.close(),
  };
}

/** Text of the element with whitespace folded, for assertions on visible text. */
export function textOf($: cheerio.CheerioAPI, selector: string): string {
  return $(selector).text().replace(/\s+/g, ' ').trim();
}
