// The sensitive-word list (stored normalised) that sends comments to review.

export interface SensitiveWord {
  id: number;
  /** normalised (see services/word-filter.ts) */
  word: string;
  createdAt: number;
}

export interface SensitiveWordRepository {
  listAll(): Promise<string[]>;
  /** The list with ids and dates, for the editors' page. */
  listEntries(): Promise<SensitiveWord[]>;
  add(normalisedWord: string, now: number): Promise<void>;
  /** Adds the word unless it is listed already; its new id, or undefined when it was listed. */
  addIfNew(normalisedWord: string, now: number): Promise<number | undefined>;
  remove(normalisedWord: string): Promise<void>;
  /** Removes the word with the id; returns it, or undefined when there was none. */
  removeById(id: number): Promise<string | undefined>;
}
