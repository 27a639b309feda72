// CommentRepository: readers see floors (numbered on first approval, never renumbered; removed
// ones without their text) with approved replies, oldest or newest first, paged; the moderation
// queue lists any status, newest first, with the article's title and the commenter's network;
// per-address and duplicate-text checks; status changes that report exactly what changed.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CommentStatus } from '../../src/domain/types.js';
import type { NewComment } from '../../src/repositories/comment-repository.js';
import type { Repositories } from '../../src/repositories/index.js';
import { forEachBackend } from './backends.js';
import { addArticle, addCategory, freshStorage, MINUTE, NOW } from './support.js';

function comment(articleId: number, body: string, status: CommentStatus = 'approved', extra: Partial<NewComment> = {}): NewComment {
  return { articleId, nickname: '网友', body, status, ipHash: 'ip-a', ...extra };
}

/** Two articles; on the first, comments of every status a minute apart (oldest first). */
async function seedComments(tx: Repositories) {
  const law = await addCategory(tx);
  const article = await addArticle(tx, law, { title: '有评论的文章' });
  const other = await addArticle(tx, law, { title: '另一篇' });
  const ids = {
    first: await tx.comments.create(comment(article, '第一条'), NOW - 5 * MINUTE),
    pending: await tx.comments.create(
      comment(article, '待审', 'pending', { network: '203.0.113.0/24', ipRegion: '广东' }),
      NOW - 4 * MINUTE,
    ),
    second: await tx.comments.create(comment(article, '第二条'), NOW - 3 * MINUTE),
    spam: await tx.comments.create(comment(article, '广告', 'spam', { ipHash: 'ip-b' }), NOW - 2 * MINUTE),
    third: await tx.comments.create(comment(article, '第三条'), NOW - MINUTE),
    rejected: await tx.comments.create(comment(article, '不当', 'rejected'), NOW),
    elsewhere: await tx.comments.create(comment(other, '别处'), NOW),
  };
  return { article, other, ...ids };
}

const bodies = (list: { body: string }[]) => list.map((c) => c.body);

