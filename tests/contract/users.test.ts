// UserRepository: editor and admin accounts — look-ups with the log-in state, lists (the
// summaries never with the password hash), unique user names, profile and password changes,
// failed log-ins that lock the account at a threshold, and deletion.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { User } from '../../src/domain/types.js';
import { forEachBackend } from './backends.js';
import { addUser, freshStorage, MINUTE, NOW } from './support.js';

function account(username: string, role: User['role'] = 'editor'): Omit<User, 'id'> {
  return { username, displayName: `${username} 名`, passwordHash: `hash-of-${username}`, role };
}

forEachBackend('user repository', (open) => {
  const s = freshStorage(open);

  it('creates an account and finds it by id and by user name, with a clean log-in state', async () => {
    const id = await s.write((tx) => tx.users.create(account('zhang', 'admin'), NOW));
    const user = { id, username: 'zhang', displayName: 'zhang 名', passwordHash: 'hash-of-zhang', role: 'admin' };
    assert.deepEqual(await s.read.users.findById(id), user);
    assert.deepEqual(await s.read.users.findByUsername('zhang'), { ...user, failedLogins: 0, lockedUntil: null });
    assert.equal(await s.read.users.findById(id + 1), undefined);
    assert.equal(await s.read.users.findByUsername('li'), undefined);
  });

  it('refuses a second account with the same user name', async () => {
    await s.write((tx) => addUser(tx, 'zhang'));
    await assert.rejects(s.write((tx) => tx.users.create(account('zhang', 'admin'), NOW)));
    assert.equal(await s.read.users.count(), 1);
    assert.equal((await s.read.users.findByUsername('zhang'))?.role, 'editor');
  });

  it('creates an account only when the user name is free', async () => {
    const id = await s.write((tx) => tx.users.createIfUsernameFree(account('zhang'), NOW));
    assert.equal(typeof id, 'number');
    assert.equal((await s.read.users.findByUsername('zhang'))?.id, id);
    assert.equal(
      await s.write((tx) => tx.users.createIfUsernameFree({ ...account('zhang', 'admin'), displayName: '冒名' }, NOW)),
      undefined,
    );
    assert.deepEqual(await s.read.users.findById(id!), { id, ...account('zhang') }, 'the existing account is untouched');
    assert.equal(await s.read.users.count(), 1);
  });

  it('lists and counts accounts in the order they were created, admins counted apart', async () => {
    assert.equal(await s.read.users.count(), 0);
    assert.equal(await s.read.users.countAdmins(), 0);
    const ids = await s.write(async (tx) => [
      await addUser(tx, 'zhang', 'admin'),
      await addUser(tx, 'li', 'editor'),
      await addUser(tx, 'wang', 'admin'),
    ]);
    assert.deepEqual(await s.read.users.listAll(), [
      { id: ids[0], ...account('zhang', 'admin') },
      { id: ids[1], ...account('li', 'editor') },
      { id: ids[2], ...account('wang', 'admin') },
    ]);
    assert.equal(await s.read.users.count(), 3);
    assert.equal(await s.read.users.countAdmins(), 2);
  });

  it('lists summaries without password hashes, with creation time and lock', async () => {
    const [zhang, li] = await s.write(async (tx) => [
      await addUser(tx, 'zhang', 'admin', NOW),
      await addUser(tx, 'li', 'editor', NOW + MINUTE),
    ]);
    await s.write((tx) => tx.users.recordFailedLogin(li!, 1, NOW + 15 * MINUTE));
    const summaries = await s.read.users.listSummaries();
    assert.deepEqual(summaries, [
      { id: zhang, username: 'zhang', displayName: 'zhang 名', role: 'admin', createdAt: NOW, lockedUntil: null },
      { id: li, username: 'li', displayName: 'li 名', role: 'editor', createdAt: NOW + MINUTE, lockedUntil: NOW + 15 * MINUTE },
    ]);
    assert.ok(summaries.every((summary) => !('passwordHash' in summary)));
  });

  it('updates the profile, and the password when one is given; false when there is no such user', async () => {
    const id = await s.write((tx) => addUser(tx, 'zhang'));
    assert.equal(await s.write((tx) => tx.users.update(id, { displayName: '张主编', role: 'admin' })), true);
    assert.deepEqual(await s.read.users.findById(id), {
      id,
      username: 'zhang',
      displayName: '张主编',
      passwordHash: 'hash-of-zhang',
      role: 'admin',
    });
    await s.write((tx) => tx.users.recordFailedLogin(id, 5, NOW));
    assert.equal(await s.write((tx) => tx.users.update(id, { displayName: '张三', role: 'editor', passwordHash: 'new-hash' })), true);
    const after = (await s.read.users.findByUsername('zhang'))!;
    assert.equal(after.passwordHash, 'new-hash');
    assert.equal(after.displayName, '张三');
    assert.equal(after.role, 'editor');
    assert.equal(after.failedLogins, 0, 'a new password clears the failed log-ins');
    assert.equal(await s.write((tx) => tx.users.update(id + 1, { displayName: 'x', role: 'admin', passwordHash: 'x' })), false);
    assert.equal(await s.read.users.countAdmins(), 0);
  });

  it('sets a new password, clearing failed log-ins and the lock; false when there is no such user', async () => {
    const id = await s.write((tx) => addUser(tx, 'zhang'));
    await s.write(async (tx) => {
      await tx.users.recordFailedLogin(id, 2, NOW + MINUTE);
      await tx.users.recordFailedLogin(id, 2, NOW + MINUTE);
    });
    assert.equal((await s.read.users.findByUsername('zhang'))?.lockedUntil, NOW + MINUTE);
    assert.equal(await s.write((tx) => tx.users.setPassword(id, 'fresh-hash')), true);
    assert.deepEqual(await s.read.users.findByUsername('zhang'), {
      id,
      ...account('zhang'),
      passwordHash: 'fresh-hash',
      failedLogins: 0,
      lockedUntil: null,
    });
    assert.equal(await s.write((tx) => tx.users.setPassword(id + 1, 'x')), false);
  });

  it('counts failed log-ins and locks the account once the count reaches the threshold', async () => {
    const id = await s.write((tx) => addUser(tx, 'zhang'));
    const state = async () => {
      const user = (await s.read.users.findByUsername('zhang'))!;
      return [user.failedLogins, user.lockedUntil];
    };
    await s.write((tx) => tx.users.recordFailedLogin(id, 3, NOW + 10 * MINUTE));
    assert.deepEqual(await state(), [1, null]);
    await s.write((tx) => tx.users.recordFailedLogin(id, 3, NOW + 10 * MINUTE));
    assert.deepEqual(await state(), [2, null]);
    await s.write((tx) => tx.users.recordFailedLogin(id, 3, NOW + 10 * MINUTE));
    assert.deepEqual(await state(), [3, NOW + 10 * MINUTE], 'locked at the third');
    await s.write((tx) => tx.users.recordFailedLogin(id, 3, NOW + 20 * MINUTE));
    assert.deepEqual(await state(), [4, NOW + 20 * MINUTE], 'each failure past the threshold extends the lock');
  });

  it('clears failed log-ins and the lock on a successful log-in', async () => {
    const [id, other] = await s.write(async (tx) => [await addUser(tx, 'zhang'), await addUser(tx, 'li')]);
    await s.write(async (tx) => {
      await tx.users.recordFailedLogin(id!, 1, NOW + MINUTE);
      await tx.users.recordFailedLogin(other!, 5, NOW + MINUTE);
    });
    await s.write((tx) => tx.users.recordSuccessfulLogin(id!));
    const zhang = (await s.read.users.findByUsername('zhang'))!;
    assert.deepEqual([zhang.failedLogins, zhang.lockedUntil], [0, null]);
    assert.equal((await s.read.users.findByUsername('li'))?.failedLogins, 1, 'only that account');
  });

  it('deletes an account once', async () => {
    const [id, other] = await s.write(async (tx) => [await addUser(tx, 'zhang', 'admin'), await addUser(tx, 'li')]);
    assert.equal(await s.write((tx) => tx.users.delete(id!)), true);
    assert.equal(await s.read.users.findById(id!), undefined);
    assert.equal(await s.read.users.findByUsername('zhang'), undefined);
    assert.equal(await s.read.users.count(), 1);
    assert.equal(await s.read.users.countAdmins(), 0);
    assert.equal(await s.write((tx) => tx.users.delete(id!)), false);
    assert.equal((await s.read.users.findById(other!))?.username, 'li');
    assert.equal(typeof (await s.write((tx) => tx.users.createIfUsernameFree(account('zhang'), NOW))), 'number', 'the name is free again');
  });
});
