// The real server in a child process (tests/support/server-entry.ts -> src/run-server.ts) on
// a given SQLite file: for durability tests (SIGKILL, SIGTERM, restarts), several processes on
// one database, and fuzzing. The captcha text is injected through the app factory.
//
//   const server = await startServerProcess({ dbFile, captchaText: 'K7PX' });
//   const reader = new ReaderSession(remoteApp(server.baseUrl));
//   ...
//   await server.stop();            // SIGTERM, waits for exit 0 (graceful shutdown)
//   server.kill('SIGKILL');         // or a crash; `await server.exited` for its end
//   await server.waitForOutput(/SIGTERM: shutting down/);   // a line it prints, as it comes
//
// stopServerProcesses() kills (by PID) those still running: call it from an after() hook.
// As a safety net every child is also killed when the test process exits, and exits by
// itself when its stdin pipe closes (the test process died, even by SIGKILL).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { projectRoot } from '../../src/paths.js';
import type { TestApp } from './test-app.js';

export const TEST_SESSION_SECRET = 'server-process-test-secret-0123456789abcdef';
export const TEST_ADMIN_PASSWORD = 'server-process-admin-pw';
const ENTRY = path.join(projectRoot, 'tests', 'support', 'server-entry.ts');
const LISTENING = /news portal listening on (http:\/\/\S+):(\d+)/;

export interface ServerProcessOptions {
  /** the SQLite file (created, migrated and seeded with demo content when new) */
  dbFile: string;
  /** every captcha shows this text (injected through createApp's captchaText) */
  captchaText?: string;
  /** how often the view counter writes (ms); the app's default otherwise */
  viewFlushIntervalMs?: number;
  /** captcha images one address may fetch per minute */
  captchaRequestsPerMinute?: number;
  /** more environment (TRUST_PROXY, NODE_ENV, LOG_LEVEL ...); PORT defaults to 0 (a free port) */
  env?: Record<string, string>;
  /** how long to wait for the server to listen and answer /healthz (default 30 s) */
  startTimeoutMs?: number;
  /**
   * 'auto': once it answers, the site publishes comments at once (a fresh site reviews them
   * first), written to its database (SQLite file or DATABASE_URL) as the admin would, and
   * waited for until this process's comment form no longer says comments are reviewed first.
   */
  commentModeration?: 'auto';
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  baseUrl: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** everything the process wrote to stdout and stderr so far */
  output(): string;
  /**
   * Settles as soon as the output (stdout and stderr together) matches: at once if it already
   * does, else on the chunk of output that makes it match. Rejects if the process ends first,
   * or after `timeoutMs` (default 30 s) of waiting in vain.
   */
  waitForOutput(expected: RegExp | ((output: string) => boolean), timeoutMs?: number): Promise<void>;
  kill(signal: NodeJS.Signals): void;
  /** settles when the process has exited */
  exited: Promise<ExitStatus>;
  hasExited(): boolean;
  /** SIGTERM, then waits for the graceful exit (SIGKILL after `timeoutMs`); resolves with the exit status */
  stop(timeoutMs?: number): Promise<ExitStatus>;
  /** resident memory of the process in kB (VmRSS from /proc/<pid>/status) */
  rssKb(): number;
}

const running = new Set<ServerProcess>();

