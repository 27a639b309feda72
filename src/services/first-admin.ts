// Creates the first admin account (user name `admin`) when there is no user yet.
import type { UserRepository } from '../repositories/user-repository.js';
import { generatePassword, hashPassword } from './passwords.js';

export interface FirstAdminResult {
  created: boolean;
  /** set only when the password was generated here and must be shown once */
  generatedPassword?: string;
}

export async function ensureFirstAdmin(
  users: UserRepository,
  configuredPassword: string | undefined,
  now: number,
): Promise<FirstAdminResult> {
  if ((await users.count()) > 0) return { created: false };
  const password = configuredPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    await users.create({ username: 'admin', displayName: '管理员', passwordHash, role: 'admin' }, now);
  } catch (err) {
    // Another process starting on the same database created it first.
    if ((await users.count()) > 0) return { created: false };
    throw err;
  }
  return configuredPassword ? { created: true } : { created: true, generatedPassword: password };
}
