// The codes readers keep to come back without an account: a report's receipt (回执码) and a
// comment's appeal code (申诉码). 16 characters without look-alikes (0/O, 1/I/L) carry about 79
// bits; only their SHA-256 is stored.
import { createHash, randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 16;

const grouped = (plain: string) => plain.replace(/(.{4})(?=.)/g, '$1-');

export function newCode(): string {
  return grouped(Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
}

/** The code as typed (any case, spaces or dashes) in the form it was issued; undefined if it cannot be one. */
export function normaliseCode(input: string): string | undefined {
  const plain = input.toUpperCase().replace(/[\s-]/g, '');
  if (plain.length !== LENGTH || [...plain].some((c) => !ALPHABET.includes(c))) return undefined;
  return grouped(plain);
}

export const codeHash = (code: string): string => createHash('sha256').update(code).digest('hex');
