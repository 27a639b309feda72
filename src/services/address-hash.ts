// Client addresses are stored only as keyed hashes (for per-address limits): the key keeps
// anyone with the database from reversing them by trying every address.
import { createHmac } from 'node:crypto';

export type AddressHasher = (ip: string) => string;

export function addressHasher(key: string): AddressHasher {
  return (ip) => createHmac('sha256', key).update(ip).digest('base64url').slice(0, 32);
}
