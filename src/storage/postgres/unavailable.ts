// Telling "the database is down" apart from a failed statement: the web layer answers the
// first with 503 (try again soon) rather than 500.
import { StorageUnavailableError } from '../storage.js';

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, crash).
const UNAVAILABLE_STATES = /^(08|57P0[1-3])/;
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

export function isUnavailable(err: unknown): boolean {
  if (err instanceof StorageUnavailableError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_CODES.has(code))) return true;
  const message = (err as Error | null)?.message ?? '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

/** The error itself, or a StorageUnavailableError when it says the database cannot be reached. */
export function asUnavailable(err: unknown): unknown {
  if (err instanceof StorageUnavailableError || !isUnavailable(err)) return err;
  return new StorageUnavailableError('the database cannot be reached', { cause: err });
}
