// Editor log-in: argon2id verification, one generic answer for unknown users and wrong
// passwords alike, and a per-account lockout after repeated failures. And an editor changing
// their own password: the current one first, then every other session of theirs ends. Hashing
// and verifying happen outside the transactions (they are slow on purpose).
import type { User } from '../domain/types.js';
import type { Actor } from './audit.js';
import { auditEntry } from './audit.js';
import type { Clock } from './clock.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { StorageAccess } from './storage-access.js';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_DURATION_MS = 15 * 60_000;

export type LoginResult = { ok: true; user: User } | { ok: false; reason: 'invalid' | 'locked' };

export type PasswordChange = 'changed' | 'wrong-current' | 'no-user';

export class AuthService {
  /** Verified against when the user does not exist, so both answers take as long. */
  private readonly dummyHash: Promise<string> = hashPassword('not a real password, only for timing');

  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
  ) {}

  async logIn(username: string, password: string): Promise<LoginResult> {
    const user = await this.storage.repositories.users.findByUsername(username);
    if (!user) {
      await verifyPassword(await this.dummyHash, password);
      return { ok: false, reason: 'invalid' };
    }
    const now = this.clock();
    if (user.lockedUntil !== null && user.lockedUntil > now) return { ok: false, reason: 'locked' };
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.storage.transaction((tx) => tx.users.recordFailedLogin(user.id, LOCK_AFTER_FAILURES, this.clock() + LOCK_DURATION_MS));
      return { ok: false, reason: 'invalid' };
    }
    await this.storage.transaction(async (tx) => {
      await tx.users.recordSuccessfulLogin(user.id);
      await tx.audit.append(auditEntry(user, 'user.login', { type: 'user', id: user.id }, '', this.clock()));
    });
    return { ok: true, user };
  }

  logOut(user: Actor): Promise<void> {
    return this.storage.transaction((tx) =>
      tx.audit.append(auditEntry(user, 'user.logout', { type: 'user', id: user.id }, '', this.clock())),
    );
  }

  /**
   * Sets the user's new password (already checked for length and sense) if `current` is their
   * password, and ends all their sessions but `keepSessionId` (the one making the change).
   */
  async changePassword(userId: number, current: string, next: string, keepSessionId: string): Promise<PasswordChange> {
    const user = await this.storage.repositories.users.findById(userId);
    if (!user) return 'no-user';
    if (!(await verifyPassword(user.passwordHash, current))) return 'wrong-current';
    const passwordHash = await hashPassword(next);
    return this.storage.transaction(async (tx) => {
      if (!(await tx.users.setPassword(user.id, passwordHash))) return 'no-user';
      await tx.sessions.deleteForUser(user.id, keepSessionId);
      await tx.audit.append(
        auditEntry(user, 'user.password', { type: 'user', id: user.id }, `${user.username} 修改了自己的密码`, this.clock()),
      );
      return 'changed';
    });
  }
}
