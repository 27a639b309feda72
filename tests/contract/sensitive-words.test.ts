// SensitiveWordRepository: the (normalised) word list, with ids and dates for the editors; add
// is idempotent, addIfNew tells whether the word was new, removal by word or by id. A new store
// may hold a starting list (the SQLite migrations add one), so the tests work relative to it.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachBackend } from './backends.js';
import { freshStorage, NOW } from './support.js';

forEachBackend('sensitive word repository', (open) => {
  const s = freshStorage(open);

  const words = async () => new Set(await s.read.sensitiveWords.listAll());

  it('adds words once, however often they are added', async () => {
    const start = await words();
    await s.write(async (tx) => {
      await tx.sensitiveWords.add('违禁词', NOW);
      await tx.sensitiveWords.add('违禁词', NOW + 1);
      await tx.sensitiveWords.add('another', NOW);
    });
    const list = await s.read.sensitiveWords.listAll();
    assert.equal(list.length, start.size + 2);
    assert.deepEqual(new Set(list), new Set([...start, '违禁词', 'another']));
  });

  it('lists the entries with ids and the time each was added', async () => {
    const start = (await s.read.sensitiveWords.listEntries()).length;
    await s.write((tx) => tx.sensitiveWords.add('刷票', NOW));
    const entries = await s.read.sensitiveWords.listEntries();
    assert.equal(entries.length, start + 1);
    const added = entries.find((e) => e.word === '刷票');
    assert.equal(added?.createdAt, NOW);
    assert.equal(new Set(entries.map((e) => e.id)).size, entries.length, 'ids are unique');
    assert.deepEqual(new Set(entries.map((e) => e.word)), await words());
  });

  it('adds a new word with its id, and gives undefined for a word already listed', async () => {
    const id = await s.write((tx) => tx.sensitiveWords.addIfNew('新词', NOW));
    assert.equal(typeof id, 'number');
    assert.equal((await s.read.sensitiveWords.listEntries()).find((e) => e.word === '新词')?.id, id);
    assert.equal(await s.write((tx) => tx.sensitiveWords.addIfNew('新词', NOW + 1)), undefined);
    assert.equal((await s.read.sensitiveWords.listEntries()).find((e) => e.word === '新词')?.createdAt, NOW, 'the first stays');
  });

  it('removes a word; removing one not listed changes nothing', async () => {
    await s.write((tx) => tx.sensitiveWords.add('临时', NOW));
    const before = await words();
    await s.write((tx) => tx.sensitiveWords.remove('临时'));
    const after = await words();
    assert.equal(after.has('临时'), false);
    assert.equal(after.size, before.size - 1);
    await s.write((tx) => tx.sensitiveWords.remove('从未有过'));
    assert.equal((await words()).size, after.size);
  });

  it('removes a word by id, returning it; undefined when there is none', async () => {
    const id = (await s.write((tx) => tx.sensitiveWords.addIfNew('按号删除', NOW)))!;
    assert.equal(await s.write((tx) => tx.sensitiveWords.removeById(id)), '按号删除');
    assert.equal((await words()).has('按号删除'), false);
    assert.equal(await s.write((tx) => tx.sensitiveWords.removeById(id)), undefined);
  });
});
