// Opens the SQLite database with the pragmas the portal relies on (WAL, foreign keys, busy timeout).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export class DatabaseOpenError extends Error {}

export function openDatabase(file: string): Db {
  if (file !== ':memory:') ensureWritableFolder(path.dirname(path.resolve(file)));
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    throw new DatabaseOpenError(`Cannot open the database file ${file}: ${(err as Error).message}`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL'); // durable across process crashes in WAL mode; fsync at checkpoints
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

function ensureWritableFolder(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (err) {
    throw new DatabaseOpenError(
      `The data folder ${folder} does not exist and cannot be created, or is not writable ` +
        `(${(err as NodeJS.ErrnoException).code ?? (err as Error).message}). ` +
        'Create it, fix its permissions, or point DATABASE_PATH elsewhere.',
    );
  }
}
