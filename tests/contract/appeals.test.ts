// AppealRepository (申诉) and the comment look-up by appeal hash: appeals found by the code's hash
// (the latest first), open ones listed the oldest first with their comments, a decision made
// once, and the outcome kept when the comment is gone.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Repositories } from '../../src/repositories/index.js';
import { forEachBackend } from './backends.js';
import { addArticle, addCategory, freshStorage, MINUTE, NOW } from './support.js';

async function seed(tx: Repositories) {
  const article = await addArticle(tx, await addCategory(tx), { title: '文章' });
  const comment = (body: string, appealHash: string) =>
    tx.comments.create({ articleId: article, nickname: '网友', body, status: 'rejected', ipHash: 'h', appealHash }, NOW - 60 * MINUTE);
  return { article, first: await comment('第一条', 'hash-1'), second: await comment('第二条', 'hash-2') };
}

forEachBackend('appeal repository', (open) => {
  const s = freshStorage(open);

  it('finds a comment by its appeal hash, and nothing for an unknown one', async () => {
    const { first } = await s.write(seed);
    assert.equal((await s.read.comments.findByAppealHash('hash-1'))?.id, first);
    assert.equal(await s.read.comments.findByAppealHash('hash-x'), undefined);
  });

  it('lists open appeals the oldest first; a decision is made once and kept for the code', async () => {
    const { article, first, second } = await s.write(seed);
    const [a, b] = await s.write(async (tx) => [
      await tx.appeals.create({ commentId: second, appealHash: 'hash-2', reason: '我没有违规' }, NOW - 5 * MINUTE),
      await tx.appeals.create({ commentId: first, appealHash: 'hash-1', reason: '请复核' }, NOW - 3 * MINUTE),
    ]);
    const listed = await s.read.appeals.listOpen({ limit: 10 });
    assert.deepEqual(
      listed.map((p) => [p.id, p.comment.body, p.reason, p.createdAt, p.articleTitle]),
      [
        [a, '第二条', '我没有违规', NOW - 5 * MINUTE, '文章'],
        [b, '第一条', '请复核', NOW - 3 * MINUTE, '文章'],
      ],
    );
    assert.equal(await s.read.appeals.countOpen(), 2);
    assert.deepEqual(await s.read.appeals.latestByHash('hash-1'), {
      reason: '请复核',
      createdAt: NOW - 3 * MINUTE,
      decision: null,
      decidedAt: null,
    });
    assert.equal(await s.write((tx) => tx.appeals.decide(b!, 'restore', NOW)), first);
    assert.equal(await s.write((tx) => tx.appeals.decide(b!, 'uphold', NOW)), undefined, 'once');
    assert.equal(await s.write((tx) => tx.appeals.decide(999_999, 'uphold', NOW)), undefined);
    assert.equal((await s.read.appeals.latestByHash('hash-1'))?.decision, 'restore');
    assert.equal(await s.read.appeals.countOpen(), 1);
    await s.write((tx) => tx.comments.setStatus([second], 'deleted'));
    assert.equal(await s.read.appeals.countOpen(), 1, 'a deleted comment stays, and so does its appeal');
    await s.write(async (tx) => {
      await tx.articles.moveToTrash(article, NOW);
      await tx.articles.purge(article);
    });
    assert.equal(await s.read.appeals.countOpen(), 0, 'an appeal of a comment gone with its article is not listed');
    assert.equal((await s.read.appeals.latestByHash('hash-2'))?.reason, '我没有违规', 'its outcome can still be looked up');
  });
});
