// Database reachability for /healthz.
import type { Db } from './database.js';

export function isDatabaseReachable(db: Db): boolean {
  try {
    return db.prepare('SELECT 1 AS ok').get() !== undefined;
  } catch {
    return false;
  }
}

/** Whether a database file is sound and has the portal's schema (a usable backup). */
export function checkPortalDatabase(db: Db): { integrity: string; isPortal: boolean } {
  const integrity = String(db.pragma('integrity_check', { simple: true }));
  const isPortal = db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_migrations'").pluck().get() === 1;
  return { integrity, isPortal };
}
