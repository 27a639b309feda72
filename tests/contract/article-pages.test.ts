// ArticlePageRepository: the reader's article page in one read. The article exactly as
// findVisibleById gives it, only when visible; its newest approved comments (no other status,
// no other article's) newest first, as many as asked; and the count of all approved ones.
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
  return { article, other, draft, scheduled };
}

forEachBackend('article page repository', (open) => {
  const s = freshStorage(open);

  it('reads the visible article with its newest approved comments and their count', async () => {
    const ids = await s.write(seed);
    const page = await s.read.articlePages.findVisible(ids.article, NOW, { latestComments: 5 });
    assert.deepEqual(page?.article, await s.read.articles.findVisibleById(ids.article, NOW));
    assert.deepEqual(
      page?.latestComments.map((c) => c.body),
      ['第7条', '第6条', '第5条', '第4条', '第3条'],
    );
    assert.deepEqual(page?.latestComments[0], await s.read.comments.findById(page!.latestComments[0]!.id));
    assert.equal(page?.approvedComments, 7);
  });

  it('gives an article without comments an empty list and a zero count', async () => {
    const ids = await s.write(async (tx) => addArticle(tx, await addCategory(tx), { publishedAt: NOW - HOUR }));
    const page = await s.read.articlePages.findVisible(ids, NOW, { latestComments: 5 });
    assert.deepEqual(page?.latestComments, []);
    assert.equal(page?.approvedComments, 0);
  });

  it('finds nothing for an article readers cannot see', async () => {
    const ids = await s.write(seed);
    const { articlePages } = s.read;
    assert.equal(await articlePages.findVisible(ids.draft, NOW, { latestComments: 5 }), undefined);
    assert.equal(await articlePages.findVisible(ids.scheduled, NOW, { latestComments: 5 }), undefined);
    assert.equal((await articlePages.findVisible(ids.scheduled, NOW + HOUR, { latestComments: 5 }))?.article.title, '定时');
    await s.write((tx) => tx.articles.moveToTrash(ids.other, NOW));
    assert.equal(await articlePages.findVisible(ids.other, NOW, { latestComments: 5 }), undefined);
    assert.equal(await articlePages.findVisible(999_999, NOW, { latestComments: 5 }), undefined);
  });

  it('takes as many comments as asked', async () => {
    const ids = await s.write(seed);
    const page = await s.read.articlePages.findVisible(ids.article, NOW, { latestComments: 2 });
    assert.deepEqual(
      page?.latestComments.map((c) => c.body),
      ['第7条', '第6条'],
    );
    assert.equal(page?.approvedComments, 7);
  });
});
