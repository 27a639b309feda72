// The sensitive-word list (stored normalised) that sends comments to review.
import type { Db } from '../db/database.js';

export interface SensitiveWordRepository {
  listAll(): Promise<string[]>;
  add(normalisedWord: string, now: number): Promise<void>;
  remove(normalisedWord: string): Promise<void>;
}

export class SqliteSensitiveWordRepository implements SensitiveWordRepository {
  private readonly all;
  private readonly insert;
  private readonly delete;

  constructor(db: Db) {
    this.all = db.prepare<[], { word: string }>('SELECT word FROM sensitive_words ORDER BY word');
    this.insert = db.prepare('INSERT INTO sensitive_words (word, created_at) VALUES (?, ?) ON CONFLICT (word) DO NOTHING');
    this.delete = db.prepare('DELETE FROM sensitive_words WHERE word = ?');
  }

  async listAll(): Promise<string[]> {
    return this.all.all().map((row) => row.word);
  }

  async add(normalisedWord: string, now: number): Promise<void> {
    this.insert.run(normalisedWord, now);
  }

  async remove(normalisedWord: string): Promise<void> {
    this.delete.run(normalisedWord);
  }
}
