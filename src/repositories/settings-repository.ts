// Site settings as key/value pairs: the only place with their SQL.
import type { Db } from '../db/database.js';

export interface SettingsRepository {
  getAll(): Promise<Record<string, string>>;
  setMany(values: Record<string, string>): Promise<void>;
}

export class SqliteSettingsRepository implements SettingsRepository {
  private readonly all;
  private readonly upsert;
  private readonly setManyInTransaction;

  constructor(db: Db) {
    this.all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
    this.upsert = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.setManyInTransaction = db.transaction((values: Record<string, string>) => {
      for (const [key, value] of Object.entries(values)) this.upsert.run(key, value);
    });
  }

  async getAll(): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const row of this.all.all()) result[row.key] = row.value;
    return result;
  }

  async setMany(values: Record<string, string>): Promise<void> {
    this.setManyInTransaction.immediate(values);
  }
}
