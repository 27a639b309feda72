// The real entry point (src/server.ts) in a child process: first start, the printed admin
// password, graceful shutdown that flushes view counts, and clear start-up errors.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { projectRoot } from '../../src/paths.js';
import { makeTempDir } from '../support/test-app.js';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Started {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src/server.ts')], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function storedViews(dbFile: string, articleId: number): number {
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    return db.prepare('SELECT views FROM articles WHERE id = ?').pluck().get(articleId) as number;
  } finally {
    db.close();
  }
}

describe('server start-up', () => {
  it('seeds demo content, prints the admin password once, and flushes views on SIGTERM', async () => {
    const dir = makeTempDir();
    const dbFile = path.join(dir, 'data', 'portal.db');
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const first = startServer({ DATABASE_PATH: dbFile, PORT: port });
    // the password comes last, framed, once the portal listens
    await waitFor(() => /listening on[\s\S]*password:\s+\S+\n/.test(first.output()), 'the server to listen and print the password');
    assert.match(first.output(), /demo content added/);
    const password = /password:\s+(\S+)/.exec(first.output())?.[1];
    assert.ok(password && password.length >= 16, 'a generated password is printed');
    assert.ok(fs.existsSync(path.join(dir, 'data', 'session-secret')), 'a session secret is kept in the data folder');

    const response = await fetch(`http://127.0.0.1:${port}/article/1`, { headers: { 'user-agent': 'Mozilla/5.0 Chrome/130 test' } });
    assert.equal(response.status, 200);
    const before = storedViews(dbFile, 1);
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    const after = storedViews(dbFile, 1);
    assert.equal(after, before + 1, 'the pending read was written at shutdown');

    const second = startServer({ DATABASE_PATH: dbFile, PORT: port });
    await waitFor(() => /listening on/.test(second.output()), 'the second start');
    assert.doesNotMatch(second.output(), /password:|demo content added/, 'no second seed, no second password');
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says clearly when the data folder cannot be used', async () => {
    const dir = makeTempDir();
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, '');
    const started = startServer({ DATABASE_PATH: path.join(blocker, 'portal.db'), PORT: '0' });
    assert.equal(await started.exited, 1);
    assert.match(started.output(), /Cannot start: The data folder .* cannot be created/);
    assert.doesNotMatch(started.output(), /\n\s+at /, 'no stack trace');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses production without SESSION_SECRET', async () => {
    const dir = makeTempDir();
    const started = startServer({ DATABASE_PATH: path.join(dir, 'p.db'), NODE_ENV: 'production', PORT: '0' });
    assert.equal(await started.exited, 1);
    assert.match(started.output(), /SESSION_SECRET is required/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