process.on('exit', () => {
  for (const server of running) {
    try {
      process.kill(server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** Kills (SIGKILL, by PID) every server process started here that is still running, and waits for them. */
/** A 5xx answer in the request log, as JSON (production) or as a readable line (development). */
export const SERVER_ERROR_IN_LOG = /"status":5\d\d|\b(?:GET|HEAD|POST) \S+ 5\d\d\b/;
/** A log entry at level error or worse, in either format. */
export const ERROR_IN_LOG = /"level":[56]0|^\d{2}:\d{2}:\d{2} (?:ERROR|FATAL) /m;

export async function stopServerProcesses(): Promise<void> {
  const left = [...running];
  for (const server of left) server.kill('SIGKILL');
  await Promise.all(left.map((server) => server.exited));
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  let output = '';
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_PATH: options.dbFile,
    SESSION_SECRET: TEST_SESSION_SECRET, // shared by every process on the file, so sessions work across them
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    LOG_LEVEL: 'error', // the request log then shows only 5xx answers
    TEST_EXIT_WITH_PARENT: '1', // the child ends when this process does, however it ends
    ...(options.captchaText !== undefined && { TEST_CAPTCHA_TEXT: options.captchaText }),
    ...(options.viewFlushIntervalMs !== undefined && { TEST_VIEW_FLUSH_MS: String(options.viewFlushIntervalMs) }),
    ...(options.captchaRequestsPerMinute !== undefined && { TEST_CAPTCHA_PER_MINUTE: String(options.captchaRequestsPerMinute) }),
    ...options.env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    cwd: projectRoot,
    env,
    stdio: ['pipe', 'pipe', 'pipe'], // nothing is written to stdin: it closes when this process ends
  });
  if (child.pid === undefined) throw new Error('the server process could not be spawned');
  const pid = child.pid;
  /** checks of waitForOutput() still waiting: run on every chunk of output, and at the end */
  const outputWatchers = new Set<() => void>();
  const collect = (chunk: string) => {
    output += chunk;
    for (const check of [...outputWatchers]) check();
  };
  child.stdout!.setEncoding('utf8').on('data', collect);
  child.stderr!.setEncoding('utf8').on('data', collect);
  let exitStatus: ExitStatus | undefined;
  const exited = new Promise<ExitStatus>((resolve) => {
    // 'close', not 'exit': by then everything the process wrote is in output()
    child.on('close', (code, signal) => {
      exitStatus = { code, signal };
      running.delete(handle);
      for (const check of [...outputWatchers]) check();
      resolve(exitStatus);
    });
  });

  const handle: ServerProcess = {
    baseUrl: '',
    port: 0,
    pid,
    child,
    output: () => output,
    waitForOutput(expected, timeoutMs = 30_000) {
      const matches = typeof expected === 'function' ? expected : (text: string) => expected.test(text);
      return new Promise<void>((resolve, reject) => {
        const done = (error?: Error) => {
          outputWatchers.delete(check);
          clearTimeout(giveUp);
          if (error) reject(error);
          else resolve();
        };
        const check = () => {
          if (matches(output)) done();
          else if (exitStatus)
            done(new Error(`the process ended (${JSON.stringify(exitStatus)}) before printing ${String(expected)}:\n${output}`));
        };
        const giveUp = setTimeout(
          () => done(new Error(`no ${String(expected)} in the output after ${timeoutMs} ms:\n${output}`)),
          timeoutMs,
        );
        outputWatchers.add(check);
        check();
      });
    },
    kill(signal) {
      if (exitStatus) return;
      try {
        process.kill(pid, signal);
      } catch {
        // exited meanwhile
      }
    },
    exited,
    hasExited: () => exitStatus !== undefined,
    async stop(timeoutMs = 12_000) {
      handle.kill('SIGTERM');
      const timer = setTimeout(() => handle.kill('SIGKILL'), timeoutMs);
      const status = await exited;
      clearTimeout(timer);
      return status;
    },
    rssKb() {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
      if (!match) throw new Error(`no VmRSS for process ${pid}`);
      return Number(match[1]);
    },
  };
  running.add(handle);

  try {
    const startTimeoutMs = options.startTimeoutMs ?? 30_000;
    const until = Date.now() + startTimeoutMs;
    await handle.waitForOutput(LISTENING, startTimeoutMs); // the line it prints once it listens
    const match = LISTENING.exec(output)!;
    handle.baseUrl = `${match[1]}:${match[2]}`;
    handle.port = Number(match[2]);
    // It listens, so this normally answers at once; a retry (bounded) only if it does not.
    while (true) {
      const health = await fetch(`${handle.baseUrl}/healthz`).catch(() => undefined);
      await health?.arrayBuffer(); // read to the end: a cancelled body keeps the connection busy
      if (health?.status === 200) break;
      if (exitStatus) throw new Error(`the server exited before /healthz answered:\n${output}`);
      if (Date.now() > until) throw new Error(`/healthz did not answer 200 in time:\n${output}`);
      await sleep(50);
    }
    if (options.commentModeration === 'auto') await publishCommentsAtOnce(handle, options);
  } catch (err) {
    handle.kill('SIGKILL');
    await exited;
    throw err;
  }
  return handle;
}

const SET_AUTO =
  "INSERT INTO settings (key, value) VALUES ('commentModeration', 'auto') ON CONFLICT (key) DO UPDATE SET value = excluded.value";

async function publishCommentsAtOnce(server: ServerProcess, options: ServerProcessOptions): Promise<void> {
  const url = options.env?.DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(SET_AUTO);
    } finally {
      await client.end();
    }
  } else {
    withDatabase(options.dbFile, (db) => db.prepare(SET_AUTO).run(), { readonly: false });
  }
  const home = await (await fetch(`${server.baseUrl}/`)).text();
  const articlePath = /href="(\/article\/\d+)"/.exec(home)?.[1];
  if (!articlePath) throw new Error('no article on the home page');
  const deadline = Date.now() + 10_000;
  while (/class="form-note"/.test(await (await fetch(`${server.baseUrl}${articlePath}/comment-form`)).text())) {
    if (Date.now() > deadline) throw new Error('the server did not take up commentModeration=auto within 10 s');
    await sleep(50);
  }
}

/**
 * A TestApp for a server in another process, for ReaderSession and other helpers that only
 * need its baseUrl: anything else (portal, db, clock ...) throws, since it lives in the child.
 */
export function remoteApp(baseUrl: string): TestApp {
  return new Proxy({} as TestApp, {
    get(_target, property) {
      if (property === 'baseUrl') return baseUrl;
      if (property === 'then') return undefined; // not a thenable
      throw new Error(`${String(property)} is not available for the server at ${baseUrl} (it runs in another process)`);
    },
  });
}

/** Runs fn on a separate connection to the database file (read-only unless told), then closes it. */
export function withDatabase<T>(dbFile: string, fn: (db: Database.Database) => T, { readonly = true } = {}): T {
  const db = new Database(dbFile, { fileMustExist: true, readonly });
  try {
    db.pragma('busy_timeout = 5000');
    return fn(db);
  } finally {
    db.close();
  }
}

/**
 * Waits until `condition` holds, looking every 25 ms; fails after `timeoutMs`. Only for what
 * sends no event to this process (another process's writes to the database file): wait on the
 * event wherever there is one.
 */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > giveUpAt) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
