// Site settings as key/value pairs in SQLite.
import type { Db } from './database.js';
import type { SettingsRepository } from '../../repositories/settings-repository.js';

export class SqliteSettingsRepository implements SettingsRepository {
  private readonly all;
  private readonly upsert;

  constructor(db: Db) {
    this.all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
    this.upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  async getAll(): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const row of this.all.all()) result[row.key] = row.value;
    return result;
  }

  async setMany(values: Record<string, string>): Promise<void> {
    for (const [key, value] of Object.entries(values)) this.upsert.run(key, value);
  }
}
