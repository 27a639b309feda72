// Per-address limits with TRUST_PROXY: a forged X-Forwarded-For that is not an address at all
// (found by the fuzz test) neither escapes the limit nor makes the limiter log errors. And the
// limits are counted in the database: two app instances on one SQLite file (as WORKERS run)
// share each address's count.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openSqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';
import { makeClock, makeTempDir, makeTestApp, TEST_SESSION_SECRET, type TestApp } from '../support/test-app.js';

describe('per-address rate limits behind a trusted proxy', () => {
  let t: TestApp;
  before(async () => {
    t = await makeTestApp({ env: { TRUST_PROXY: 'loopback' } });
  });
  after(() => t.close());

  it('requests whose forwarded address is garbage share one bucket, without errors', async (context) => {
    const logged = context.mock.method(console, 'error', () => {});
    const statuses: number[] = [];
    for (let i = 0; i < 22; i += 1) {
      const forged = i % 2 === 0 ? 'a'.repeat(40 + i) : `not-an-address-${i}`;
      statuses.push((await t.get('/staff?q=%E5%BC%A0', { headers: { 'x-forwarded-for': forged } })).status);
    }
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(200));
    assert.deepEqual(statuses.slice(20), [429, 429], 'the 21st request from unparseable addresses is over the limit of 20 a minute');
    assert.equal(logged.mock.callCount(), 0, 'nothing logged as an error');
    // a real address still has its own bucket
    assert.equal((await t.get('/staff?q=%E5%BC%A0', { headers: { 'x-forwarded-for': '198.51.100.7' } })).status, 200);
  });
});

describe('rate limits counted in the database', () => {
  it('two app instances on one SQLite file share the captcha limit', async () => {
    const dir = makeTempDir();
    const dbFile = path.join(dir, 'portal.db');
    const clock = makeClock();
    // each instance with its own connections to the file, as each of two processes would have
    const instances = [openSqliteStorage(dbFile).storage, openSqliteStorage(dbFile).storage].map((storage) => {
      const portal = createApp({
        config: loadConfig({ DATABASE_PATH: dbFile }),
        storage,
        clock,
        sessionSecret: TEST_SESSION_SECRET,
        captchaRequestsPerMinute: 3,
      });
      return { storage, server: portal.listen(0, '127.0.0.1') };
    });
    try {
      await Promise.all(instances.map(({ server }) => new Promise((resolve) => server.once('listening', resolve))));
      const captcha = async (instance: (typeof instances)[number]) => {
        const { port } = instance.server.address() as AddressInfo;
        const response = await fetch(`http://127.0.0.1:${port}/captcha?purpose=comment`);
        await response.arrayBuffer();
        return response.status;
      };
      const [first, second] = instances as [(typeof instances)[number], (typeof instances)[number]];
      const statuses = [await captcha(first), await captcha(second), await captcha(first), await captcha(second), await captcha(first)];
      assert.deepEqual(statuses, [200, 200, 200, 429, 429], 'three a minute from this address, whichever instance serves them');
      clock.advance(60_000);
      assert.equal(await captcha(second), 200, 'a new minute');
    } finally {
      for (const { server, storage } of instances) {
        await new Promise((resolve) => {
          server.close(resolve);
          server.closeAllConnections();
        });
        await storage.close();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
