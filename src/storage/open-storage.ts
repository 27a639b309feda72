// Opens the storage the configuration names: SQLite at DATABASE_PATH (the embedded default).
// Migrations are applied on the way, so what comes back is ready to serve.
import type { Config } from '../config.js';
import type { Storage } from './storage.js';
import { openSqliteStorage } from './sqlite/sqlite-storage.js';

export interface OpenedStorage {
  storage: Storage;
  /** the migrations this start applied, for the start-up output */
  appliedMigrations: string[];
}

export function openStorage(config: Pick<Config, 'databasePath'>): OpenedStorage {
  return openSqliteStorage(config.databasePath);
}
