// Opens the storage the configuration names: PostgreSQL when DATABASE_URL is set, otherwise
// SQLite at DATABASE_PATH (the embedded default). Migrations are applied on the way, so what
// comes back is ready to serve.
import type { Config } from '../config.js';
import type { Storage } from './storage.js';
import { openPostgresStorage } from './postgres/open-postgres.js';
import { openSqliteStorage } from './sqlite/sqlite-storage.js';

export interface OpenedStorage {
  storage: Storage;
  /** the migrations this start applied, for the start-up output */
  appliedMigrations: string[];
  /** where the data is, for the start-up output (never with a password) */
  description: string;
}

export interface StorageEvents {
  /** the PostgreSQL change listener lost its connection, or has it back */
  onListenerState?: (state: 'lost' | 'listening', error?: Error) => void;
}

export async function openStorage(
  config: Pick<Config, 'databasePath' | 'databaseUrl'>,
  events: StorageEvents = {},
): Promise<OpenedStorage> {
  if (config.databaseUrl !== undefined) {
    const opened = await openPostgresStorage(config.databaseUrl, { onListenerState: events.onListenerState });
    return { ...opened, description: `PostgreSQL ${describeUrl(config.databaseUrl)}` };
  }
  return { ...openSqliteStorage(config.databasePath), description: `SQLite ${config.databasePath}` };
}

/** host/database of a connection URL, without the user or password */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${decodeURIComponent(parsed.host) || 'localhost'}${parsed.pathname}`;
  } catch {
    return '(DATABASE_URL)';
  }
}
