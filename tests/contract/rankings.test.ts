// RankingRepository: the most-read visible articles, summed over the per-day buckets of an
// inclusive span of days (articles without views there are absent) or over all time, per
// category or site-wide, up to a limit.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Repositories } from '../../src/repositories/index.js';
import { forEachBackend } from './backends.js';
import { addArticle, addCategory, freshStorage, HOUR, NOW } from './support.js';

/** Views per day and article (article ids by title); each article's total is their sum. */
async function seedViews(tx: Repositories) {
  const law = await addCategory(tx, 'law');
  const society = await addCategory(tx, 'society');
  const ids = {
    law,
    society,
    a: await addArticle(tx, law, { title: 'A', publishedAt: NOW - 5 * HOUR }),
    b: await addArticle(tx, law, { title: 'B', publishedAt: NOW - 4 * HOUR }),
    c: await addArticle(tx, society, { title: 'C', publishedAt: NOW - 3 * HOUR }),
    draft: await addArticle(tx, law, { title: '草稿', status: 'draft' }),
    later: await addArticle(tx, law, { title: '定时', status: 'scheduled', publishedAt: NOW + HOUR }),
    trashed: await addArticle(tx, society, { title: '删除' }),
    quiet: await addArticle(tx, law, { title: '无人看' }),
  };
  const day = (entries: [number, number][]) => new Map(entries);
  await tx.viewStats.applyBatch({
    articleViews: new Map([
      ['2026-11-17', day([[ids.a, 100]])],
      [
        '2026-11-18',
        day([
          [ids.a, 1],
          [ids.b, 5],
          [ids.c, 3],
          [ids.draft, 50],
          [ids.later, 50],
          [ids.trashed, 50],
        ]),
      ],
      [
        '2026-11-19',
        day([
          [ids.b, 2],
          [ids.c, 6],
        ]),
      ],
      ['2026-11-20', day([[ids.a, 4]])],
    ]),
    pageViews: new Map(),
  });
  await tx.articles.moveToTrash(ids.trashed, NOW);
  return ids;
}

const ranked = (list: { title: string; periodViews: number }[]) => list.map((r) => [r.title, r.periodViews]);

forEachBackend('ranking repository', (open) => {
  const s = freshStorage(open);

  it('ranks visible articles by the views summed over the days of the span, both ends included', async () => {
    await s.write(seedViews);
    const { rankings } = s.read;
    assert.deepEqual(ranked(await rankings.topInDays({ from: '2026-11-18', to: '2026-11-19' }, { limit: 10 }, NOW)), [
      ['C', 9],
      ['B', 7],
      ['A', 1],
    ]);
    assert.deepEqual(ranked(await rankings.topInDays({ from: '2026-11-19', to: '2026-11-20' }, { limit: 10 }, NOW)), [
      ['C', 6],
      ['A', 4],
      ['B', 2],
    ]);
    assert.deepEqual(ranked(await rankings.topInDays({ from: '2026-11-17', to: '2026-11-17' }, { limit: 10 }, NOW)), [['A', 100]]);
    assert.deepEqual(await rankings.topInDays({ from: '2026-11-21', to: '2026-11-30' }, { limit: 10 }, NOW), [], 'no views in the span');
  });

  it('ranks within a category and up to the limit', async () => {
    const ids = await s.write(seedViews);
    const span = { from: '2026-11-17', to: '2026-11-20' };
    const { rankings } = s.read;
    assert.deepEqual(ranked(await rankings.topInDays(span, { categoryId: ids.law, limit: 10 }, NOW)), [
      ['A', 105],
      ['B', 7],
    ]);
    assert.deepEqual(ranked(await rankings.topInDays(span, { categoryId: ids.society, limit: 10 }, NOW)), [['C', 9]]);
    assert.deepEqual(ranked(await rankings.topInDays(span, { limit: 2 }, NOW)), [
      ['A', 105],
      ['C', 9],
    ]);
    assert.deepEqual(ranked(await rankings.topInDays(span, { categoryId: ids.law, limit: 1 }, NOW)), [['A', 105]]);
  });

  it('leaves out drafts and the trash, and a scheduled article until it is live', async () => {
    await s.write(seedViews);
    const span = { from: '2026-11-18', to: '2026-11-18' };
    assert.deepEqual(ranked(await s.read.rankings.topInDays(span, { limit: 10 }, NOW)), [
      ['B', 5],
      ['C', 3],
      ['A', 1],
    ]);
    assert.deepEqual(
      ranked(await s.read.rankings.topInDays(span, { limit: 10 }, NOW + HOUR)).map(([title]) => title),
      ['定时', 'B', 'C', 'A'],
    );
  });

  it('returns the summary fields of each ranked article', async () => {
    const ids = await s.write(seedViews);
    const [top] = await s.read.rankings.topInDays({ from: '2026-11-19', to: '2026-11-19' }, { limit: 1 }, NOW);
    assert.deepEqual(top, {
      id: ids.c,
      categoryId: ids.society,
      title: 'C',
      summary: '摘要',
      coverImage: null,
      publishedAt: NOW - 3 * HOUR,
      views: 9,
      periodViews: 6,
    });
  });

  it('ranks visible articles by their total views over all time, per category and up to the limit', async () => {
    const ids = await s.write(seedViews);
    const { rankings } = s.read;
    const top = await rankings.topAllTime({ limit: 3 }, NOW);
    assert.deepEqual(ranked(top), [
      ['A', 105],
      ['C', 9],
      ['B', 7],
    ]);
    assert.deepEqual(
      top.map((r) => r.views),
      [105, 9, 7],
      'for all time, the period is the total',
    );
    assert.deepEqual(ranked(await rankings.topAllTime({ categoryId: ids.law, limit: 10 }, NOW)).slice(0, 2), [
      ['A', 105],
      ['B', 7],
    ]);
    assert.deepEqual(ranked(await rankings.topAllTime({ categoryId: ids.society, limit: 1 }, NOW)), [['C', 9]]);
    const titles = (await rankings.topAllTime({ limit: 10 }, NOW)).map((r) => r.title);
    assert.ok(!titles.includes('草稿') && !titles.includes('定时') && !titles.includes('删除'), 'visible articles only');
    assert.ok(
      (await rankings.topAllTime({ limit: 10 }, NOW + HOUR)).some((r) => r.title === '定时'),
      'the scheduled one once live',
    );
  });
});
