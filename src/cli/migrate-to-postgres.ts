// npm run migrate-to-postgres -- <sqlite file>
// Copies a SQLite site (the file, as the portal left it) into the PostgreSQL database that
// DATABASE_URL names: every row with its id, then checks the row counts of both. Safe to run
// again (it replaces what an earlier run copied); refuses a database that holds another site.
// Uploaded images are files: point UPLOADS_DIR at the old uploads folder, or copy it.
import { loadConfig } from '../config.js';
import { importSqliteIntoPostgres } from '../storage/postgres/import-sqlite.js';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || file.startsWith('-')) {
    console.error('usage: DATABASE_URL=postgres://... npm run migrate-to-postgres -- <sqlite file>');
    process.exit(2);
  }
  const config = loadConfig(process.env);
  if (config.databaseUrl === undefined) {
    console.error('migrate-to-postgres: set DATABASE_URL to the PostgreSQL database to copy into');
    process.exit(2);
  }
  const started = Date.now();
  const reports = await importSqliteIntoPostgres(file, config.databaseUrl, (line) => console.log(`migrate-to-postgres: ${line}`));
  const rows = reports.reduce((sum, report) => sum + report.postgres, 0);
  console.log(
    `migrate-to-postgres: ${rows} rows in ${reports.length} tables copied and counted alike in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

main().catch((err: unknown) => {
  console.error(`migrate-to-postgres: ${(err as Error).message}`);
  process.exit(1);
});
