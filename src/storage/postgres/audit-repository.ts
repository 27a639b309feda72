// The audit log in PostgreSQL (append-only).
import { toAuditEntry, type AuditEntry, type AuditRepository, type AuditRow } from '../../repositories/audit-repository.js';
import type { Sql } from './sql.js';

export class PostgresAuditRepository implements AuditRepository {
  constructor(private readonly sql: Sql) {}

  async append(entry: Omit<AuditEntry, 'id'>): Promise<void> {
    await this.sql.run(
      `INSERT INTO audit_log (user_id, username, action, entity_type, entity_id, summary, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [entry.userId, entry.username, entry.action, entry.entityType, entry.entityId, entry.summary, entry.createdAt],
    );
  }

  async listRecent(limit: number, offset = 0): Promise<AuditEntry[]> {
    const rows = await this.sql.rows<AuditRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT $1 OFFSET $2', [limit, offset]);
    return rows.map(toAuditEntry);
  }

  async count(): Promise<number> {
    return (await this.sql.value<number>('SELECT COUNT(*) FROM audit_log')) ?? 0;
  }
}
