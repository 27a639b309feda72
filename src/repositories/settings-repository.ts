// Site settings as key/value pairs: the only place with their SQL.
import type { Db } from '../db/database.js';

/** A poll the sidebar setting may name. */
export interface PollChoice {
  id: number;
  question: string;
  startsAt: number;
  endsAt: number | null;
}

export interface SettingsRepository {
  getAll(): Promise<Record<string, string>>;
  setMany(values: Record<string, string>): Promise<void>;
  /** Every poll, newest first, as choices for the sidebarPollId setting (read-only). */
  pollChoices(): Promise<PollChoice[]>;
}

export class SqliteSettingsRepository implements SettingsRepository {
  private readonly all;
  private readonly upsert;
  private readonly setManyInTransaction;
  private readonly polls;

  constructor(db: Db) {
    this.all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
    this.upsert = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    // Read-only look at polls for the settings form; PollRepository has no list yet.
    this.polls = db.prepare<[], { id: number; question: string; starts_at: number; ends_at: number | null }>(
      'SELECT id, question, starts_at, ends_at FROM polls ORDER BY starts_at DESC, id DESC',
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

  async pollChoices(): Promise<PollChoice[]> {
    return this.polls.all().map((row) => ({ id: row.id, question: row.question, startsAt: row.starts_at, endsAt: row.ends_at }));
  }
}