forEachBackend('comment repository', (open) => {
  const s = freshStorage(open);

  it('stores a comment and finds it by id, whatever its status', async () => {
    const { article, pending } = await s.write(seedComments);
    assert.deepEqual(await s.read.comments.findById(pending), {
      id: pending,
      articleId: article,
      nickname: '网友',
      body: '待审',
      status: 'pending',
      createdAt: NOW - 4 * MINUTE,
      ipRegion: '广东',
      parentId: null,
      floor: null,
    });
    assert.equal((await s.read.comments.findById(pending + 1))?.ipRegion, null, 'none when the lookup gave none');
    assert.equal(await s.read.comments.findById(999_999), undefined);
  });

  it("lists an article's floors (approved comments get them), oldest or newest first, with paging", async () => {
    const { article } = await s.write(seedComments);
    const { comments } = s.read;
    assert.deepEqual(bodies(await comments.listFloors(article, { limit: 10, newestFirst: false })), ['第一条', '第二条', '第三条']);
    assert.deepEqual(
      (await comments.listFloors(article, { limit: 10, newestFirst: true })).map((c) => [c.floor, c.body]),
      [
        [3, '第三条'],
        [2, '第二条'],
        [1, '第一条'],
      ],
    );
    assert.deepEqual(bodies(await comments.listFloors(article, { limit: 2, offset: 1, newestFirst: false })), ['第二条', '第三条']);
    assert.deepEqual(bodies(await comments.listFloors(article, { limit: 1, offset: 1, newestFirst: true })), ['第二条']);
    assert.deepEqual(await comments.listFloors(article, { limit: 10, offset: 3, newestFirst: true }), []);
    assert.deepEqual(await comments.listFloors(999_999, { limit: 10, newestFirst: true }), []);
    assert.equal(await comments.countFloors(article), 3);
    assert.equal(await comments.countFloors(999_999), 0);
  });

  it('numbers floors in order of approval, keeps a removed floor without its text, and never gives a number twice', async () => {
    const { article, pending, first, second, spam } = await s.write(seedComments);
    const { comments } = s.read;
    assert.equal((await comments.findById(pending))?.floor, null, 'no floor while waiting');
    const [approved] = await s.write((tx) => tx.comments.setStatus([pending], 'approved'));
    assert.equal(approved?.floor, 4, 'the next number when approved, not its place in time');
    await s.write((tx) => tx.comments.setStatus([first], 'deleted'));
    await s.write((tx) => tx.comments.setStatus([second], 'rejected'));
    const [fromSpam] = await s.write((tx) => tx.comments.setStatus([spam], 'approved'));
    assert.equal(fromSpam?.floor, 5, 'numbers of removed floors are not given again');
    assert.deepEqual(
      (await comments.listFloors(article, { limit: 10, newestFirst: false })).map((c) => [
        c.floor,
        c.status,
        c.nickname,
        c.body,
        c.ipRegion,
      ]),
      [
        [1, 'deleted', '', '', null],
        [2, 'rejected', '', '', null],
        [3, 'approved', '网友', '第三条', null],
        [4, 'approved', '网友', '待审', '广东'],
        [5, 'approved', '网友', '广告', null],
      ],
    );
    assert.equal((await comments.findById(first))?.body, '第一条', 'the text is kept for an appeal');
    const [restored] = await s.write((tx) => tx.comments.setStatus([first], 'approved'));
    assert.equal(restored?.floor, 1, 'a restored comment returns to its floor');
    assert.equal(await comments.countApproved(article), 4);
  });

  it('stores replies without floors and lists the approved ones under each parent, oldest first, a few of each', async () => {
    const { article, first, second, third } = await s.write(seedComments);
    const replies = await s.write(async (tx) => ({
      a: await tx.comments.create(comment(article, '回一', 'approved', { parentId: first }), NOW + MINUTE),
      b: await tx.comments.create(comment(article, '回二', 'approved', { parentId: first }), NOW + 2 * MINUTE),
      c: await tx.comments.create(comment(article, '回三', 'approved', { parentId: first }), NOW + 3 * MINUTE),
      waiting: await tx.comments.create(comment(article, '待审回复', 'pending', { parentId: second }), NOW + MINUTE),
      d: await tx.comments.create(comment(article, '回四', 'approved', { parentId: second }), NOW + 4 * MINUTE),
    }));
    const { comments } = s.read;
    assert.deepEqual(await comments.findById(replies.a).then((c) => [c?.parentId, c?.floor]), [first, null]);
    assert.deepEqual(bodies(await comments.listReplies([first, second, third], 10)), ['回一', '回二', '回三', '回四']);
    assert.deepEqual(bodies(await comments.listReplies([first, second], 2)), ['回一', '回二', '回四'], 'at most two of each');
    assert.deepEqual(bodies(await comments.listReplies([third], 10)), []);
    assert.deepEqual(await comments.listReplies([], 10), []);
    const [approvedReply] = await s.write((tx) => tx.comments.setStatus([replies.waiting], 'approved'));
    assert.equal(approvedReply?.floor, null, 'approving a reply gives it no floor');
    assert.equal(await comments.countFloors(article), 3, 'replies are not floors');
    assert.equal(await comments.countApproved(article), 8, 'but they count as comments');
  });

  it('orders comments of the same instant by their order of arrival', async () => {
    const article = await s.write(async (tx) => {
      const article = await addArticle(tx, await addCategory(tx));
      await tx.comments.create(comment(article, '先'), NOW);
      await tx.comments.create(comment(article, '后'), NOW);
      return article;
    });
    assert.deepEqual(bodies(await s.read.comments.listFloors(article, { limit: 10, newestFirst: false })), ['先', '后']);
    assert.deepEqual(bodies(await s.read.comments.listFloors(article, { limit: 10, newestFirst: true })), ['后', '先']);
    assert.deepEqual(bodies(await s.read.comments.listByStatus('approved', { limit: 10 })), ['后', '先']);
  });

  it('counts approved comments per article', async () => {
    const { article, other } = await s.write(seedComments);
    assert.equal(await s.read.comments.countApproved(article), 3);
    assert.equal(await s.read.comments.countApproved(other), 1);
    assert.equal(await s.read.comments.countApproved(999_999), 0);
  });

  it('counts the comments from an address since an instant, any status', async () => {
    await s.write(seedComments);
    const { comments } = s.read;
    assert.equal(await comments.countFromAddressSince('ip-a', NOW - 10 * MINUTE), 6);
    assert.equal(await comments.countFromAddressSince('ip-a', NOW - 90_000), 3, 'the last minute and a half, on any article');
    assert.equal(await comments.countFromAddressSince('ip-b', NOW - 10 * MINUTE), 1);
    assert.equal(await comments.countFromAddressSince('ip-c', 0), 0);
    assert.equal(await comments.countFromAddressSince('ip-a', NOW + MINUTE), 0);
  });

  it('tells whether the article already has a comment with exactly this text, any status', async () => {
    const { article, other } = await s.write(seedComments);
    const { comments } = s.read;
    assert.equal(await comments.hasText(article, '第一条'), true);
    assert.equal(await comments.hasText(article, '广告'), true, 'spam counts too');
    assert.equal(await comments.hasText(article, '第一'), false, 'exact text only');
    assert.equal(await comments.hasText(other, '第一条'), false, 'on that article only');
  });

  it('counts comments by status, every status present', async () => {
    assert.deepEqual(await s.read.comments.countByStatus(), { pending: 0, approved: 0, rejected: 0, spam: 0, deleted: 0 });
    const { first } = await s.write(seedComments);
    await s.write((tx) => tx.comments.setStatus([first], 'deleted'));
    assert.deepEqual(await s.read.comments.countByStatus(), { pending: 1, approved: 3, rejected: 1, spam: 1, deleted: 1 });
  });

  it('lists the moderation queue of one status newest first, with the article title and the network', async () => {
    const { article, pending, elsewhere, third } = await s.write(seedComments);
    const { comments } = s.read;
    assert.deepEqual(await comments.listByStatus('pending', { limit: 10 }), [
      {
        id: pending,
        articleId: article,
        nickname: '网友',
        body: '待审',
        status: 'pending',
        createdAt: NOW - 4 * MINUTE,
        ipRegion: '广东',
        parentId: null,
        floor: null,
        articleTitle: '有评论的文章',
        network: '203.0.113.0/24',
      },
    ]);
    const approved = await comments.listByStatus('approved', { limit: 10 });
    assert.deepEqual(bodies(approved), ['别处', '第三条', '第二条', '第一条']);
    assert.deepEqual(approved.map((c) => [c.id, c.articleTitle, c.network]).slice(0, 2), [
      [elsewhere, '另一篇', null],
      [third, '有评论的文章', null],
    ]);
    assert.deepEqual(bodies(await comments.listByStatus('approved', { limit: 2, offset: 2 })), ['第二条', '第一条']);
    // the review queue: the longest waiting first
    assert.deepEqual(bodies(await comments.listByStatus('approved', { limit: 3, oldestFirst: true })), ['第一条', '第二条', '第三条']);
    assert.deepEqual(bodies(await comments.listByStatus('approved', { limit: 2, offset: 2, oldestFirst: true })), ['第三条', '别处']);
  });

  it('sets the status of listed comments, returning only those that changed', async () => {
    const { pending, spam, first } = await s.write(seedComments);
    const changed = await s.write((tx) => tx.comments.setStatus([pending, spam, first, 999_999, pending], 'approved'));
    assert.deepEqual(
      changed.map((c) => [c.id, c.status]).sort((x, y) => Number(x[0]) - Number(y[0])),
      [
        [pending, 'approved'],
        [spam, 'approved'],
      ],
      'the approved one, the missing one and the repeated id are skipped',
    );
    assert.equal((await s.read.comments.findById(pending))?.status, 'approved');
    assert.equal((await s.read.comments.findById(spam))?.body, '广告');
    assert.deepEqual(await s.read.comments.countByStatus(), { pending: 0, approved: 6, rejected: 1, spam: 0, deleted: 0 });
    assert.deepEqual(await s.write((tx) => tx.comments.setStatus([], 'spam')), []);
  });

  it("deletes by status: the row stays with its floor and text, off the readers' count", async () => {
    const { first, rejected, article } = await s.write(seedComments);
    const deleted = await s.write((tx) => tx.comments.setStatus([first, rejected, 999_999, first], 'deleted'));
    assert.deepEqual(
      deleted.map((c) => [c.id, c.body, c.status, c.floor]),
      [
        [first, '第一条', 'deleted', 1],
        [rejected, '不当', 'deleted', null],
      ],
    );
    assert.equal(await s.read.comments.countApproved(article), 2);
    assert.equal(await s.read.comments.countFloors(article), 3, 'the removed floor stays');
    assert.deepEqual(await s.write((tx) => tx.comments.setStatus([first], 'deleted')), [], 'already deleted');
  });
});
