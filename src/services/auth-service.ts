// Editor log-in: argon2id verification, one generic answer for unknown users and wrong
// passwords alike, and a per-account lockout after repeated failures. And an editor changing
// their own password: the current one first, then every other session of theirs ends.
import type { User } from '../domain/types.js';
import type { SessionRepository } from '../repositories/session-repository.js';
import type { UserRepository } from '../repositories/user-repository.js';
import type { Clock } from './clock.js';
import { hashPassword, verifyPassword } from './passwords.js';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_DURATION_MS = 15 * 60_000;

export type LoginResult = { ok: true; user: User } | { ok: false; reason: 'invalid' | 'locked' };

export type PasswordChange = 'changed' | 'wrong-current' | 'no-user';

export class AuthService {
  /** Verified against when the user does not exist, so both answers take as long. */
  private readonly dummyHash: Promise<string> = hashPassword('not a real password, only for timing');

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  async logIn(username: string, password: string): Promise<LoginResult> {
    const user = await this.users.findByUsername(username);
    if (!user) {
      await verifyPassword(await this.dummyHash, password);
      return { ok: false, reason: 'invalid' };
    }
    const now = this.clock();
    if (user.lockedUntil !== null && user.lockedUntil > now) return { ok: false, reason: 'locked' };
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.users.recordFailedLogin(user.id, LOCK_AFTER_FAILURES, now + LOCK_DURATION_MS);
      return { ok: false, reason: 'invalid' };
    }
    await this.users.recordSuccessfulLogin(user.id);
    return { ok: true, user };
  }

  /**
   * Sets the user's new password (already checked for length and sense) if `current` is their
   * password, and ends all their sessions but `keepSessionId` (the one making the change).
   */
  async changePassword(userId: number, current: string, next: string, keepSessionId: string): Promise<PasswordChange> {
    const user = await this.users.findById(userId);
    if (!user) return 'no-user';
    if (!(await verifyPassword(user.passwordHash, current))) return 'wrong-current';
    await this.users.setPassword(user.id, await hashPassword(next));
    await this.sessions.deleteForUser(user.id, keepSessionId);
    return 'changed';
  }
}
