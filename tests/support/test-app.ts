// makeTestApp(): the real app on a temporary SQLite file, listening on 127.0.0.1 at a free
// port, with an injectable clock. Fixtures are written through the storage's transactions.
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
import type { Transact } from '../../src/storage/storage.js';
import { throughTransactions } from './fixtures.js';
import type { Db } from '../../src/storage/sqlite/database.js';
import { openSqliteStorage, type SqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';

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

export interface TestApp {
  portal: Portal;
  storage: SqliteStorage;
  /** writes fixtures: the storage's transaction */
  write: Transact;
  /** the repositories, each call in a transaction of its own (fixtures) */
  repos: Repositories;
  /** the write connection, for raw SQL in tests */
  db: Db;
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
}

export async function makeTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = makeTempDir();
  const { storage } = openSqliteStorage(path.join(dataDir, 'portal.db'));
  const db = storage.database;
  const clock = options.clock ?? makeClock();
  const config = loadConfig({ DATABASE_PATH: path.join(dataDir, 'portal.db'), ...options.env });
  const portal = createApp({
    config,
    storage,
    clock,
    sessionSecret: 'test-secret-0123456789-abcdefghijklmnop',
    captchaText: options.captchaText,
    captchaRequestsPerMinute: options.captchaRequestsPerMinute ?? 10_000,
  });
  if (options.demo !== false) await seedDemoContentIfEmpty(storage.transaction, clock());
  const server: Server = await new Promise((resolve) => {
    const s = portal.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    portal,
    storage,
    write: storage.transaction,
    repos: throughTransactions(storage.transaction),
    db,
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
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Text of the element with whitespace folded, for assertions on visible text. */
export function textOf($: cheerio.CheerioAPI, selector: string): string {
  return $(selector).text().replace(/\s+/g, ' ').trim();
}
