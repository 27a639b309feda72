// PostgreSQL for the tests: one throwaway server per test process (scripts/throwaway-postgres.ts),
// started on first use, or the server TEST_POSTGRES_URL names (a URL whose user may create
// databases). A template database is migrated once; each fresh database is a copy of it.
import pg from 'pg';
import { POSTGRES_INSTALL_HINT, findPostgresBin, startThrowawayPostgres } from '../../scripts/throwaway-postgres.js';
import { openPostgresStorage, type PostgresOptions } from '../../src/storage/postgres/open-postgres.js';

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export function postgresUnavailable(): string | undefined {
  if (process.env.TEST_POSTGRES_URL || findPostgresBin()) return undefined;
  return `PostgreSQL is not installed (${POSTGRES_INSTALL_HINT}); its tests are skipped`;
}

interface Server {
  url(database: string): string;
}

let server: Promise<Server> | undefined;
let template: Promise<string> | undefined;
let counter = 0;

function testServer(): Promise<Server> {
  server ??= (async () => {
    const configured = process.env.TEST_POSTGRES_URL;
    if (configured) {
      return {
        url(database: string) {
          const url = new URL(configured);
          url.pathname = `/${database}`;
          return url.toString();
        },
      };
    }
    const started = await startThrowawayPostgres();
    return started;
  })();
  return server;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: (await testServer()).url('postgres') });
  client.on('error', () => undefined); // a connection ended by the server's shutdown at exit
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The name of a migrated template database (made once per test process). */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const name = `portal_template_${process.pid}`;
    await admin(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
      await client.query(`CREATE DATABASE ${name}`);
    });
    const { storage } = await openPostgresStorage((await testServer()).url(name));
    await storage.close();
    return name;
  })();
  return template;
}

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new database holding only what the migrations put there. */
export async function freshPostgresDatabase(): Promise<FreshDatabase> {
  const source = await migratedTemplate();
  counter += 1;
  const name = `portal_test_${process.pid}_${counter}`;
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${source}`));
  const url = (await testServer()).url(name);
  return {
    url,
    async drop() {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A fresh migrated database and the storage opened on it. */
export async function openFreshPostgresStorage(options: PostgresOptions = {}) {
  const database = await freshPostgresDatabase();
  const { storage } = await openPostgresStorage(database.url, { changePollMs: 200, ...options });
  return { storage, database };
}
