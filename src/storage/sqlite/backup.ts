// SQLite-only tools on the database file itself: an online backup (SQLite's backup API, in
// short steps while the site keeps serving) and a restore that checks the backup first. The
// npm run backup / restore commands are these. A PostgreSQL site uses pg_dump instead.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase } from './database.js';
import { checkPortalDatabase } from './health.js';

export interface BackupProgress {
  copiedPages: number;
  totalPages: number;
}

/** Copies the database at `file` to `target` (which must not exist) while it stays in use. */
export async function backupDatabase(file: string, target: string, onProgress: (progress: BackupProgress) => void): Promise<number> {
  const db = openDatabase(file);
  try {
    const result = await db.backup(target, {
      progress({ totalPages, remainingPages }) {
        onProgress({ copiedPages: totalPages - remainingPages, totalPages });
        return 200; // pages per step: short steps let the site write in between
      },
    });
    return result.totalPages;
  } finally {
    db.close();
  }
}

export type RestoreOutcome = { kind: 'restored'; keptAs?: string } | { kind: 'unsound'; integrity: string; isPortal: boolean };

/**
 * Replaces the database at `file` with the backup at `source` if the backup is sound and has
 * the portal's schema; the database it replaces is kept as <file>.before-restore-<time>.
 * The portal must be stopped.
 */
export async function restoreDatabase(file: string, source: string, now: Date): Promise<RestoreOutcome> {
  const backup = new Database(source, { fileMustExist: true });
  try {
    const { integrity, isPortal } = checkPortalDatabase(backup);
    if (integrity !== 'ok' || !isPortal) return { kind: 'unsound', integrity, isPortal };
    let keptAs: string | undefined;
    if (fs.existsSync(file)) {
      keptAs = `${file}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      const current = new Database(file, { fileMustExist: true });
      await current.backup(keptAs);
      current.close();
    }
    await backup.backup(file);
    return { kind: 'restored', keptAs };
  } finally {
    backup.close();
  }
}
