// 更正 and 更新 notes of published articles: the repository interface (the SQL is in src/storage/<backend>/).
import type { Correction, CorrectionKind } from '../domain/types.js';

export interface NewCorrection {
  articleId: number;
  kind: CorrectionKind;
  note: string;
  userId: number | null;
  userName: string;
}

/** A note on /corrections, with its article's title. */
export interface ListedCorrection extends Correction {
  articleTitle: string;
}

export interface CorrectionRepository {
  add(correction: NewCorrection, now: number): Promise<number>;
  /** the article's notes, oldest first */
  listForArticle(articleId: number): Promise<Correction[]>;
  /** notes of articles readers can see at `now`, newest first */
  listVisible(page: { limit: number; offset: number }, now: number): Promise<ListedCorrection[]>;
  countVisible(now: number): Promise<number>;
}

export interface CorrectionRow {
  id: number;
  article_id: number;
  kind: CorrectionKind;
  note: string;
  user_name: string;
  created_at: number;
}

export const CORRECTION_COLUMNS = 'c.id, c.article_id, c.kind, c.note, c.user_name, c.created_at';

export function toCorrection(row: CorrectionRow): Correction {
  return { id: row.id, articleId: row.article_id, kind: row.kind, note: row.note, userName: row.user_name, createdAt: row.created_at };
}
