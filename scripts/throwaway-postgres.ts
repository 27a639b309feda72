// A throwaway PostgreSQL server for tests, the multi-process check and the benchmark: Debian's
// postgresql binaries, a fresh cluster in a temporary folder, reachable only on a unix socket
// in that folder, fsync off (nothing in it is meant to survive). Started as the `postgres`
// user when run as root (initdb refuses root), as the current user otherwise.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ThrowawayPostgres {
  /** the folder holding the socket: pg's `host` */
  readonly socketDir: string;
  /** a connection URL for a database of this server (postgres:// with the socket as host) */
  url(database: string): string;
  /** Shuts the server down (its data kept), runs `whileDown`, then starts it again. */
  outage(whileDown: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export const POSTGRES_INSTALL_HINT = 'apt-get install -y postgresql';

/** The folder of Debian's PostgreSQL binaries (POSTGRES_BIN, or the newest /usr/lib/postgresql/N/bin). */
export function findPostgresBin(): string | undefined {
  const configured = process.env.POSTGRES_BIN;
  if (configured) return fs.existsSync(path.join(configured, 'initdb')) ? configured : undefined;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb'))) return bin;
  }
  return undefined;
}

/** Run as root, the server runs as the `postgres` user (initdb refuses root); spawned as it directly, so signals reach it. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export async function startThrowawayPostgres(options: { bin?: string } = {}): Promise<ThrowawayPostgres> {
  const bin = options.bin ?? findPostgresBin();
  if (!bin) throw new Error(`PostgreSQL is not installed: ${POSTGRES_INSTALL_HINT}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-pg-'));
  const dataDir = path.join(dir, 'data');
  const user = serverUser();
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const asUser = user ? { uid: user.uid, gid: user.gid, env: { ...process.env, HOME: dir } } : {};
  execFileSync(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], {
    stdio: 'ignore',
    ...asUser,
  });

  const serverArgs = [
    '-D',
    dataDir,
    '-k',
    dir,
    '-c',
    'listen_addresses=',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=300',
    '-c',
    'shared_buffers=64MB',
  ];
  let log = '';
  let server: ChildProcess;
  let exited: Promise<void>;
  const launch = async () => {
    server = spawn(path.join(bin, 'postgres'), serverArgs, { stdio: ['ignore', 'ignore', 'pipe'], ...asUser });
    // The server does not keep this process alive: when it exits, the exit handler below stops it.
    server.unref();
    (server.stderr as unknown as { unref?: () => void } | null)?.unref?.();
    server.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
    const child = server;
    exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await waitForSocket(dir, server, () => log);
  };
  const shutDown = async () => {
    if (server.exitCode !== null) return;
    server.ref(); // wait for it, though it does not keep the process alive otherwise
    server.kill('SIGINT'); // fast shutdown: connections are ended, the data stays
    await exited;
  };
  // Immediate shutdown (the postmaster ends its backends too), then the folder goes.
  const stopOnExit = () => {
    server.kill('SIGQUIT');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopOnExit);

  await launch();
  return {
    socketDir: dir,
    url: (database) => `postgres://postgres@${encodeURIComponent(dir)}/${database}`,
    async outage(whileDown) {
      await shutDown();
      try {
        await whileDown();
      } finally {
        await launch();
      }
    },
    async stop() {
      process.removeListener('exit', stopOnExit);
      await shutDown();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForSocket(dir: string, server: ChildProcess, log: () => string): Promise<void> {
  const socket = path.join(dir, '.s.PGSQL.5432');
  const deadline = Date.now() + 30_000;
  while (!fs.existsSync(socket)) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL did not start:\n${log()}`);
    if (Date.now() > deadline) throw new Error(`PostgreSQL did not start within 30 s:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // The socket appears just before the server accepts connections.
  await new Promise((resolve) => setTimeout(resolve, 100));
}
