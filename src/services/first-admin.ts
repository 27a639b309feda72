// Creates the first admin account (user name `admin`) when there is no user yet.
import type { StorageAccess } from './storage-access.js';
import { generatePassword, hashPassword } from './passwords.js';

export interface FirstAdminResult {
  created: boolean;
  /** set only when the password was generated here and must be shown once */
  generatedPassword?: string;
}

export async function ensureFirstAdmin(
  storage: StorageAccess,
  configuredPassword: string | undefined,
  now: number,
): Promise<FirstAdminResult> {
  if ((await storage.repositories.users.count()) > 0) return { created: false };
  const password = configuredPassword ?? generatePassword();
  const passwordHash = await hashPassword(password); // before the transaction: it is slow
  // Counted and created in one transaction: processes starting together create one admin.
  const created = await storage.transaction(async (tx) => {
    if ((await tx.users.count()) > 0) return false;
    await tx.users.create({ username: 'admin', displayName: '管理员', passwordHash, role: 'admin' }, now);
    return true;
  });
  if (!created) return { created: false };
  return configuredPassword ? { created: true } : { created: true, generatedPassword: password };
}
