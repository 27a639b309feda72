// 更正 and 更新 notes in SQLite.
import { visibleAs } from './article-repository.js';
import type { Db } from './database.js';
import type { Correction } from '../../domain/types.js';
import type { CorrectionRepository, CorrectionRow, ListedCorrection, NewCorrection } from '../../repositories/correction-repository.js';
import { CORRECTION_COLUMNS, toCorrection } from '../../repositories/correction-repository.js';

const VISIBLE = visibleAs('a');

export class SqliteCorrectionRepository implements CorrectionRepository {
  private readonly insert;
  private readonly ofArticle;
  private readonly visible;
  private readonly countAll;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO article_corrections (article_id, kind, note, user_id, user_name, created_at)
       VALUES (@articleId, @kind, @note, @userId, @userName, @now)`,
    );
    this.ofArticle = db.prepare<[number], CorrectionRow>(
      `SELECT ${CORRECTION_COLUMNS} FROM article_corrections c WHERE c.article_id = ? ORDER BY c.created_at, c.id`,
    );
    this.visible = db.prepare<{ now: number; limit: number; offset: number }, CorrectionRow & { article_title: string }>(
      `SELECT ${CORRECTION_COLUMNS}, a.title AS article_title FROM article_corrections c JOIN articles a ON a.id = c.article_id
       WHERE ${VISIBLE} ORDER BY c.created_at DESC, c.id DESC LIMIT @limit OFFSET @offset`,
    );
    this.countAll = db.prepare<{ now: number }, { n: number }>(
      `SELECT COUNT(*) AS n FROM article_corrections c JOIN articles a ON a.id = c.article_id WHERE ${VISIBLE}`,
    );
  }

  async add(correction: NewCorrection, now: number): Promise<number> {
    return Number(this.insert.run({ ...correction, now }).lastInsertRowid);
  }

  async listForArticle(articleId: number): Promise<Correction[]> {
    return this.ofArticle.all(articleId).map(toCorrection);
  }

  async listVisible(page: { limit: number; offset: number }, now: number): Promise<ListedCorrection[]> {
    return this.visible.all({ now, ...page }).map((row) => ({ ...toCorrection(row), articleTitle: row.article_title }));
  }

  async countVisible(now: number): Promise<number> {
    return this.countAll.get({ now })?.n ?? 0;
  }
}
