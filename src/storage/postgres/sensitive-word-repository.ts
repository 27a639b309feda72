// The sensitive-word list (stored normalised) in PostgreSQL.
import type { SensitiveWord, SensitiveWordRepository } from '../../repositories/sensitive-word-repository.js';
import type { Sql } from './sql.js';

// COLLATE "C": words sort by code point, as SQLite's BINARY does, whatever the database's locale.
const BY_WORD = 'ORDER BY word COLLATE "C"';

export class PostgresSensitiveWordRepository implements SensitiveWordRepository {
  constructor(private readonly sql: Sql) {}

  async listAll(): Promise<string[]> {
    return (await this.sql.rows<{ word: string }>(`SELECT word FROM sensitive_words ${BY_WORD}`)).map((row) => row.word);
  }

  async listEntries(): Promise<SensitiveWord[]> {
    const rows = await this.sql.rows<{ id: number; word: string; created_at: number }>(
      `SELECT id, word, created_at FROM sensitive_words ${BY_WORD}`,
    );
    return rows.map((row) => ({ id: row.id, word: row.word, createdAt: row.created_at }));
  }

  async add(normalisedWord: string, now: number): Promise<void> {
    await this.sql.run('INSERT INTO sensitive_words (word, created_at) VALUES ($1, $2) ON CONFLICT (word) DO NOTHING', [
      normalisedWord,
      now,
    ]);
  }

  async addIfNew(normalisedWord: string, now: number): Promise<number | undefined> {
    // No row comes back when the word is listed already (DO NOTHING returns nothing).
    return this.sql.value<number>(
      'INSERT INTO sensitive_words (word, created_at) VALUES ($1, $2) ON CONFLICT (word) DO NOTHING RETURNING id',
      [normalisedWord, now],
    );
  }

  async remove(normalisedWord: string): Promise<void> {
    await this.sql.run('DELETE FROM sensitive_words WHERE word = $1', [normalisedWord]);
  }

  async removeById(id: number): Promise<string | undefined> {
    return this.sql.value<string>('DELETE FROM sensitive_words WHERE id = $1 RETURNING word', [id]);
  }
}
