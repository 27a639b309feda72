// Site settings as key/value pairs in PostgreSQL.
import type { SettingsRepository } from '../../repositories/settings-repository.js';
import type { Sql } from './sql.js';

export class PostgresSettingsRepository implements SettingsRepository {
  constructor(private readonly sql: Sql) {}

  async getAll(): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const row of await this.sql.rows<{ key: string; value: string }>('SELECT key, value FROM settings')) result[row.key] = row.value;
    return result;
  }

  async setMany(values: Record<string, string>): Promise<void> {
    // In key order, so two transactions writing the same keys take their row locks alike.
    for (const [key, value] of Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      await this.sql.run('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
        key,
        value,
      ]);
    }
  }
}
