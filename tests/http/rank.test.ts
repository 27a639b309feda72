// The rankings page (/rank): today, the last 7 and 30 days from the per-day view buckets, all
// time from the article totals; only visible articles; per category; days cut in Asia/Shanghai.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ViewBatch } from '../../src/repositories/view-stats-repository.js';
import { addArticle, addCategory } from '../support/fixtures.js';
import { assertSiteChrome } from '../support/site-chrome.js';
import { makeClock, makeTestApp, textOf, type TestApp } from '../support/test-app.js';

const HOUR = 3600_000;
/** 2026-11-20 12:00 in Shanghai (04:00 UTC) */
const NOON_20TH = Date.UTC(2026, 10, 20, 4, 0, 0);

type Row = [title: string, views: number];

async function ranking(t: TestApp, url: string): Promise<Row[]> {
  const page = await t.get(url);
  assert.equal(page.status, 200, url);
  return page
    .$('.rank-list li')
    .map((_, li) => [[page.$(li).find('.rank-title').text(), Number(page.$(li).find('.rank-count').text())]] as [Row])
    .get();
}

/** Views per day: { '2026-11-20': { articleId: count } } */
async function addViews(t: TestApp, days: Record<string, Record<number, number>>): Promise<void> {
  const batch: ViewBatch = { articleViews: new Map(), pageViews: new Map() };
  for (const [day, perArticle] of Object.entries(days)) {
    batch.articleViews.set(day, new Map(Object.entries(perArticle).map(([id, n]) => [Number(id), n])));
  }
  await t.repos.viewStats.applyBatch(batch);
}

