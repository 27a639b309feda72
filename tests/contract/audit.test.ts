// AuditRepository: an append-only log, read newest first with paging, and counted. An entry
// outlives the account that made it (its user id then reads null; the name stays).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AuditEntry } from '../../src/repositories/audit-repository.js';
import { forEachBackend } from './backends.js';
import { addUser, freshStorage, NOW } from './support.js';

function entry(action: string, userId: number | null, createdAt = NOW): Omit<AuditEntry, 'id'> {
  return { userId, username: 'zhang', action, entityType: 'article', entityId: '42', summary: `${action} 摘要`, createdAt };
}

forEachBackend('audit repository', (open) => {
  const s = freshStorage(open);

  it('appends entries and lists them newest first, every field kept', async () => {
    const user = await s.write((tx) => addUser(tx, 'zhang'));
    await s.write(async (tx) => {
      await tx.audit.append(entry('article.create', user, NOW));
      await tx.audit.append(entry('article.update', null, NOW + 1000));
    });
    const [latest, first] = await s.read.audit.listRecent(10);
    assert.deepEqual({ ...latest, id: 0 }, { id: 0, ...entry('article.update', null, NOW + 1000) });
    assert.deepEqual({ ...first, id: 0 }, { id: 0, ...entry('article.create', user, NOW) });
    assert.ok(latest!.id > first!.id, 'ids grow with each entry');
  });

  it('lists entries of the same instant in the order they were appended, latest first', async () => {
    await s.write(async (tx) => {
      for (const action of ['a', 'b', 'c']) await tx.audit.append(entry(action, null));
    });
    assert.deepEqual(
      (await s.read.audit.listRecent(10)).map((e) => e.action),
      ['c', 'b', 'a'],
    );
  });

  it('pages through the log and counts it', async () => {
    assert.equal(await s.read.audit.count(), 0);
    assert.deepEqual(await s.read.audit.listRecent(10), []);
    await s.write(async (tx) => {
      for (let i = 1; i <= 5; i += 1) await tx.audit.append(entry(`action.${i}`, null, NOW + i));
    });
    assert.equal(await s.read.audit.count(), 5);
    const actions = async (limit: number, offset?: number) => (await s.read.audit.listRecent(limit, offset)).map((e) => e.action);
    assert.deepEqual(await actions(2), ['action.5', 'action.4']);
    assert.deepEqual(await actions(2, 2), ['action.3', 'action.2']);
    assert.deepEqual(await actions(2, 4), ['action.1']);
    assert.deepEqual(await actions(2, 5), []);
  });

  it('keeps the entries of a deleted user, with the name and without the id', async () => {
    const user = await s.write((tx) => addUser(tx, 'zhang'));
    await s.write((tx) => tx.audit.append(entry('user.login', user)));
    assert.equal(await s.write((tx) => tx.users.delete(user)), true);
    const [kept] = await s.read.audit.listRecent(1);
    assert.equal(kept?.userId, null);
    assert.equal(kept?.username, 'zhang');
    assert.equal(await s.read.audit.count(), 1);
  });
});
