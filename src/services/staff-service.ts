// Staff records (人员查询) as editors change them, each change one transaction with its audit
// line. A card number another record has comes back as StaffCardNumberTakenError.
import type { StaffMember } from '../domain/types.js';
import type { StaffFields } from '../repositories/staff-repository.js';
import type { Actor } from './audit.js';
import { auditEntry } from './audit.js';
import type { Clock } from './clock.js';
import type { StorageAccess } from './storage-access.js';

const named = (m: StaffFields) => `${m.name}（${m.cardNumber}）`;

export class StaffService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
  ) {}

  create(actor: Actor, member: StaffFields): Promise<number> {
    return this.storage.transaction(async (tx) => {
      const now = this.clock();
      const id = await tx.staff.create(member, now);
      await tx.audit.append(auditEntry(actor, 'staff.create', { type: 'staff', id }, named(member), now));
      return id;
    });
  }

  /** false when there is no such record */
  update(actor: Actor, existing: StaffMember, member: StaffFields): Promise<boolean> {
    return this.storage.transaction(async (tx) => {
      if (!(await tx.staff.update(existing.id, member))) return false;
      const change = existing.status !== member.status ? `，${member.status === 'left' ? '在职→离职' : '离职→在职'}` : '';
      await tx.audit.append(auditEntry(actor, 'staff.update', { type: 'staff', id: existing.id }, named(member) + change, this.clock()));
      return true;
    });
  }

  delete(actor: Actor, member: StaffMember): Promise<boolean> {
    return this.storage.transaction(async (tx) => {
      if (!(await tx.staff.delete(member.id))) return false;
      await tx.audit.append(auditEntry(actor, 'staff.delete', { type: 'staff', id: member.id }, named(member), this.clock()));
      return true;
    });
  }
}
