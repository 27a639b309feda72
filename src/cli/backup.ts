// npm run backup -- <file>
// A consistent copy of the database at DATABASE_PATH, taken online with SQLite's backup API
// while the site keeps serving (WAL: readers and the writer are not blocked for long).
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';

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
  const db = openDatabase(config.databasePath);
  const started = Date.now();
  let lastPercent = -1;
  let pages = 0;
  const result = await db.backup(target, {
    progress({ totalPages, remainingPages }) {
      pages = totalPages;
      const percent = totalPages === 0 ? 100 : Math.floor(((totalPages - remainingPages) / totalPages) * 100);
      if (percent !== lastPercent) {
        lastPercent = percent;
        process.stderr.write(`\rbackup: ${totalPages - remainingPages}/${totalPages} pages (${percent}%)`);
      }
      return 200; // pages per step: short steps let the site write in between
    },
  });
  pages = Math.max(pages, result.totalPages);
  process.stderr.write(`\rbackup: ${pages}/${pages} pages (100%)\n`);
  db.close();
  const bytes = fs.statSync(target).size;
  console.log(`backup: wrote ${target} (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const uploads = path.join(path.dirname(path.resolve(config.databasePath)), 'uploads');
  if (fs.existsSync(uploads)) console.log(`backup: uploaded images are files in ${uploads}; copy that folder too (e.g. cp -r).`);
}

main().catch((err: unknown) => {
  console.error('backup failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
