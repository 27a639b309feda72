// npm run restore -- <backup-file>
// Replaces the SQLite database at DATABASE_PATH with a backup, after checking the backup's
// integrity (SQLite only). Stop the server first. The database being replaced is kept as
// <file>.before-restore-<time>.
import fs from 'node:fs';
import { loadConfig } from '../config.js';
import { restoreDatabase } from '../storage/sqlite/backup.js';

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
  const outcome = await restoreDatabase(config.databasePath, source, new Date());
  if (outcome.kind === 'unsound') {
    console.error(`restore: ${source} is not a sound portal backup (integrity: ${outcome.integrity}, portal schema: ${outcome.isPortal})`);
    process.exit(1);
  }
  if (outcome.keptAs) console.log(`restore: the current database was saved as ${outcome.keptAs}`);
  console.log(`restore: ${config.databasePath} now holds the backup ${source}`);
}

main().catch((err: unknown) => {
  console.error('restore failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
