// The real entry point (src/server.ts) in a child process: first start, the printed admin
// password, graceful shutdown that flushes view counts, and clear start-up errors.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../../src/paths.js';
import { withDatabase } from '../support/server-process.js';
import { makeTempDir } from '../support/test-app.js';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** settles on the chunk of output that makes it match; rejects if the process ends first, or after 20 s */
  printed(expected: RegExp, what: string): Promise<void>;
}

function startServer(env: Record<string, string>): Started {
  let output = '';
  let ended = false;
  const watchers = new Set<() => void>();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src/server.ts')], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output += String(chunk);
    for (const check of [...watchers]) check();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  // 'close', not 'exit': by then everything the process wrote is in output()
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      ended = true;
      for (const check of [...watchers]) check();
      resolve(code);
    }),
  );
  const printed = (expected: RegExp, what: string) =>
    new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        watchers.delete(check);
        clearTimeout(giveUp);
        if (error) reject(error);
        else resolve();
      };
      const check = () => {
        if (expected.test(output)) done();
        else if (ended) done(new Error(`the server ended before ${what}:\n${output}`));
      };
      const giveUp = setTimeout(() => done(new Error(`timed out waiting for ${what}:\n${output}`)), 20_000);
      watchers.add(check);
      check();
    });
  return { child, output: () => output, exited, printed };
}

/** The port in the line the server prints once it listens (PORT=0: a free one). */
function portOf(started: Started): number {
  return Number(/listening on http:\/\/[^\s:]+:(\d+)/.exec(started.output())![1]);
}

function storedViews(dbFile: string, articleId: number): number {
  return withDatabase(dbFile, (db) => db.prepare('SELECT views FROM articles WHERE id = ?').pluck().get(articleId) as number);
}

describe('server start-up', () => {
  it('seeds demo content, prints the admin password once, and flushes views on SIGTERM', async () => {
    const dir = makeTempDir();
    const dbFile = path.join(dir, 'data', 'portal.db');
    const first = startServer({ DATABASE_PATH: dbFile, PORT: '0' });
    // the password comes last, framed, once the portal listens
    await first.printed(/listening on[\s\S]*password:\s+\S+\n/, 'the server to listen and print the password');
    assert.match(first.output(), /demo content added/);
    const password = /password:\s+(\S+)/.exec(first.output())?.[1];
    assert.ok(password && password.length >= 16, 'a generated password is printed');
    assert.ok(fs.existsSync(path.join(dir, 'data', 'session-secret')), 'a session secret is kept in the data folder');

    const response = await fetch(`http://127.0.0.1:${portOf(first)}/article/1`, {
      headers: { 'user-agent': 'Mozilla/5.0 Chrome/130 test' },
    });
    assert.equal(response.status, 200);
    const before = storedViews(dbFile, 1);
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    const after = storedViews(dbFile, 1);
    assert.equal(after, before + 1, 'the pending read was written at shutdown');

    const second = startServer({ DATABASE_PATH: dbFile, PORT: '0' });
    await second.printed(/listening on/, 'the second start');
    assert.doesNotMatch(second.output(), /password:|demo content added/, 'no second seed, no second password');
    // an answer: its start-up has run to the end, the SIGTERM handler included
    const health = await fetch(`http://127.0.0.1:${portOf(second)}/healthz`);
    assert.equal(health.status, 200);
    await health.arrayBuffer();
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
