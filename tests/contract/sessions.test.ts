// SessionRepository: stored session JSON, found only until it expires; save replaces, touch
// moves the expiry, destroy ends one session, deleteExpired clears the expired, and
// deleteForUser ends every session of a user but the one making the change.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachBackend } from './backends.js';
import { freshStorage } from './support.js';

forEachBackend('session repository', (open) => {
  const s = freshStorage(open);

  it('stores, finds, expires and destroys sessions', async () => {
    const { write } = s;
    await write(async (tx) => {
      await tx.sessions.save('a', '{"x":1}', 2000, null);
      await tx.sessions.save('b', '{"y":2}', 500, 7);
    });
    assert.equal(await s.read.sessions.find('a', 1000), '{"x":1}');
    assert.equal(await s.read.sessions.find('b', 1000), undefined, 'expired sessions are not returned');
    await write((tx) => tx.sessions.save('a', '{"x":2}', 3000, 7));
    assert.equal(await s.read.sessions.find('a', 2500), '{"x":2}', 'a save replaces the data and the expiry');
    await write((tx) => tx.sessions.touch('a', 5000));
    assert.equal(await s.read.sessions.find('a', 4000), '{"x":2}');
    assert.equal(await write((tx) => tx.sessions.deleteExpired(1000)), 1);
    assert.equal(await s.read.sessions.find('b', 0), undefined, 'the expired one is gone');
    await write(async (tx) => {
      await tx.sessions.save('c', '{}', 9000, 7);
      await tx.sessions.save('d', '{}', 9000, 7);
      await tx.sessions.save('e', '{}', 9000, 8);
    });
    assert.equal(await write((tx) => tx.sessions.deleteForUser(7, 'c')), 2, "user 7's other sessions end");
    assert.equal(await s.read.sessions.find('a', 0), undefined);
    assert.equal(await s.read.sessions.find('d', 0), undefined);
    assert.equal(await s.read.sessions.find('c', 0), '{}');
    assert.equal(await s.read.sessions.find('e', 0), '{}');
    await write((tx) => tx.sessions.destroy('c'));
    assert.equal(await s.read.sessions.find('c', 0), undefined);
  });

  it('treats a session as expired from the instant of its expiry', async () => {
    await s.write(async (tx) => {
      await tx.sessions.save('a', '{}', 1000, null);
      await tx.sessions.save('b', '{}', 1001, null);
    });
    assert.equal(await s.read.sessions.find('a', 999), '{}');
    assert.equal(await s.read.sessions.find('a', 1000), undefined);
    assert.equal(await s.write((tx) => tx.sessions.deleteExpired(1000)), 1);
    assert.equal(await s.read.sessions.find('b', 1000), '{}');
  });

  it('touches and destroys nothing when the session does not exist', async () => {
    await s.write(async (tx) => {
      await tx.sessions.save('a', '{}', 1000, null);
      await tx.sessions.touch('missing', 9000);
      await tx.sessions.destroy('missing');
    });
    assert.equal(await s.read.sessions.find('missing', 0), undefined, 'touch does not create');
    assert.equal(await s.read.sessions.find('a', 0), '{}');
  });

  it("ends every session of a user when none is kept, and no one else's", async () => {
    await s.write(async (tx) => {
      await tx.sessions.save('a', '{}', 9000, 7);
      await tx.sessions.save('b', '{}', 9000, 7);
      await tx.sessions.save('anonymous', '{}', 9000, null);
      await tx.sessions.save('other', '{}', 9000, 8);
    });
    assert.equal(await s.write((tx) => tx.sessions.deleteForUser(7)), 2);
    assert.equal(await s.read.sessions.find('a', 0), undefined);
    assert.equal(await s.read.sessions.find('b', 0), undefined);
    assert.equal(await s.read.sessions.find('anonymous', 0), '{}');
    assert.equal(await s.read.sessions.find('other', 0), '{}');
    assert.equal(await s.write((tx) => tx.sessions.deleteForUser(7)), 0);
  });

  it('moves a session to another user when it is saved again (log-in, log-out)', async () => {
    await s.write((tx) => tx.sessions.save('a', '{}', 9000, 7));
    await s.write((tx) => tx.sessions.save('a', '{"user":8}', 9000, 8));
    assert.equal(await s.write((tx) => tx.sessions.deleteForUser(7)), 0);
    await s.write((tx) => tx.sessions.save('a', '{}', 9000, null));
    assert.equal(await s.write((tx) => tx.sessions.deleteForUser(8)), 0, 'logged out: no longer the user');
    assert.equal(await s.read.sessions.find('a', 0), '{}');
  });
});
