// Starting the portal: configuration -> database -> migrations -> demo content -> app ->
// listen, and a graceful shutdown (SIGTERM/SIGINT: stop accepting, finish the requests in
// flight, write pending view counts, close the database, exit). src/server.ts runs it with
// the process environment; the tests run the same code in a child process with a known
// captcha text, injected through the app factory (there is no bypass in the environment).
import cluster from 'node:cluster';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp, type AppDeps, type Portal } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { seedDemoContentIfEmpty } from './content/seed.js';
import { openStorage } from './storage/open-storage.js';
import { StorageOpenError, type Storage } from './storage/storage.js';
import { ensureFirstAdmin, type FirstAdminResult } from './services/first-admin.js';
import { readableLog } from './readable-log.js';
import { loadOrCreateSessionSecret } from './session-secret.js';

const SHUTDOWN_TIMEOUT_MS = 10_000;
const STALLED_CLIENT_GRACE_MS = 5_000;
const SESSION_PRUNE_INTERVAL_MS = 15 * 60_000; // expired sessions and captcha challenges

/** What a caller may pass to createApp beyond the configuration (tests only). */
export type ServerOverrides = Pick<AppDeps, 'captchaText' | 'viewFlushIntervalMs' | 'captchaRequestsPerMinute'>;

export interface RunningServer {
  config: Config;
  storage: Storage;
  portal: Portal;
  server: Server;
  /** the port actually listened on (PORT=0 picks a free one) */
  port: number;
}

interface Prepared {
  config: Config;
  storage: Storage;
  portal: Portal;
  /** shown once the portal listens, last, so that it is not lost among other start-up lines */
  firstAdmin: FirstAdminResult;
  /** which database, for the start-up line */
  description: string;
}

/** Opens and migrates the storage, builds the app, adds demo content and the first admin. */
async function prepare(env: Record<string, string | undefined>, overrides: ServerOverrides): Promise<Prepared> {
  const config = loadConfig(env);
  // JSON lines for a log collector in production; a line a person can read in development
  const logger = config.isProduction ? pino({ level: config.logLevel }) : pino({ level: config.logLevel }, readableLog(process.stdout));
  const { storage, appliedMigrations, description } = await openStorage(config, {
    onListenerState: (state, error) =>
      state === 'lost'
        ? logger.warn({ err: error }, 'database: change listener lost its connection; polling until it is back')
        : logger.info('database: change listener connected'),
  });
  if (appliedMigrations.length > 0) console.log(`database: applied migrations ${appliedMigrations.join(', ')}`);

  const sessionSecret = config.sessionSecret ?? loadOrCreateSessionSecret(config.databasePath);
  const portal = createApp({ config, storage, sessionSecret, logger, ...overrides });
  if (await seedDemoContentIfEmpty(storage.transaction, Date.now())) {
    console.log('database: empty, demo content added');
  }
  const firstAdmin = await ensureFirstAdmin(storage, config.adminPassword, Date.now());
  return { config, storage, portal, firstAdmin, description };
}

/** The first admin's log-in, framed so that it stands out in the terminal. */
function announceFirstAdmin(admin: FirstAdminResult, loginUrl: string): void {
  if (admin.generatedPassword) {
    const rule = '─'.repeat(64);
    console.log(
      `\n${rule}\nFirst admin account created. Log in at ${loginUrl} as\n  user name: admin\n  password:  ${admin.generatedPassword}\n` +
        `This password is shown only this once: note it now, then change it (我的账户 in /admin).\n${rule}\n`,
    );
  } else if (admin.created) {
    console.log('First admin account "admin" created with the password from ADMIN_PASSWORD.');
  }
}

/** Starts the portal and installs the shutdown handlers; resolves once it listens. */
export async function startServer(env: Record<string, string | undefined>, overrides: ServerOverrides = {}): Promise<RunningServer> {
  const { config, storage, portal, firstAdmin, description } = await prepare(env, overrides);
  portal.start();
  const pruneTimer = setInterval(() => {
    portal.sessionStore.prune().catch(console.error);
    portal.captchas.deleteExpired().catch(console.error);
  }, SESSION_PRUNE_INTERVAL_MS);
  pruneTimer.unref();

  const server: Server = await new Promise((resolve) => {
    const listening = portal.listen(config.port, config.host, () => resolve(listening));
    listening.on('error', (err) => {
      console.error(`cannot listen on ${config.host}:${config.port}: ${err.message}`);
      process.exit(1);
    });
  });
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${signal}: shutting down`);
    // Requests in flight get a few seconds to finish; a client that stalls mid-request
    // (a slow upload, an attacker) is then cut off, so the counts are still written in time.
    const cutStalled = setTimeout(() => server.closeAllConnections(), STALLED_CLIENT_GRACE_MS);
    cutStalled.unref();
    const forced = setTimeout(() => {
      console.error('shutdown took too long, exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    forced.unref();
    server.close(async () => {
      try {
        await portal.stop(); // writes pending view counts
        await storage.close();
        process.exit(0);
      } catch (err) {
        console.error('shutdown failed:', err);
        process.exit(1);
      }
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  // Printed only once the handlers are in place: whoever waits for this line (a supervisor, a
  // test) may send SIGTERM at once and still get a graceful shutdown.
  const { port } = server.address() as AddressInfo;
  console.log(`news portal listening on http://${config.host}:${port} (${config.nodeEnv}, database ${description})`);
  announceFirstAdmin(firstAdmin, `http://${config.host}:${port}/admin/login`);

  return { config, storage, portal, server, port };
}

/**
 * The entry scripts' start: one process, or with WORKERS=N a cluster primary that prepares
 * the database once (migrations, demo content, the first admin's password) and then runs N
 * worker processes sharing the port and the database file. Each worker has its own page
 * cache; the change feed in the database keeps them all current. A worker that dies is
 * replaced; SIGTERM/SIGINT stop every worker gracefully. A start-up failure is printed plainly
 * and exits 1.
 */
export function runServer(env: Record<string, string | undefined>, overrides: ServerOverrides = {}): void {
  const start = async () => {
    const workers = loadConfig(env).workers;
    if (workers > 1 && cluster.isPrimary) return runPrimary(env, workers);
    await startServer(env, overrides);
  };
  start().catch((err: unknown) => {
    if (err instanceof ConfigError || err instanceof StorageOpenError) {
      console.error(`Cannot start: ${err.message}`);
    } else {
      console.error('Cannot start:', err);
    }
    process.exit(1);
  });
}

async function runPrimary(env: Record<string, string | undefined>, workers: number): Promise<void> {
  const { config, storage, portal, firstAdmin } = await prepare(env, {});
  await portal.stop();
  await storage.close();

  let stopping = false;
  const fork = () => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    setTimeout(fork, 1000).unref(); // not a tight loop if workers keep failing at start
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping ${workers} workers`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS + 1000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  for (let i = 0; i < workers; i += 1) fork();
  console.log(`cluster: ${workers} worker processes`);
  announceFirstAdmin(firstAdmin, `http://${config.host}:${config.port}/admin/login`);
}
