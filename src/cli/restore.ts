// npm run restore -- <backup-file>
// Replaces the database at DATABASE_PATH with a backup, after checking the backup's integrity.
// Stop the server first. The database being replaced is kept as <file>.before-restore-<time>.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { loadConfig } from '../config.js';
import { checkPortalDatabase } from '../db/health.js';

async function main(): Promise<void> {
  const source = process.argv[2];
  if (!source || source.startsWith('-')) {
    console.error('usage: npm run restore -- <backup-file>   (stop the server first)');
    process.exit(2);
  }
  if (!fs.existsSync(source)) {
    console.error(`restore: no such file ${source}`);
    process.exit(1);
  }
  const config = loadConfig(process.env);
  const backup = new Database(source, { fileMustExist: true });
  const { integrity, isPortal } = checkPortalDatabase(backup);
  if (integrity !== 'ok' || !isPortal) {
    console.error(`restore: ${source} is not a sound portal backup (integrity: ${integrity}, portal schema: ${isPortal})`);
    process.exit(1);
  }
  if (fs.existsSync(config.databasePath)) {
    const kept = `${config.databasePath}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const current = new Database(config.databasePath, { fileMustExist: true });
    await current.backup(kept);
    current.close();
    console.log(`restore: the current database was saved as ${kept}`);
  }
  await backup.backup(config.databasePath);
  backup.close();
  console.log(`restore: ${config.databasePath} now holds the backup ${source}`);
}

main().catch((err: unknown) => {
  console.error('restore failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
