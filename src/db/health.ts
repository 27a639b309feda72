// Database reachability for /healthz.
import type { Db } from './database.js';

export function isDatabaseReachable(db: Db): boolean {
  try {
    return db.prepare('SELECT 1 AS ok').get() !== undefined;
  } catch {
    return false;
  }
}
