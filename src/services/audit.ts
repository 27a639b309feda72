// The audit log's entries: every change an editor makes, with who and when. Services append
// one in the same transaction as the change itself, so a change is never without its line.
import type { User } from '../domain/types.js';
import type { AuditEntry } from '../repositories/audit-repository.js';

export type Actor = Pick<User, 'id' | 'username'>;

export interface AuditedEntity {
  type: string;
  id?: number | string;
}

export function auditEntry(actor: Actor, action: string, entity: AuditedEntity, summary: string, now: number): Omit<AuditEntry, 'id'> {
  return {
    userId: actor.id,
    username: actor.username,
    action,
    entityType: entity.type,
    entityId: entity.id === undefined ? '' : String(entity.id),
    summary: summary.slice(0, 300),
    createdAt: now,
  };
}
