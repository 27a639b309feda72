import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { pino } from 'pino';
import { createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { openSqliteStorage } from '../../../src/storage/sqlite/sqlite-storage.js';
import { networkOf } from '../../../src/services/network.js';
import { makeTempDir } from '../../support/test-app.js';

describe('request log', () => {
  it('keeps only the network of an address', () => {
    assert.equal(networkOf('203.0.113.77'), '203.0.113.0/24');
    assert.equal(networkOf('::ffff:198.51.100.9'), '198.51.100.0/24');
    assert.equal(networkOf('2001:db8:85a3:8d3:1319:8a2e:370:7348'), '2001:db8:85a3::/48');
    assert.equal(networkOf('::1'), '0:0:0::/48');
    assert.equal(networkOf('2001:db8::1'), '2001:db8:0::/48');
    assert.equal(networkOf(''), 'unknown');
  });

  it('logs method, path, status and time, never the query string, cookies or full address', async () => {
    const lines: string[] = [];
    // the request's line is written when the answer has finished: the sink says when it comes
    let requestLogged!: (line: string) => void;
    const requestLine = new Promise<string>((resolve) => (requestLogged = resolve));
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        const line = String(chunk);
        lines.push(line);
        if (line.includes('"request"')) requestLogged(line);
        done();
      },
    });
    const dir = makeTempDir();
    const { storage } = openSqliteStorage(path.join(dir, 'p.db'));
    const portal = createApp({ config: loadConfig({}), storage, sessionSecret: 's'.repeat(40), logger: pino({ level: 'info' }, sink) });
    const server = portal.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as { port: number };
    await (
      await fetch(`http://127.0.0.1:${port}/search?q=secret-term&token=abc`, { headers: { cookie: 'portal.sid=s%3Aprivate' } })
    ).text();
    const entry = JSON.parse(await requestLine) as Record<string, unknown>;
    await new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });
    await storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(entry.method, 'GET');
    assert.equal(entry.path, '/search');
    assert.equal(entry.status, 200);
    assert.equal(typeof entry.ms, 'number');
    assert.equal(entry.net, '127.0.0.0/24');
    assert.doesNotMatch(lines.join(''), /secret-term|abc|private|127\.0\.0\.1/);
  });
});
