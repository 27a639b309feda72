// The storage backends the contract suite runs against, and forEachBackend() that runs a group
// of contract tests once per backend. This is the only file of the suite that knows an
// implementation: every test reaches storage through the Storage interface alone.
//
// Adding a backend is one entry in `backends`. CONTRACT_BACKENDS=sqlite,postgres picks which
// ones run (both by default).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe } from 'node:test';
import type { Storage } from '../../src/storage/storage.js';
import { openSqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';
import { openFreshPostgresStorage, postgresUnavailable } from '../support/postgres.js';

export interface OpenedBackend {
  storage: Storage;
  /** Closes the storage (it may have been closed already) and removes everything open() made. */
  close(): Promise<void>;
}

export interface Backend {
  name: string;
  /** why this backend cannot run here (its tests are then skipped, or fail under CI=true) */
  unavailable?(): string | undefined;
  /** A fresh store: migrated, holding only what the migrations themselves insert. */
  open(): Promise<OpenedBackend>;
}

export type OpenBackend = () => Promise<OpenedBackend>;

/**
 * SQLite on a file in a temporary folder. The migrations run once per test process into a
 * template file; each store starts as a copy of it (openSqliteStorage still checks the
 * migrations and the search index), which keeps a fresh store per test cheap.
 */
const sqlite: Backend = {
  name: 'sqlite',
  async open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-contract-'));
    const file = path.join(dir, 'portal.db');
    fs.copyFileSync(await sqliteTemplate(), file);
    const { storage } = openSqliteStorage(file);
    return {
      storage,
      async close() {
        await storage.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

let template: Promise<string> | undefined;

function sqliteTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-contract-template-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'template.db');
    const { storage } = openSqliteStorage(file);
    await storage.close(); // checkpoints the WAL into the file: one file to copy
    return file;
  })();
  return template;
}

/** PostgreSQL: a fresh database per store, copied from a migrated template, dropped on close. */
const postgres: Backend = {
  name: 'postgres',
  unavailable: postgresUnavailable,
  async open() {
    const { storage, database } = await openFreshPostgresStorage();
    return {
      storage,
      async close() {
        await storage.close();
        await database.drop();
      },
    };
  },
};

const ALL_BACKENDS: Backend[] = [sqlite, postgres];

/** The backends to test: all of them, or those CONTRACT_BACKENDS names (comma-separated). */
export const backends: Backend[] = selectBackends(process.env.CONTRACT_BACKENDS);

function selectBackends(names: string | undefined): Backend[] {
  if (!names?.trim()) return ALL_BACKENDS;
  const wanted = names.split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => !ALL_BACKENDS.some((backend) => backend.name === name));
  if (unknown.length > 0) throw new Error(`CONTRACT_BACKENDS names unknown backends: ${unknown.join(', ')}`);
  return ALL_BACKENDS.filter((backend) => wanted.includes(backend.name));
}

/** Runs `body` (a group of tests) once per backend, in a describe named after the backend. */
export function forEachBackend(title: string, body: (open: OpenBackend, backend: Backend) => void): void {
  for (const backend of backends) {
    const missing = backend.unavailable?.();
    if (missing && process.env.CI === 'true') throw new Error(`${missing}: CI runs every backend`);
    describe(`${title} [${backend.name}]`, { skip: missing }, () => body(() => backend.open(), backend));
  }
}
