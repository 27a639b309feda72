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
    ids.other = await addArticle(r, society, NOW, { title: '民生', publishedAt: NOW - 2 * HOUR, views: 500, coverImage: '/images/x.jpg', isFeatured: true });
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
    assert.deepEqual((await articles.listVisible({ limit: 10 }, NOW)).map((a) => a.title), ['新文', '民生', '旧文']);
    assert.deepEqual((await articles.listVisible({ categoryId: law, limit: 10 }, NOW)).map((a) => a.title), ['新文', '旧文']);
    assert.deepEqual((await articles.listVisible({ categoryId: law, limit: 1, offset: 1 }, NOW)).map((a) => a.title), ['旧文']);
    assert.equal(await articles.countVisible(undefined, NOW), 3);
    assert.equal(await articles.countVisible(law, NOW), 2);
  });

  it('ranks by views among visible articles only', async () => {
    const top = await t.repositories.articles.listMostViewed(10, NOW);
    assert.deepEqual(top.map((a) => a.title), ['民生', '旧文', '新文']);
  });

  it('lists featured articles that have a cover', async () => {
    const featured = await t.repositories.articles.listFeaturedWithCover(4, NOW);
    assert.deepEqual(featured.map((a) => a.title), ['民生']);
  });

  it('treats hostile input as plain data', async () => {
    const { articles, categories } = t.repositories;
    assert.equal(await categories.findBySlug("law' OR '1'='1"), undefined);
    const id = await addArticle(t.repositories, law, NOW, { title: "'); DROP TABLE articles; --" });
    assert.equal((await articles.findVisibleById(id, NOW))?.title, "'); DROP TABLE articles; --");
  });
});
