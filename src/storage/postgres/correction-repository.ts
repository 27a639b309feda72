// 更正 and 更新 notes in PostgreSQL.
import { visibleAs } from './article-repository.js';
import type { Correction } from '../../domain/types.js';
import type { CorrectionRepository, CorrectionRow, ListedCorrection, NewCorrection } from '../../repositories/correction-repository.js';
import { CORRECTION_COLUMNS, toCorrection } from '../../repositories/correction-repository.js';
import type { Sql } from './sql.js';

const VISIBLE = visibleAs('a');

export class PostgresCorrectionRepository implements CorrectionRepository {
  constructor(private readonly sql: Sql) {}

  async add(correction: NewCorrection, now: number): Promise<number> {
    const id = await this.sql.value<number>(
      `INSERT INTO article_corrections (article_id, kind, note, user_id, user_name, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [correction.articleId, correction.kind, correction.note, correction.userId, correction.userName, now],
    );
    return id!;
  }

  async listForArticle(articleId: number): Promise<Correction[]> {
    const rows = await this.sql.rows<CorrectionRow>(
      `SELECT ${CORRECTION_COLUMNS} FROM article_corrections c WHERE c.article_id = $1 ORDER BY c.created_at, c.id`,
      [articleId],
    );
    return rows.map(toCorrection);
  }

  async listVisible(page: { limit: number; offset: number }, now: number): Promise<ListedCorrection[]> {
    const rows = await this.sql.rows<CorrectionRow & { article_title: string }>(
      `SELECT ${CORRECTION_COLUMNS}, a.title AS article_title FROM article_corrections c JOIN articles a ON a.id = c.article_id
       WHERE ${VISIBLE} ORDER BY c.created_at DESC, c.id DESC LIMIT $2 OFFSET $3`,
      [now, page.limit, page.offset],
    );
    return rows.map((row) => ({ ...toCorrection(row), articleTitle: row.article_title }));
  }

  async countVisible(now: number): Promise<number> {
    return (
      (await this.sql.value<number>(`SELECT COUNT(*) FROM article_corrections c JOIN articles a ON a.id = c.article_id WHERE ${VISIBLE}`, [
        now,
      ])) ?? 0
    );
  }
}
