// Writes the audit log: every change an editor makes, with who and when.
import type { User } from '../domain/types.js';
import type { AuditRepository } from '../repositories/audit-repository.js';
import type { Clock } from './clock.js';

export class AuditLog {
  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  record(user: Pick<User, 'id' | 'username'>, action: string, entity: { type: string; id?: number | string }, summary = ''): Promise<void> {
    return this.repository.append({
      userId: user.id,
      username: user.username,
      action,
      entityType: entity.type,
      entityId: entity.id === undefined ? '' : String(entity.id),
      summary: summary.slice(0, 300),
      createdAt: this.clock(),
    });
  }
}
