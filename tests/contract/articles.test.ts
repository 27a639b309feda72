import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addArticle, addCategory, makeTestDb, type TestDb } from '../../support/fixtures.js';

const NOW = Date.UTC(2026, 10, 20, 4, 0, 0);
const HOUR = 3_600_000;

describe('article repository', () => {
  let t: TestDb;
  let law: number;
  let society: number;
  const ids: Record<string, number> = {};

  before(async () => {
    t = makeTestDb();
    law = await addCategory(t.repositories, 'law', '法治要闻');
    society = await addCategory(t.repositories, 'society', '社会民生');
    const r = t.repositories;
    ids.old = await addArticle(r, law, NOW, { title: '旧文', publishedAt: NOW - 48 * HOUR, views: 50 });
    ids.recent = await addArticle(r, law, NOW, { title: '新文', publishedAt: NOW - HOUR, views: 5 });
    ids.other = await addArticle(r, society, NOW, {
      title: '民生',
      publishedAt: NOW - 2 * HOUR,
      views: 500,
      coverImage: '/images/x.jpg',
      isFeatured: true,
    });
    ids.draft = await addArticle(r, law, NOW, { title: '草稿', status: 'draft', publishedAt: NOW - HOUR, views: 9999 });
    ids.scheduled = await addArticle(r, law, NOW, { title: '定时', status: 'scheduled', publishedAt: NOW + HOUR, views: 9999 });
  });
  after(() => t.close());

  it('finds visible articles only', async () => {
    const { articles } = t.repositories;
    assert.equal((await articles.findVisibleById(ids.recent!, NOW))?.title, '新文');
    assert.equal(await articles.findVisibleById(ids.draft!, NOW), undefined);
    assert.equal(await articles.findVisibleById(ids.scheduled!, NOW), undefined);
    assert.equal(await articles.findVisibleById(999_999, NOW), undefined);
  });

  it('shows a scheduled article once its time comes, with no job', async () => {
    assert.equal((await t.repositories.articles.findVisibleById(ids.scheduled!, NOW + HOUR))?.title, '定时');
  });

  it('lists newest first, per category, with paging and counts', async () => {
    const { articles } = t.repositories;
    assert.deepEqual(
      (await articles.listVisible({ limit: 10 }, NOW)).map((a) => a.title),
      ['新文', '民生', '旧文'],
    );
    assert.deepEqual(
      (await articles.listVisible({ categoryId: law, limit: 10 }, NOW)).map((a) => a.title),
      ['新文', '旧文'],
    );
    assert.deepEqual(
      (await articles.listVisible({ categoryId: law, limit: 1, offset: 1 }, NOW)).map((a) => a.title),
      ['旧文'],
    );
    assert.equal(await articles.countVisible(undefined, NOW), 3);
    assert.equal(await articles.countVisible(law, NOW), 2);
  });

  it('ranks by views among visible articles only', async () => {
    const top = await t.repositories.articles.listMostViewed(10, NOW);
    assert.deepEqual(
      top.map((a) => a.title),
      ['民生', '旧文', '新文'],
    );
  });

  it('lists featured articles that have a cover', async () => {
    const featured = await t.repositories.articles.listFeaturedWithCover(4, NOW);
    assert.deepEqual(
      featured.map((a) => a.title),
      ['民生'],
    );
  });

  it('treats hostile input as plain data', async () => {
    const { articles, categories } = t.repositories;
    assert.equal(await categories.findBySlug("law' OR '1'='1"), undefined);
    const id = await addArticle(t.repositories, law, NOW, { title: "'); DROP TABLE articles; --" });
    assert.equal((await articles.findVisibleById(id, NOW))?.title, "'); DROP TABLE articles; --");
  });

  it('lists pinned articles in force: 头条 before 置顶, newest first, until their end', async () => {
    const r = t.repositories;
    const headline = await addArticle(r, law, NOW, {
      title: '头条',
      publishedAt: NOW - 72 * HOUR,
      homePin: 'headline',
      pinnedUntil: NOW + 2 * HOUR,
    });
    const top = await addArticle(r, law, NOW, { title: '置顶', publishedAt: NOW - 3 * HOUR, homePin: 'top' });
    await addArticle(r, law, NOW, { title: '已过期', publishedAt: NOW - 3 * HOUR, homePin: 'top', pinnedUntil: NOW - 1 });
    await addArticle(r, law, NOW, { title: '置顶的草稿', status: 'draft', publishedAt: NOW - HOUR, homePin: 'headline' });
    const pinned = await r.articles.listPinned(10, NOW);
    assert.deepEqual(
      pinned.map((a) => [a.title, a.homePin]),
      [
        ['头条', 'headline'],
        ['置顶', 'top'],
      ],
    );
    assert.deepEqual(
      (await r.articles.listPinned(10, NOW + 2 * HOUR)).map((a) => a.title),
      ['置顶'],
      'the 头条 ended',
    );
    assert.equal(t.storage.changeFeed.nextScheduledChange(NOW), NOW + HOUR, 'the scheduled article goes live first');
    assert.equal(t.storage.changeFeed.nextScheduledChange(NOW + HOUR), NOW + 2 * HOUR, 'then the pin ends');
    assert.equal(t.storage.changeFeed.nextScheduledChange(NOW + 2 * HOUR), undefined);
    const stored = (await r.articles.findById(headline))!;
    assert.equal(stored.homePin, 'headline');
    assert.equal(stored.pinnedUntil, NOW + 2 * HOUR);
    // unpinned, the end time goes too
    assert.ok(await r.articles.update(top, stored.version, { ...stored, homePin: 'none', pinnedUntil: NOW + HOUR }, NOW));
    assert.equal((await r.articles.findById(top))!.pinnedUntil, null);
  });
});
