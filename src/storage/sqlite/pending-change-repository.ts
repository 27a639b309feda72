// Reporters' changes to signed articles (修改稿) in SQLite.
import type { Db } from './database.js';
import type {
  NewPendingChange,
  PendingChange,
  PendingChangeRepository,
  PendingChangeRow,
} from '../../repositories/pending-change-repository.js';
import { PENDING_CHANGE_COLUMNS, toPendingChange } from '../../repositories/pending-change-repository.js';

export class SqlitePendingChangeRepository implements PendingChangeRepository {
  private readonly upsert;
  private readonly byArticle;
  private readonly delete;

  constructor(db: Db) {
    this.upsert = db.prepare(
      `INSERT INTO article_pending_changes (${PENDING_CHANGE_COLUMNS})
       VALUES (@articleId, @userId, @userName, @snapshot, @baseRevisionId, @now)
       ON CONFLICT (article_id) DO UPDATE SET user_id = excluded.user_id, user_name = excluded.user_name,
         snapshot = excluded.snapshot, base_revision_id = excluded.base_revision_id, created_at = excluded.created_at`,
    );
    this.byArticle = db.prepare<[number], PendingChangeRow>(
      `SELECT ${PENDING_CHANGE_COLUMNS} FROM article_pending_changes WHERE article_id = ?`,
    );
    this.delete = db.prepare('DELETE FROM article_pending_changes WHERE article_id = ?');
  }

  async save(change: NewPendingChange, now: number): Promise<void> {
    const { fields, ...rest } = change;
    this.upsert.run({ ...rest, snapshot: JSON.stringify(fields), now });
  }

  async find(articleId: number): Promise<PendingChange | undefined> {
    const row = this.byArticle.get(articleId);
    return row && toPendingChange(row);
  }

  async remove(articleId: number): Promise<boolean> {
    return this.delete.run(articleId).changes > 0;
  }
}
