// Reporters' changes to signed articles (修改稿) in PostgreSQL.
import type {
  NewPendingChange,
  PendingChange,
  PendingChangeRepository,
  PendingChangeRow,
} from '../../repositories/pending-change-repository.js';
import { PENDING_CHANGE_COLUMNS, toPendingChange } from '../../repositories/pending-change-repository.js';
import type { Sql } from './sql.js';

export class PostgresPendingChangeRepository implements PendingChangeRepository {
  constructor(private readonly sql: Sql) {}

  async save(change: NewPendingChange, now: number): Promise<void> {
    await this.sql.rows(
      `INSERT INTO article_pending_changes (${PENDING_CHANGE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (article_id) DO UPDATE SET user_id = excluded.user_id, user_name = excluded.user_name,
         snapshot = excluded.snapshot, base_revision_id = excluded.base_revision_id, created_at = excluded.created_at`,
      [change.articleId, change.userId, change.userName, JSON.stringify(change.fields), change.baseRevisionId, now],
    );
  }

  async find(articleId: number): Promise<PendingChange | undefined> {
    const row = await this.sql.row<PendingChangeRow>(
      `SELECT ${PENDING_CHANGE_COLUMNS} FROM article_pending_changes WHERE article_id = $1`,
      [articleId],
    );
    return row && toPendingChange(row);
  }

  async remove(articleId: number): Promise<boolean> {
    return (await this.sql.rows('DELETE FROM article_pending_changes WHERE article_id = $1 RETURNING article_id', [articleId])).length > 0;
  }
}
