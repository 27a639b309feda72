// npm run backup -- <file>
// A consistent copy of the SQLite database at DATABASE_PATH, taken online while the site keeps
// serving (SQLite only; a PostgreSQL site uses pg_dump).
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { backupDatabase } from '../storage/sqlite/backup.js';

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target || target.startsWith('-')) {
    console.error('usage: npm run backup -- <backup-file>');
    process.exit(2);
  }
  const config = loadConfig(process.env);
  if (!fs.existsSync(config.databasePath)) {
    console.error(`backup: no database at ${config.databasePath} (DATABASE_PATH)`);
    process.exit(1);
  }
  if (fs.existsSync(target)) {
    console.error(`backup: ${target} exists already; choose a new file name`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const started = Date.now();
  let lastPercent = -1;
  const pages = await backupDatabase(config.databasePath, target, ({ copiedPages, totalPages }) => {
    const percent = totalPages === 0 ? 100 : Math.floor((copiedPages / totalPages) * 100);
    if (percent === lastPercent) return;
    lastPercent = percent;
    process.stderr.write(`\rbackup: ${copiedPages}/${totalPages} pages (${percent}%)`);
  });
  process.stderr.write(`\rbackup: ${pages}/${pages} pages (100%)\n`);
  const bytes = fs.statSync(target).size;
  console.log(`backup: wrote ${target} (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const uploads = path.join(path.dirname(path.resolve(config.databasePath)), 'uploads');
  if (fs.existsSync(uploads)) console.log(`backup: uploaded images are files in ${uploads}; copy that folder too (e.g. cp -r).`);
}

main().catch((err: unknown) => {
  console.error('backup failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
