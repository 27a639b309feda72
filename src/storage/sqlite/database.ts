// Opens the SQLite database with the pragmas the portal relies on (WAL, foreign keys, busy timeout).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StorageOpenError } from '../storage.js';

export type Db = Database.Database;

/** readOnly: a connection that reads only (PRAGMA query_only): any write through it fails. */
export function openDatabase(file: string, { readOnly = false }: { readOnly?: boolean } = {}): Db {
  if (file !== ':memory:') ensureWritableFolder(path.dirname(path.resolve(file)));
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    throw new StorageOpenError(`Cannot open the database file ${file}: ${(err as Error).message}`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL'); // durable across process crashes in WAL mode; fsync at checkpoints
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (readOnly) db.pragma('query_only = ON');
  return db;
}

function ensureWritableFolder(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (err) {
    throw new StorageOpenError(
      `The data folder ${folder} does not exist and cannot be created, or is not writable ` +
        `(${(err as NodeJS.ErrnoException).code ?? (err as Error).message}). ` +
        'Create it, fix its permissions, or point DATABASE_PATH elsewhere.',
    );
  }
}
