// ArticlePageRepository: the reader's article page in one read. The article exactly as
// findVisibleById gives it, only when visible; its newest floors (no other article's; removed
// ones without their text) newest first, as many as asked, the approved replies under them, a
// bounded number of each; and the count of all approved comments.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CommentStatus } from '../../src/domain/types.js';
import type { Repositories } from '../../src/repositories/index.js';
import { forEachBackend } from './backends.js';
import { addArticle, addCategory, freshStorage, HOUR, MINUTE, NOW } from './support.js';

async function seed(tx: Repositories) {
  const law = await addCategory(tx);
  const article = await addArticle(tx, law, { title: '有评论的文章', publishedAt: NOW - HOUR });
  const other = await addArticle(tx, law, { title: '另一篇', publishedAt: NOW - HOUR });
  const draft = await addArticle(tx, law, { title: '草稿', status: 'draft', publishedAt: NOW - HOUR });
  const scheduled = await addArticle(tx, law, { title: '定时', status: 'scheduled', publishedAt: NOW + HOUR });
  const add = (articleId: number, body: string, at: number, status: CommentStatus = 'approved') =>
    tx.comments.create({ articleId, nickname: '网友', body, status, ipHash: 'ip' }, at);
  for (let i = 1; i <= 7; i++) await add(article, `第${i}条`, NOW - (10 - i) * MINUTE);
  await add(article, '待审', NOW, 'pending');
  await add(article, '垃圾', NOW, 'spam');
  await add(other, '别处', NOW);
  await add(draft, '草稿上的', NOW);
  const floors = await tx.comments.listFloors(article, { limit: 10, newestFirst: true });
  return { article, other, draft, scheduled, floorIds: floors.map((floor) => floor.id) };
}

forEachBackend('article page repository', (open) => {
  const s = freshStorage(open);

  const options = { latestFloors: 5, repliesPerFloor: 2 };

  it('reads the visible article with its newest floors and their count', async () => {
    const ids = await s.write(seed);
    const page = await s.read.articlePages.findVisible(ids.article, NOW, options);
    assert.deepEqual(page?.article, await s.read.articles.findVisibleById(ids.article, NOW));
    assert.deepEqual(
      page?.latestFloors.map((c) => [c.floor, c.body]),
      [
        [7, '第7条'],
        [6, '第6条'],
        [5, '第5条'],
        [4, '第4条'],
        [3, '第3条'],
      ],
    );
    assert.deepEqual(page?.latestFloors[0], await s.read.comments.findById(page!.latestFloors[0]!.id));
    assert.deepEqual(page?.replies, []);
    assert.equal(page?.approvedComments, 7);
  });

  it('brings the approved replies of the floors shown, a bounded number of each, and removed floors without their text', async () => {
    const ids = await s.write(seed);
    const [seventh, sixth, , , , , first] = ids.floorIds;
    await s.write(async (tx) => {
      const reply = (parentId: number, body: string, at: number, status: CommentStatus = 'approved') =>
        tx.comments.create({ articleId: ids.article, parentId, nickname: '回复者', body, status, ipHash: 'ip' }, at);
      await reply(seventh!, '七楼回一', NOW + 1);
      await reply(seventh!, '七楼回二', NOW + 2);
      await reply(seventh!, '七楼回三', NOW + 3);
      await reply(sixth!, '六楼待审', NOW + 1, 'pending');
      await reply(first!, '一楼的回复：不在前五楼', NOW + 1);
      await tx.comments.setStatus([sixth!], 'deleted');
    });
    const page = await s.read.articlePages.findVisible(ids.article, NOW, options);
    assert.deepEqual(
      page?.replies.map((c) => [c.parentId, c.body]),
      [
        [seventh, '七楼回一'],
        [seventh, '七楼回二'],
      ],
    );
    assert.deepEqual(
      page?.latestFloors.slice(0, 2).map((c) => [c.floor, c.status, c.nickname, c.body]),
      [
        [7, 'approved', '网友', '第7条'],
        [6, 'deleted', '', ''],
      ],
    );
    assert.equal(page?.approvedComments, 6 + 4, 'six floors and four approved replies');
  });

  it('gives an article without comments an empty list and a zero count', async () => {
    const ids = await s.write(async (tx) => addArticle(tx, await addCategory(tx), { publishedAt: NOW - HOUR }));
    const page = await s.read.articlePages.findVisible(ids, NOW, options);
    assert.deepEqual(page?.latestFloors, []);
    assert.equal(page?.approvedComments, 0);
  });

  it('finds nothing for an article readers cannot see', async () => {
    const ids = await s.write(seed);
    const { articlePages } = s.read;
    assert.equal(await articlePages.findVisible(ids.draft, NOW, options), undefined);
    assert.equal(await articlePages.findVisible(ids.scheduled, NOW, options), undefined);
    assert.equal((await articlePages.findVisible(ids.scheduled, NOW + HOUR, options))?.article.title, '定时');
    await s.write((tx) => tx.articles.moveToTrash(ids.other, NOW));
    assert.equal(await articlePages.findVisible(ids.other, NOW, options), undefined);
    assert.equal(await articlePages.findVisible(999_999, NOW, options), undefined);
  });

  it('takes as many comments as asked', async () => {
    const ids = await s.write(seed);
    const page = await s.read.articlePages.findVisible(ids.article, NOW, { latestFloors: 2, repliesPerFloor: 2 });
    assert.deepEqual(
      page?.latestFloors.map((c) => c.body),
      ['第7条', '第6条'],
    );
    assert.equal(page?.approvedComments, 7);
  });
});