describe('rankings page: windows from the daily buckets', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  before(async () => {
    t = await makeTestApp({ demo: false, clock: makeClock(NOON_20TH) });
    const repos = t.repos;
    const now = t.clock();
    const law = await addCategory(repos, 'law', '法治要闻');
    const society = await addCategory(repos, 'society', '社会民生');
    const add = async (key: string, categoryId: number, overrides = {}) => {
      ids[key] = await addArticle(repos, categoryId, now, { title: `文章${key}`, publishedAt: now - 40 * 24 * HOUR, ...overrides });
    };
    await add('A', law);
    await add('B', law);
    await add('C', society);
    await add('D', society);
    await add('E', law);
    await add('Draft', law, { status: 'draft' });
    await add('Trashed', law);
    await add('Future', law, { status: 'scheduled', publishedAt: now + 60 * 24 * HOUR });
    await repos.articles.moveToTrash(ids.Trashed!, now);
    await addViews(t, {
      '2026-11-21': { [ids.A!]: 7 }, // tomorrow in Shanghai: not counted yet
      '2026-11-20': { [ids.A!]: 5, [ids.B!]: 3, [ids.Draft!]: 1000, [ids.Trashed!]: 900, [ids.Future!]: 800 },
      '2026-11-19': { [ids.E!]: 1 },
      '2026-11-14': { [ids.C!]: 50 }, // 6 days ago: in the week
      '2026-11-13': { [ids.B!]: 100 }, // 7 days ago: out of the week, in the month
      '2026-10-22': { [ids.E!]: 40 }, // 29 days ago: the month's first day
      '2026-10-21': { [ids.D!]: 70 }, // 30 days ago: out of the month
    });
    t.portal.chrome.invalidate();
  });
  after(() => t.close());

  it('today counts only the buckets of today', async () => {
    assert.deepEqual(await ranking(t, '/rank?period=day'), [
      ['文章A', 5],
      ['文章B', 3],
    ]);
  });

  it('this week: the last 7 days including today', async () => {
    assert.deepEqual(await ranking(t, '/rank'), [
      ['文章C', 50],
      ['文章A', 5],
      ['文章B', 3],
      ['文章E', 1],
    ]);
    assert.deepEqual(await ranking(t, '/rank?period=week'), await ranking(t, '/rank'));
  });

  it('this month: the last 30 days including today', async () => {
    assert.deepEqual(await ranking(t, '/rank?period=month'), [
      ['文章B', 103],
      ['文章C', 50],
      ['文章E', 41],
      ['文章A', 5],
    ]);
  });

  it('all time: the article totals; drafts, the trash and scheduled articles never appear', async () => {
    const all = await ranking(t, '/rank?period=all');
    assert.deepEqual(all, [
      ['文章B', 103],
      ['文章D', 70],
      ['文章C', 50],
      ['文章E', 41],
      ['文章A', 12],
    ]);
    for (const period of ['day', 'week', 'month', 'all']) {
      const titles = (await ranking(t, `/rank?period=${period}`)).map(([title]) => title);
      for (const hidden of ['文章Draft', '文章Trashed', '文章Future']) assert.ok(!titles.includes(hidden), `${hidden} in ${period}`);
    }
  });

  it('days turn at midnight in Asia/Shanghai, not UTC', async () => {
    try {
      t.clock.set(Date.UTC(2026, 10, 20, 15, 59, 59)); // 23:59:59 on the 20th in Shanghai
      assert.deepEqual(await ranking(t, '/rank?period=day'), [
        ['文章A', 5],
        ['文章B', 3],
      ]);
      t.clock.set(Date.UTC(2026, 10, 20, 16, 0, 0)); // 00:00 on the 21st in Shanghai, still the 20th in UTC
      assert.deepEqual(await ranking(t, '/rank?period=day'), [['文章A', 7]]);
      const page = await t.get('/rank?period=day');
      assert.equal(textOf(page.$, '.rank-span'), '统计日期：2026-11-21');
      // the week is now the 15th to the 21st: C's views of the 14th drop out
      assert.deepEqual(await ranking(t, '/rank?period=week'), [
        ['文章A', 12],
        ['文章B', 3],
        ['文章E', 1],
      ]);
      assert.equal(textOf((await t.get('/rank')).$, '.rank-span'), '统计区间：2026-11-15 至 2026-11-21');
      // and the month is 10-23 .. 11-21: E's views of 10-22 drop out
      assert.deepEqual(await ranking(t, '/rank?period=month'), [
        ['文章B', 103],
        ['文章C', 50],
        ['文章A', 12],
        ['文章E', 1],
      ]);
    } finally {
      t.clock.set(NOON_20TH);
    }
  });

  it('per category: ?category=<slug> ranks that category only', async () => {
    assert.deepEqual(await ranking(t, '/rank?period=month&category=law'), [
      ['文章B', 103],
      ['文章E', 41],
      ['文章A', 5],
    ]);
    assert.deepEqual(await ranking(t, '/rank?category=society&period=all'), [
      ['文章D', 70],
      ['文章C', 50],
    ]);
    const page = await t.get('/rank?period=month&category=law');
    assert.equal(page.$('.main-nav a[aria-current=page]').length, 0, 'the rankings page is not the category page');
    assert.equal(page.$('.rank-categories a[aria-current=page]').text(), '法治要闻');
    assert.match(textOf(page.$, 'h1'), /法治要闻/);
    assert.equal(page.$('link[rel=canonical]').attr('href'), 'https://shfz.example.cn/rank?period=month&category=law');
  });

  it('tabs are plain links for the four windows that keep the category', async () => {
    const { $ } = await t.get('/rank?period=month&category=law');
    const tabs = $('.rank-tabs a');
    assert.deepEqual(tabs.map((_, a) => $(a).text()).get(), ['今日', '本周', '本月', '总榜']);
    assert.deepEqual(tabs.map((_, a) => $(a).attr('href')).get(), [
      '/rank?period=day&category=law',
      '/rank?category=law',
      '/rank?period=month&category=law',
      '/rank?period=all&category=law',
    ]);
    assert.equal($('.rank-tabs a[aria-current=page]').text(), '本月');
    assert.equal($('.rank-categories a').first().attr('href'), '/rank?period=month');
    for (const href of tabs.map((_, a) => $(a).attr('href')).get()) assert.equal((await t.get(href)).status, 200, href);
  });

  it('bad parameters: 400 for unknown values or repeats, 404 for an unknown category', async () => {
    const cases: [string, number][] = [
      ['/rank?period=year', 400],
      ['/rank?period=DAY', 400],
      ['/rank?period=day&period=week', 400],
      ['/rank?period[]=day', 200], // not the period parameter: ignored
      ['/rank?category=law&category=society', 400],
      ['/rank?category=%3Cscript%3E', 400],
      [`/rank?category=${'x'.repeat(500)}`, 400],
      ['/rank?category=no-such-category', 404],
      ['/rank?period=&category=', 200],
      ['/rank?page=2', 200], // not a parameter of this page: ignored
    ];
    for (const [url, status] of cases) {
      const page = await t.get(url);
      assert.equal(page.status, status, url);
      assert.doesNotMatch(page.text, /at .*\.ts:\d+/, url);
    }
  });
});

describe('rankings page with the demo content', () => {
  let t: TestApp;
  before(async () => {
    t = await makeTestApp();
  });
  after(() => t.close());

  it('shows the site chrome, a numbered list of 20 and the view counts in the window', async () => {
    const page = await t.get('/rank?period=month');
    assertSiteChrome(page);
    const { $ } = page;
    assert.equal($('title').text(), '近 30 天点击排行 - 社会法治观察网');
    assert.match(textOf($, '.breadcrumb'), /^您现在的位置：社会法治观察网 > 点击排行$/);
    const items = $('.rank-list li');
    assert.equal(items.length, 20);
    assert.deepEqual(
      items.map((_, li) => $(li).find('.rank').text()).get(),
      Array.from({ length: 20 }, (_, i) => String(i + 1)),
    );
    const counts = items.map((_, li) => Number($(li).find('.rank-count').text())).get();
    for (let i = 1; i < counts.length; i += 1) assert.ok(counts[i - 1]! >= counts[i]!, 'sorted by views');
    items.each((_, li) => assert.match($(li).find('.rank-title').attr('href') ?? '', /^\/article\/\d+$/));
    // the window's count, not the lifetime total shown in the sidebar
    const all = await ranking(t, '/rank?period=all');
    const month = counts.reduce((sum, n) => sum + n, 0);
    assert.ok(all.slice(0, 20).reduce((sum, [, n]) => sum + n, 0) >= month);
  });
});
