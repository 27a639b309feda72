// The audit log: who changed what, when. Append-only.

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

export interface AuditRow {
  id: number;
  user_id: number | null;
  username: string;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  created_at: number;
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    userId: row.user_id,
    username: row.username,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    summary: row.summary,
    createdAt: row.created_at,
  };
}
