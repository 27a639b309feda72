// Per-address limits with TRUST_PROXY: a forged X-Forwarded-For that is not an address at all
// (found by the fuzz test) neither escapes the limit nor makes the limiter log errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeTestApp, type TestApp } from '../support/test-app.js';

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
