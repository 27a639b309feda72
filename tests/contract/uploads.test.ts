// UploadRepository: the record of each stored image. The interface only adds records, so what
// can be seen is the id it returns, that a record needs a stored name of its own, and that an
// account with uploads can still be deleted.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { UploadRecord } from '../../src/repositories/upload-repository.js';
import { forEachBackend } from './backends.js';
import { addUser, freshStorage, NOW } from './support.js';

function upload(storedName: string, userId: number): UploadRecord {
  return { storedName, originalName: '照片.JPG', width: 1200, height: 800, bytes: 345_678, userId };
}

forEachBackend('upload repository', (open) => {
  const s = freshStorage(open);

  it('adds records, each with an id of its own', async () => {
    const ids = await s.write(async (tx) => {
      const user = await addUser(tx, 'editor');
      return [await tx.uploads.add(upload('a1.jpg', user), NOW), await tx.uploads.add(upload('b2.jpg', user), NOW)];
    });
    assert.equal(ids.length, 2);
    for (const id of ids) assert.ok(Number.isInteger(id) && id > 0);
    assert.notEqual(ids[0], ids[1]);
  });

  it('refuses a second record with the same stored name', async () => {
    const user = await s.write((tx) => addUser(tx, 'editor'));
    await s.write((tx) => tx.uploads.add(upload('same.jpg', user), NOW));
    await assert.rejects(s.write((tx) => tx.uploads.add(upload('same.jpg', user), NOW)));
  });

  it('keeps the records of an account that is deleted', async () => {
    const [gone, other] = await s.write(async (tx) => [await addUser(tx, 'gone'), await addUser(tx, 'other')]);
    await s.write((tx) => tx.uploads.add(upload('kept.jpg', gone!), NOW));
    assert.equal(await s.write((tx) => tx.users.delete(gone!)), true);
    assert.equal(await s.read.users.findById(gone!), undefined);
    await assert.rejects(
      s.write((tx) => tx.uploads.add(upload('kept.jpg', other!), NOW)),
      Error,
      'the record of kept.jpg is still there',
    );
    assert.equal(typeof (await s.write((tx) => tx.uploads.add(upload('new.jpg', other!), NOW))), 'number');
  });
});
