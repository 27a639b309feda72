import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addArticle, addCategory, makeTestDb } from '../../support/fixtures.js';

const NOW = Date.UTC(2026, 10, 20, 4, 0, 0);

describe('view stats repository', () => {
  it('adds batched views to totals, daily buckets and site traffic', async () => {
    const t = makeTestDb();
    const category = await addCategory(t.repositories);
    const a = await addArticle(t.repositories, category, NOW);
    const b = await addArticle(t.repositories, category, NOW);
    const { viewStats, articles } = t.repositories;
    await viewStats.applyBatch({
      articleViews: new Map([
        ['2026-11-19', new Map([[a, 2]])],
        [
          '2026-11-20',
          new Map([
            [a, 3],
            [b, 1],
            [424242, 7],
          ]),
        ], // a deleted article is skipped
      ]),
      pageViews: new Map([
        ['2026-11-19', 10],
        ['2026-11-20', 4],
      ]),
    });
    await viewStats.applyBatch({ articleViews: new Map([['2026-11-20', new Map([[a, 1]])]]), pageViews: new Map([['2026-11-20', 1]]) });
    assert.equal((await articles.findVisibleById(a, NOW))?.views, 6);
    assert.equal((await articles.findVisibleById(b, NOW))?.views, 1);
    const daily = t.db.prepare('SELECT article_id, day, views FROM article_views_daily ORDER BY article_id, day').all();
    assert.deepEqual(daily, [
      { article_id: a, day: '2026-11-19', views: 2 },
      { article_id: a, day: '2026-11-20', views: 4 },
      { article_id: b, day: '2026-11-20', views: 1 },
    ]);
    assert.deepEqual(await viewStats.siteTraffic('2026-11-20'), { totalPageViews: 15, todayPageViews: 5 });
    assert.deepEqual(await viewStats.siteTraffic('2026-11-21'), { totalPageViews: 15, todayPageViews: 0 });
    await t.close();
  });
});
