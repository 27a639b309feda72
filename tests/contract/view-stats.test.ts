// ViewStatsRepository: batches of views added to each article's total, to its per-day bucket
// (seen through the rankings) and to the site's page views per day.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachBackend } from './backends.js';
import { addArticle, addCategory, freshStorage, NOW } from './support.js';

forEachBackend('view stats repository', (open) => {
  const s = freshStorage(open);

  it('adds batched views to totals, daily buckets and site traffic', async () => {
    const [a, b] = await s.write(async (tx) => {
      const category = await addCategory(tx);
      return [await addArticle(tx, category), await addArticle(tx, category)];
    });
    await s.write((tx) =>
      tx.viewStats.applyBatch({
        articleViews: new Map([
          ['2026-11-19', new Map([[a!, 2]])],
          [
            '2026-11-20',
            new Map([
              [a!, 3],
              [b!, 1],
              [424242, 7], // an article deleted since the views were counted is skipped
            ]),
          ],
        ]),
        pageViews: new Map([
          ['2026-11-19', 10],
          ['2026-11-20', 4],
        ]),
      }),
    );
    await s.write((tx) =>
      tx.viewStats.applyBatch({ articleViews: new Map([['2026-11-20', new Map([[a!, 1]])]]), pageViews: new Map([['2026-11-20', 1]]) }),
    );
    const { articles, rankings, viewStats } = s.read;
    assert.equal((await articles.findVisibleById(a!, NOW))?.views, 6);
    assert.equal((await articles.findVisibleById(b!, NOW))?.views, 1);
    const daily = async (day: string) =>
      (await rankings.topInDays({ from: day, to: day }, { limit: 10 }, NOW)).map((r) => [r.id, r.periodViews]);
    assert.deepEqual(await daily('2026-11-19'), [[a, 2]]);
    assert.deepEqual(await daily('2026-11-20'), [
      [a, 4],
      [b, 1],
    ]);
    assert.deepEqual(await viewStats.siteTraffic('2026-11-20'), { totalPageViews: 15, todayPageViews: 5 });
    assert.deepEqual(await viewStats.siteTraffic('2026-11-21'), { totalPageViews: 15, todayPageViews: 0 });
  });

  it('counts a read once per reader, article and window, whichever process flushes it', async () => {
    const article = await s.write(async (tx) => addArticle(tx, await addCategory(tx)));
    const WINDOW = 30 * 60_000;
    const window = NOW - (NOW % WINDOW);
    const flush = (reads: { reader: string; windowStart: number }[]) =>
      s.write((tx) =>
        tx.viewStats.applyBatch({
          articleViews: new Map([['2026-11-20', new Map([[article, reads.length]])]]),
          pageViews: new Map(),
          reads: reads.map((read) => ({ ...read, articleId: article, day: '2026-11-20' })),
        }),
      );
    await flush([
      { reader: 'reader-a', windowStart: window },
      { reader: 'reader-b', windowStart: window },
    ]); // process 1
    await flush([
      { reader: 'reader-a', windowStart: window },
      { reader: 'reader-c', windowStart: window },
    ]); // process 2: a again
    await flush([{ reader: 'reader-a', windowStart: window + WINDOW }]); // the next window counts again
    await flush([
      { reader: 'reader-d', windowStart: window },
      { reader: 'reader-d', windowStart: window },
    ]); // twice in one batch
    assert.equal((await s.read.articles.findVisibleById(article, NOW))?.views, 5, 'a, b, c, a in the next window, d');
    const daily = await s.read.rankings.topInDays({ from: '2026-11-20', to: '2026-11-20' }, { limit: 10 }, NOW);
    assert.deepEqual(
      daily.map((r) => r.periodViews),
      [5],
      'the daily bucket counts alike',
    );
  });

  it('reports no traffic before any page view', async () => {
    assert.deepEqual(await s.read.viewStats.siteTraffic('2026-11-20'), { totalPageViews: 0, todayPageViews: 0 });
    assert.deepEqual(await s.read.viewStats.pageViewsByDay('2026-11-01', '2026-11-30'), new Map());
  });

  it('gives page views per day over an inclusive span, leaving out days without views', async () => {
    await s.write((tx) =>
      tx.viewStats.applyBatch({
        articleViews: new Map(),
        pageViews: new Map([
          ['2026-11-17', 1],
          ['2026-11-18', 20],
          ['2026-11-20', 300],
          ['2026-11-21', 4000],
        ]),
      }),
    );
    await s.write((tx) => tx.viewStats.applyBatch({ articleViews: new Map(), pageViews: new Map([['2026-11-18', 5]]) }));
    assert.deepEqual(
      await s.read.viewStats.pageViewsByDay('2026-11-18', '2026-11-20'),
      new Map([
        ['2026-11-18', 25],
        ['2026-11-20', 300],
      ]),
    );
    assert.deepEqual(
      [...(await s.read.viewStats.pageViewsByDay('2026-11-17', '2026-11-21')).keys()],
      ['2026-11-17', '2026-11-18', '2026-11-20', '2026-11-21'],
    );
    assert.deepEqual(await s.read.viewStats.pageViewsByDay('2026-11-22', '2026-11-30'), new Map());
  });
});
