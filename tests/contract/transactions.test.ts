// The Storage contract itself: a transaction commits all of its writes or none; the reading
// repositories see committed data only and refuse writes; transactions run one at a time and do
// not nest; the change feed reports only what committed; health() and close().
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CategorySlugTakenError } from '../../src/repositories/category-repository.js';
import type { Repositories } from '../../src/repositories/index.js';
import { NestedTransactionError } from '../../src/storage/storage.js';
import { forEachBackend } from './backends.js';
import { addArticle, addCategory, addUser, articleFields, freshStorage, gate, NOW, settle } from './support.js';

class Boom extends Error {}

forEachBackend('storage transactions', (open) => {
  const s = freshStorage(open);

  const slugs = async () => (await s.read.categories.listAll()).map((c) => c.slug);

  it('commits every write of a transaction together and returns what the work returned', async () => {
    const result = await s.write(async (tx) => {
      const law = await addCategory(tx, 'law');
      await addCategory(tx, 'society');
      await addArticle(tx, law, { title: '一起提交' });
      await tx.settings.setMany({ siteName: '测试网' });
      return 'done';
    });
    assert.equal(result, 'done');
    assert.deepEqual(await slugs(), ['law', 'society']);
    assert.equal(await s.read.articles.count(), 1);
    assert.deepEqual(await s.read.settings.getAll(), { siteName: '测试网' });
  });

  it('sees its own uncommitted writes inside the transaction', async () => {
    await s.write(async (tx) => {
      const id = await addCategory(tx, 'law');
      assert.equal((await tx.categories.findById(id))?.slug, 'law');
      assert.equal((await tx.categories.listAll()).length, 1);
    });
  });

  it('rolls back every write of a transaction that throws, and rejects with its error', async () => {
    await s.write((tx) => addCategory(tx, 'earlier'));
    const boom = new Boom('stop');
    await assert.rejects(
      s.write(async (tx) => {
        const id = await addCategory(tx, 'doomed');
        await addArticle(tx, id);
        await tx.settings.setMany({ siteName: '不该保存' });
        throw boom;
      }),
      (err) => err === boom,
    );
    assert.deepEqual(await slugs(), ['earlier'], 'the earlier transaction survives');
    assert.equal(await s.read.articles.count(), 0);
    assert.deepEqual(await s.read.settings.getAll(), {});
  });

  it('rolls back only the failing one of transactions queued together', async () => {
    const results = await Promise.allSettled([
      s.write((tx) => addCategory(tx, 'first')),
      s.write(async (tx) => {
        await addCategory(tx, 'second');
        throw new Boom('second fails');
      }),
      s.write((tx) => addCategory(tx, 'third')),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(await slugs(), ['first', 'third']);
  });

  it('rolls back the writes made before a uniqueness conflict that ends the transaction', async () => {
    await s.write((tx) => addCategory(tx, 'law'));
    await assert.rejects(
      s.write(async (tx) => {
        await addCategory(tx, 'society');
        await addCategory(tx, 'law');
      }),
      CategorySlugTakenError,
    );
    assert.deepEqual(await slugs(), ['law']);
  });

  it('hides the writes of an open transaction from the reading repositories until it commits', async () => {
    const hold = gate();
    const entered = gate();
    const running = s.write(async (tx) => {
      const id = await addCategory(tx, 'pending');
      await addUser(tx, 'writer');
      entered.open();
      await hold.opened;
      return id;
    });
    await entered.opened;
    assert.deepEqual(await slugs(), [], 'an open transaction is invisible');
    assert.equal(await s.read.categories.findBySlug('pending'), undefined);
    assert.equal(await s.read.users.count(), 0);
    hold.open();
    const id = await running;
    assert.equal((await s.read.categories.findById(id))?.slug, 'pending');
    assert.equal(await s.read.users.count(), 1);
  });

  it('never shows the reading repositories a transaction that rolls back', async () => {
    const hold = gate();
    const entered = gate();
    const running = s.write(async (tx) => {
      await addCategory(tx, 'never');
      entered.open();
      await hold.opened;
      throw new Boom('rolled back');
    });
    await entered.opened;
    assert.deepEqual(await slugs(), []);
    hold.open();
    await assert.rejects(running, Boom);
    assert.deepEqual(await slugs(), []);
  });

  it('refuses writes through the reading repositories, one write of every repository', async () => {
    const { categoryId, articleId, userId } = await s.write(async (tx) => {
      const categoryId = await addCategory(tx, 'law');
      return { categoryId, articleId: await addArticle(tx, categoryId), userId: await addUser(tx, 'editor') };
    });
    const writes: [string, (r: Repositories) => Promise<unknown>][] = [
      ['articles.create', (r) => r.articles.create(articleFields(categoryId, { title: '旁路' }), NOW)],
      ['articles.moveToTrash', (r) => r.articles.moveToTrash(articleId, NOW)],
      ['articleRevisions.add', (r) => r.articleRevisions.add(articleId, userId, articleFields(categoryId), NOW)],
      [
        'audit.append',
        (r) => r.audit.append({ userId, username: 'editor', action: 'x', entityType: 'x', entityId: '1', summary: '', createdAt: NOW }),
      ],
      ['captchas.save', (r) => r.captchas.save('sid', 'comment', { answer: 'ABCD', expiresAt: NOW + 1 })],
      ['categories.create', (r) => addCategory(r, 'society')],
      ['categories.delete', (r) => r.categories.delete(categoryId)],
      ['comments.create', (r) => r.comments.create({ articleId, nickname: 'a', body: 'b', status: 'approved', ipHash: 'h' }, NOW)],
      ['pages.save', (r) => r.pages.save({ slug: 'about', title: '关于', bodyHtml: '<p>x</p>' }, NOW)],
      ['polls.create', (r) => r.polls.create({ question: '?', isMultiple: false, startsAt: NOW, endsAt: null, options: [] }, NOW)],
      ['sensitiveWords.add', (r) => r.sensitiveWords.add('禁词', NOW)],
      ['sessions.save', (r) => r.sessions.save('sid', '{}', NOW + 1, null)],
      ['settings.setMany', (r) => r.settings.setMany({ siteName: 'x' })],
      [
        'staff.create',
        (r) => r.staff.create({ name: '张三', cardNumber: 'C1', position: '', department: '', status: 'active', photo: null }, NOW),
      ],
      ['submissions.create', (r) => r.submissions.create({ name: 'a', contact: 'b', title: 'c', body: 'd', ipHash: 'h' }, NOW)],
      ['uploads.add', (r) => r.uploads.add({ storedName: 'a.jpg', originalName: 'a.jpg', width: 1, height: 1, bytes: 1, userId }, NOW)],
      ['users.delete', (r) => r.users.delete(userId)],
      [
        'viewStats.applyBatch',
        (r) => r.viewStats.applyBatch({ articleViews: new Map([['2026-11-20', new Map([[articleId, 1]])]]), pageViews: new Map() }),
      ],
    ];
    for (const [name, write] of writes) {
      await assert.rejects(write(s.read), Error, `${name} through storage.repositories`);
    }
    assert.deepEqual(await slugs(), ['law'], 'nothing was written');
    assert.equal(await s.read.articles.count(), 1);
    assert.equal(await s.read.users.count(), 1);
    assert.equal((await s.read.articles.findById(articleId))?.deletedAt, null);
    assert.deepEqual(await s.read.settings.getAll(), {});

    // the same calls are fine in a transaction: they were refused for writing, not for their input
    await s.write(async (tx) => {
      for (const [, write] of writes) await write(tx);
    });
    assert.deepEqual(await slugs(), ['law', 'society']);
    assert.equal(await s.read.users.count(), 0);
  });

  it('refuses a transaction started inside another, and the outer one still commits', async () => {
    await s.write(async (tx) => {
      await addCategory(tx, 'outer');
      await assert.rejects(
        s.write((inner) => addCategory(inner, 'inner')),
        NestedTransactionError,
      );
      await addCategory(tx, 'after');
    });
    assert.deepEqual(await slugs(), ['outer', 'after']);
  });

  it('runs transactions queued together one at a time, in the order they were started', async () => {
    const log: string[] = [];
    const step = (name: string) => async (tx: Repositories) => {
      log.push(`${name} enters`);
      await settle();
      await addCategory(tx, name);
      await settle();
      log.push(`${name} leaves`);
    };
    await Promise.all([s.write(step('a')), s.write(step('b')), s.write(step('c'))]);
    assert.deepEqual(log, ['a enters', 'a leaves', 'b enters', 'b leaves', 'c enters', 'c leaves']);
    assert.deepEqual(await slugs(), ['a', 'b', 'c']);
  });

  it('lets the next queued transaction run after one that failed', async () => {
    const log: string[] = [];
    const failing = s.write(async () => {
      log.push('failing');
      await settle();
      throw new Boom('no');
    });
    const next = s.write(async (tx) => {
      log.push('next');
      return addCategory(tx, 'next');
    });
    await assert.rejects(failing, Boom);
    assert.equal(typeof (await next), 'number');
    assert.deepEqual(log, ['failing', 'next']);
  });

  it('reports a change in the change feed only once its transaction commits', async () => {
    const feed = s.storage.changeFeed;
    const before = feed.latestSeq();
    const hold = gate();
    const entered = gate();
    const running = s.write(async (tx) => {
      await addCategory(tx, 'law');
      entered.open();
      await hold.opened;
    });
    await entered.opened;
    assert.equal(feed.latestSeq(), before, 'nothing reported while the transaction is open');
    assert.deepEqual(feed.changedSince(before), []);
    hold.open();
    await running;
    assert.ok(feed.latestSeq() > before);
    assert.deepEqual(
      feed.changedSince(before).map((c) => c.scope),
      ['site'],
    );
  });

  it('reports nothing in the change feed for a transaction that rolled back', async () => {
    const feed = s.storage.changeFeed;
    await s.write((tx) => addCategory(tx, 'law'));
    const before = feed.latestSeq();
    await assert.rejects(
      s.write(async (tx) => {
        const id = await addCategory(tx, 'society');
        await addArticle(tx, id);
        throw new Boom('rolled back');
      }),
      Boom,
    );
    assert.equal(feed.latestSeq(), before);
    assert.deepEqual(feed.changedSince(before), []);
  });

  it('answers health() while open', async () => {
    assert.equal(await s.storage.health(), true);
  });

  it('waits in close() for the transaction in progress, which then commits', async () => {
    const log: string[] = [];
    const hold = gate();
    const entered = gate();
    const running = s.write(async (tx) => {
      entered.open();
      await hold.opened;
      await addCategory(tx, 'last');
      log.push('transaction done');
      return 'committed';
    });
    await entered.opened;
    const closing = s.storage.close().then(() => log.push('closed'));
    await settle();
    assert.deepEqual(log, [], 'close() has not finished while the transaction runs');
    hold.open();
    assert.equal(await running, 'committed');
    await closing;
    assert.deepEqual(log, ['transaction done', 'closed']);
    assert.equal(await s.storage.health(), false, 'a closed store does not answer');
  });

  it('refuses a transaction started after close()', async () => {
    await s.storage.close();
    await assert.rejects(s.write((tx) => addCategory(tx, 'late')));
  });
});
