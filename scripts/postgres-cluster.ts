// npm run try:postgres-cluster: the portal as several processes over one PostgreSQL, on this
// machine: a throwaway PostgreSQL server (temporary folder, unix socket), three portal
// processes on ports 3101-3103 and a round-robin proxy in front. Ctrl-C stops everything and
// removes the temporary folder. PORTAL_PROCESSES=N runs N processes instead of three.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startRoundRobinProxy } from './round-robin-proxy.js';
import { startThrowawayPostgres } from './throwaway-postgres.js';

const count = Number(process.env.PORTAL_PROCESSES ?? 3);
const projectRoot = path.resolve(import.meta.dirname, '..');

const postgres = await startThrowawayPostgres();
const admin = new pg.Client({ connectionString: postgres.url('postgres') });
await admin.connect();
await admin.query('CREATE DATABASE portal');
await admin.end();

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-cluster-data-'));
const env = {
  ...process.env,
  DATABASE_URL: postgres.url('portal'),
  DATABASE_PATH: path.join(dataDir, 'portal.db'), // only its folder is used: uploads/
  SESSION_SECRET: crypto.randomBytes(32).toString('base64url'),
  TRUST_PROXY: 'loopback',
  LOG_LEVEL: 'warn',
};
const ports = Array.from({ length: count }, (_, i) => 3101 + i);
const children: ChildProcess[] = ports.map((port) =>
  spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    env: { ...env, PORT: String(port) },
    stdio: 'inherit',
  }),
);
await Promise.all(ports.map((port) => waitForHealth(`http://127.0.0.1:${port}/healthz`)));
const proxy = await startRoundRobinProxy(ports.map((port) => `http://127.0.0.1:${port}`));
console.log(`\n${count} portal processes over one PostgreSQL, behind ${proxy.baseUrl} (round robin). Ctrl-C stops all.\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await proxy.close();
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined)));
  await postgres.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if ((await fetch(url).catch(() => undefined))?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within 2 minutes`);
}
