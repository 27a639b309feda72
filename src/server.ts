// Entry point: configuration -> database -> migrations -> demo content -> app -> listen,
// and a graceful shutdown. The only module that reads the environment or listens.
import type { Server } from 'node:http';
import { pino } from 'pino';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseOpenError, openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { seedDemoContentIfEmpty } from './db/seed.js';
import { ensureSearchIndex } from './repositories/search-repository.js';
import { ensureFirstAdmin } from './services/first-admin.js';
import { loadOrCreateSessionSecret } from './session-secret.js';

const SHUTDOWN_TIMEOUT_MS = 10_000;
const SESSION_PRUNE_INTERVAL_MS = 15 * 60_000; // expired sessions and captcha challenges

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const db = openDatabase(config.databasePath);
  const applied = migrate(db);
  if (applied.length > 0) console.log(`database: applied migrations ${applied.join(', ')}`);
  ensureSearchIndex(db); // indexes articles written before the search index existed

  const sessionSecret = config.sessionSecret ?? loadOrCreateSessionSecret(config.databasePath);
  const logger = pino({ level: config.logLevel });
  const portal = createApp({ config, db, sessionSecret, logger });
  if (await seedDemoContentIfEmpty(db, portal.repositories, Date.now())) {
    console.log('database: empty, demo content added');
  }
  const admin = await ensureFirstAdmin(portal.repositories.users, config.adminPassword, Date.now());
  if (admin.generatedPassword) {
    console.log(
      `\nFirst admin account created. Log in at /admin/login as\n  user name: admin\n  password:  ${admin.generatedPassword}\n` +
        'This password is shown only this once: note it now, then change it.\n',
    );
  } else if (admin.created) {
    console.log('First admin account "admin" created with the password from ADMIN_PASSWORD.');
  }

  portal.start();
  const pruneTimer = setInterval(() => {
    portal.sessionStore.prune().catch(console.error);
    portal.captchas.deleteExpired().catch(console.error);
  }, SESSION_PRUNE_INTERVAL_MS);
  pruneTimer.unref();

  const server: Server = portal.app.listen(config.port, config.host, () => {
    console.log(`news portal listening on http://${config.host}:${config.port} (${config.nodeEnv}, database ${config.databasePath})`);
  });
  server.on('error', (err) => {
    console.error(`cannot listen on ${config.host}:${config.port}: ${err.message}`);
    process.exit(1);
  });

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${signal}: shutting down`);
    const forced = setTimeout(() => {
      console.error('shutdown took too long, exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    forced.unref();
    server.close(async () => {
      try {
        await portal.stop(); // writes pending view counts
        db.close();
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
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DatabaseOpenError) {
    console.error(`Cannot start: ${err.message}`);
  } else {
    console.error('Cannot start:', err);
  }
  process.exit(1);
});
