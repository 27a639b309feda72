import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeTestDb } from '../../support/fixtures.js';

describe('session repository', () => {
  it('stores, finds, expires and destroys sessions', async () => {
    const t = makeTestDb();
    const { sessions } = t.repositories;
    await sessions.save('a', '{"x":1}', 2000, null);
    await sessions.save('b', '{"y":2}', 500, 7);
    assert.equal(await sessions.find('a', 1000), '{"x":1}');
    assert.equal(await sessions.find('b', 1000), undefined, 'expired sessions are not returned');
    await sessions.save('a', '{"x":2}', 3000, 7);
    assert.equal(await sessions.find('a', 2500), '{"x":2}');
    await sessions.touch('a', 5000);
    assert.equal(await sessions.find('a', 4000), '{"x":2}');
    assert.equal(await sessions.deleteExpired(1000), 1);
    await sessions.save('c', '{}', 9000, 7);
    await sessions.save('d', '{}', 9000, 7);
    await sessions.save('e', '{}', 9000, 8);
    assert.equal(await sessions.deleteForUser(7, 'c'), 2, "user 7's other sessions end");
    assert.equal(await sessions.find('c', 0), '{}');
    assert.equal(await sessions.find('e', 0), '{}');
    await sessions.destroy('a');
    assert.equal(await sessions.find('a', 0), undefined);
    await t.close();
  });
});
