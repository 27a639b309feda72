// The audit log: who changed what, when. Append-only.
import type { Db } from '../db/database.js';

export interface AuditEntry {
  id: number;
  userId: number | null;
  username: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  createdAt: number;
}

export interface AuditRepository {
  append(entry: Omit<AuditEntry, 'id'>): Promise<void>;
  listRecent(limit: number, offset?: number): Promise<AuditEntry[]>;
  count(): Promise<number>;
}

interface AuditRow {
  id: number;
  user_id: number | null;
  username: string;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  created_at: number;
}

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
    return this.recent.all(limit, offset).map((row) => ({
      id: row.id,
      userId: row.user_id,
      username: row.username,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      summary: row.summary,
      createdAt: row.created_at,
    }));
  }

  async count(): Promise<number> {
    return this.countRows.get()?.n ?? 0;
  }
}
