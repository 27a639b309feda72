// The audit log in SQLite (append-only).
import type { Db } from './database.js';
import { toAuditEntry, type AuditEntry, type AuditRepository, type AuditRow } from '../../repositories/audit-repository.js';

export class SqliteAuditRepository implements AuditRepository {
  private readonly insert;
  private readonly recent;
  private readonly countRows;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (user_id, username, action, entity_type, entity_id, summary, created_at)
       VALUES (@userId, @username, @action, @entityType, @entityId, @summary, @createdAt)`,
    );
    this.recent = db.prepare<[number, number], AuditRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?');
    this.countRows = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM audit_log');
  }

  async append(entry: Omit<AuditEntry, 'id'>): Promise<void> {
    this.insert.run(entry);
  }

  async listRecent(limit: number, offset = 0): Promise<AuditEntry[]> {
    return this.recent.all(limit, offset).map(toAuditEntry);
  }

  async count(): Promise<number> {
    return this.countRows.get()?.n ?? 0;
  }
}
