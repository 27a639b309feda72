// The sensitive-word list (stored normalised) in SQLite.
import type { Db } from './database.js';
import type { SensitiveWord, SensitiveWordRepository } from '../../repositories/sensitive-word-repository.js';

export class SqliteSensitiveWordRepository implements SensitiveWordRepository {
  private readonly all;
  private readonly entries;
  private readonly insert;
  private readonly insertReturningId;
  private readonly delete;
  private readonly deleteById;

  constructor(db: Db) {
    this.all = db.prepare<[], { word: string }>('SELECT word FROM sensitive_words ORDER BY word');
    this.entries = db.prepare<[], { id: number; word: string; created_at: number }>(
      'SELECT id, word, created_at FROM sensitive_words ORDER BY word',
    );
    this.insert = db.prepare('INSERT INTO sensitive_words (word, created_at) VALUES (?, ?) ON CONFLICT (word) DO NOTHING');
    this.insertReturningId = db.prepare<[string, number], { id: number }>(
      'INSERT INTO sensitive_words (word, created_at) VALUES (?, ?) ON CONFLICT (word) DO NOTHING RETURNING id',
    );
    this.delete = db.prepare('DELETE FROM sensitive_words WHERE word = ?');
    this.deleteById = db.prepare<[number], { word: string }>('DELETE FROM sensitive_words WHERE id = ? RETURNING word');
  }

  async listAll(): Promise<string[]> {
    return this.all.all().map((row) => row.word);
  }

  async listEntries(): Promise<SensitiveWord[]> {
    return this.entries.all().map((row) => ({ id: row.id, word: row.word, createdAt: row.created_at }));
  }

  async add(normalisedWord: string, now: number): Promise<void> {
    this.insert.run(normalisedWord, now);
  }

  async addIfNew(normalisedWord: string, now: number): Promise<number | undefined> {
    return this.insertReturningId.get(normalisedWord, now)?.id;
  }

  async remove(normalisedWord: string): Promise<void> {
    this.delete.run(normalisedWord);
  }

  async removeById(id: number): Promise<string | undefined> {
    return this.deleteById.get(id)?.word;
  }
}
