// Password hashing with argon2id (@node-rs/argon2 defaults: argon2id, m=19 MiB, t=2, p=1).
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Passwords of editors' accounts: at least this long (characters), and not absurdly long. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never logs anyone in
  }
}

/** A random password that is easy to copy: 20 characters from base64url. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
