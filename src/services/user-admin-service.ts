// Accounts, as admins manage them: create, change, delete. The rules that read before they
// write (a free user name, the last admin stays) run inside the action's transaction, so two
// admins acting at once cannot both get through; a new password or a lower role ends the
// account's other sessions in the same transaction. Passwords are hashed before it starts
// (hashing is slow on purpose, and would hold every other writer).
import type { Role, User } from '../domain/types.js';
import { ROLE_NAMES } from './workflow-rules.js';
import type { Repositories } from '../repositories/index.js';
import type { Actor } from './audit.js';
import { auditEntry } from './audit.js';
import type { Clock } from './clock.js';
import { hashPassword } from './passwords.js';
import type { StorageAccess } from './storage-access.js';

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface AccountChanges {
  displayName: string;
  role: Role;
  /** a new password; undefined keeps the old one */
  password?: string;
}

export type CreateOutcome = { kind: 'created'; id: number } | { kind: 'username-taken' };
export type ChangeOutcome = { kind: 'changed' | 'unchanged' } | { kind: 'not-found' | 'last-admin' };

export class UserAdminService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, account: NewAccount): Promise<CreateOutcome> {
    const { password, ...fields } = account;
    const passwordHash = await hashPassword(password);
    return this.storage.transaction(async (tx) => {
      const now = this.clock();
      const id = await tx.users.createIfUsernameFree({ ...fields, passwordHash }, now);
      if (id === undefined) return { kind: 'username-taken' };
      const summary = `${account.username}（${account.displayName}，${ROLE_NAMES[account.role]}）`;
      await tx.audit.append(auditEntry(actor, 'user.create', { type: 'user', id }, summary, now));
      return { kind: 'created', id };
    });
  }

  /** `keepSessionId`: the session making the change, which stays logged in if it is the account's. */
  async update(actor: Actor, id: number, changes: AccountChanges, keepSessionId: string): Promise<ChangeOutcome> {
    const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
    return this.storage.transaction(async (tx) => {
      const user = await tx.users.findById(id);
      if (!user) return { kind: 'not-found' };
      if (await removesLastAdmin(tx, user, changes.role)) return { kind: 'last-admin' };
      await tx.users.update(id, { displayName: changes.displayName, role: changes.role });
      if (passwordHash) await tx.users.setPassword(id, passwordHash);
      const demoted = user.role === 'admin' && changes.role !== 'admin';
      if (passwordHash || demoted) await tx.sessions.deleteForUser(id, keepSessionId);
      const described = [
        user.displayName !== changes.displayName ? `显示名称：${user.displayName} → ${changes.displayName}` : '',
        user.role !== changes.role ? `角色：${ROLE_NAMES[user.role]} → ${ROLE_NAMES[changes.role]}` : '',
        passwordHash ? '重设密码' : '',
      ].filter(Boolean);
      if (described.length === 0) return { kind: 'unchanged' };
      await tx.audit.append(
        auditEntry(actor, 'user.update', { type: 'user', id }, `${user.username}：${described.join('；')}`, this.clock()),
      );
      return { kind: 'changed' };
    });
  }

  /** Deletes the account and ends its sessions (the caller refuses deleting oneself). */
  delete(actor: Actor, id: number): Promise<ChangeOutcome> {
    return this.storage.transaction(async (tx) => {
      const user = await tx.users.findById(id);
      if (!user) return { kind: 'not-found' };
      if (await removesLastAdmin(tx, user, undefined)) return { kind: 'last-admin' };
      await tx.sessions.deleteForUser(id);
      await tx.users.delete(id);
      const summary = `${user.username}（${user.displayName}，${ROLE_NAMES[user.role]}）`;
      await tx.audit.append(auditEntry(actor, 'user.delete', { type: 'user', id }, summary, this.clock()));
      return { kind: 'changed' };
    });
  }
}

/** Would the change (a new role, or none: deletion) leave the site without an admin? Asked inside the transaction. */
async function removesLastAdmin(tx: Repositories, user: User, newRole: Role | undefined): Promise<boolean> {
  return user.role === 'admin' && newRole !== 'admin' && (await tx.users.countAdmins()) <= 1;
}
