// The reader site over HTTP, asserted on the parsed HTML: home, category lists, static pages,
// the chrome every page shares (top bar, navigation, sidebars, footer), 404/500 pages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoArticles } from '../../src/content/seed.js';
import { demoCategories } from '../../src/content/demo/site-data.js';
import { assertSiteChrome, FOOTER_LINKS } from '../support/site-chrome.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

describe('reader pages', () => {
  let t: TestApp;
  before(async () => {
    t = await makeTestApp();
  });
  after(() => t.close());

  it('home: headline, latest list, one block per category, full chrome', async () => {
    const page = await t.get('/');
    assert.equal(page.status, 200);
    assertSiteChrome(page);
    const { $ } = page;
    assert.equal($('title').text(), '社会法治观察网');
    const newestWithCover = [...demoArticles].filter((a) => a.cover).sort((a, b) => a.hoursAgo - b.hoursAgo)[0]!;
    assert.equal(textOf($, '.headline h2'), newestWithCover.title);
    assert.ok($('.headline img').attr('src')?.startsWith('/images/demo/'));
    assert.equal($('.latest-list li').length, 12);
    assert.deepEqual(
      $('.category-block .panel-title > a:first-child')
        .map((_, a) => $(a).text())
        .get(),
      demoCategories.map((c) => c.name),
    );
    $('.category-block').each((_, block) => {
      assert.ok($(block).find('.block-lead h3 a').length === 1, 'each block has a lead article');
    });
  });

  it('home: the right column adds 本周·热读, 人员·查询 and 投稿·线索 below the shared sidebar; other pages do not', async () => {
    const { $ } = await t.get('/');
    assert.deepEqual(
      $('.sidebar .box-title')
        .slice(4)
        .map((_, h) => $(h).text())
        .get(),
      ['本周·热读', '人员·查询', '投稿·线索'],
    );
    const week = $('#box-week').parent().find('.ranked-list li');
    assert.ok(week.length > 0 && week.length <= 8, `本周·热读 lists ${week.length}`);
    assert.equal($('#box-staff').parent().find('form').attr('action'), '/staff');
    assert.equal($('#box-staff').parent().find('input[name=q]').length, 1);
    assert.equal($('#box-submit').parent().find('a.button').attr('href'), '/submit');
    const article = await t.get('/page/about');
    assert.equal(article.$('#box-week, #box-staff, #box-submit').length, 0);
  });

  it('404: a 返回首页 button, a search box and the latest articles, with the site chrome', async () => {
    const page = await t.get('/no-such-page');
    assert.equal(page.status, 404);
    const { $ } = page;
    assert.equal($('.error-actions a.button').attr('href'), '/');
    assert.equal($('.error-actions a.button').text(), '返回首页');
    assert.equal($('main form[action="/search"] input[name=q]').length, 1);
    assert.equal($('#not-found-latest').parent().find('.article-item').length, 6);
    assert.equal($('aside.sidebar').length, 1);
  });

  it('sidebars: featured pictures, top 10 by views, 10 latest, the current poll', async () => {
    const { $ } = await t.get('/');
    const pictures = $('.hot-pictures li');
    assert.ok(pictures.length >= 1 && pictures.length <= 4);
    pictures.each((_, li) => {
      const link = $(li).find('a');
      assert.ok(link.attr('title'), 'full title in the title attribute');
      assert.ok($(li).find('img').attr('alt'), 'thumbnail has alt text');
    });
    const ranked = $('#box-rank').parent().find('.ranked-list li');
    assert.equal(ranked.length, 10);
    assert.deepEqual(ranked.map((_, li) => $(li).find('.rank').text()).get(), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const views = await Promise.all(
      ranked
        .map((_, li) => $(li).find('a').attr('href'))
        .get()
        .map(async (href) => {
          const article = await t.get(href);
          return Number(article.$('.view-count').text());
        }),
    );
    // each article page shows its stored count (+1 for this read), so the ranking order must hold
    for (let i = 1; i < views.length; i += 1) assert.ok(views[i - 1]! >= views[i]! - 1, `rank ${i} by views`);
    const latest = $('#box-latest').parent().find('.time-list a');
    assert.equal(latest.length, 10);
    const newest = [...demoArticles].sort((a, b) => a.hoursAgo - b.hoursAgo).slice(0, 10);
    assert.deepEqual(
      latest.map((_, a) => $(a).attr('title')).get(),
      newest.map((a) => a.title),
    );
    latest.each((_, a) => {
      const shown = $(a).text();
      const full = $(a).attr('title')!;
      assert.ok(shown === full || (shown.endsWith('…') && full.startsWith(shown.slice(0, -1))), 'long titles are cut with …');
    });
    assert.ok(
      latest
        .map((_, a) => $(a).text())
        .get()
        .some((text) => text.endsWith('…')),
      'some demo titles are long',
    );
    const times = $('#box-latest').parent().find('.time-list time');
    assert.equal(times.length, 10, '最新·发布 is a list of times');
    assert.match(times.first().text(), /^\d{2}-\d{2} \d{2}:\d{2}$/);
    assert.equal($('#box-latest').parent().find('.rank').length, 0, 'not a second ranking');
    const poll = $('.poll-form');
    assert.equal(textOf($, '.poll-form legend'), '您最希望本网加强报道哪类法治话题？');
    assert.equal(poll.find('input[type=radio][name=option]').length, 5);
    assert.equal(poll.find('button[type=submit]').text(), '投票');
    assert.match(poll.find('a').attr('href') ?? '', /^\/polls\/\d+$/);
  });

  it('category list: 20 a page with page links; out-of-range pages are 404', async () => {
    const category = (await t.portal.repositories.categories.findBySlug('law'))!;
    const now = t.clock();
    for (let i = 0; i < 41; i += 1) {
      await t.repos.articles.create(
        {
          categoryId: category.id,
          title: `分页测试文章${i}`,
          author: '',
          source: '',
          summary: '摘要',
          bodyHtml: '<p>x</p>',
          coverImage: null,
          isFeatured: false,
          status: 'published',
          publishedAt: now - 1000 * 3600 * 1000 - i * 1000,
        },
        now,
      );
    }
    const total = await t.portal.repositories.articles.countVisible(category.id, now);
    const first = await t.get('/category/law');
    assert.equal(first.status, 200);
    assertSiteChrome(first);
    assert.equal(textOf(first.$, 'h1'), '法治要闻');
    assert.equal(first.$('.main-nav a[aria-current=page]').text(), '法治要闻');
    assert.equal(first.$('.article-list > li').length, 20);
    assert.match(textOf(first.$, '.breadcrumb'), /^您现在的位置：社会法治观察网 > 法治要闻$/);
    const lastPage = Math.ceil(total / 20);
    assert.ok(first.$(`.pagination a[href="/category/law?page=${lastPage}"]`).length === 1);
    assert.equal(first.$('.pagination a[rel=next]').attr('href'), '/category/law?page=2');
    const last = await t.get(`/category/law?page=${lastPage}`);
    assert.equal(last.status, 200);
    assert.equal(last.$('.article-list > li').length, total - (lastPage - 1) * 20);
    assert.equal(last.$('.pagination .current').text(), String(lastPage));
    assert.equal((await t.get(`/category/law?page=${lastPage + 1}`)).status, 404);
  });

  it('bad category input: 400 or 404 pages, never a 500', async () => {
    const cases: [string, number][] = [
      ['/category/no-such-slug', 404],
      ['/category/law?page=0', 400],
      ['/category/law?page=-1', 400],
      ['/category/law?page=abc', 400],
      ['/category/law?page=1.5', 400],
      ['/category/law?page=99999999999999999999', 400],
      ['/category/law?page=999999', 404],
      ['/category/law?page=1&page=2', 400],
      ['/category/law?page[]=1', 200], // not the page parameter: ignored
      [`/category/law?q=${'x'.repeat(5000)}`, 200],
      ["/category/law'%20OR%201=1--", 404],
    ];
    for (const [url, status] of cases) {
      const page = await t.get(url);
      assert.equal(page.status, status, url);
      assert.ok(page.$('.error-page, .article-list, .empty').length > 0 || status === 200, url);
      assert.doesNotMatch(page.text, /at .*\.ts:\d+|Error:/, `no stack trace for ${url}`);
    }
  });

  it('static pages exist for every footer link and the top bar help links', async () => {
    for (const [label, href] of [
      ...FOOTER_LINKS.filter(([l]) => l !== '人员查询'),
      ['设为首页', '/page/set-homepage'],
      ['加入收藏', '/page/bookmark'],
      ['发贴须知', '/page/comment-rules'],
    ] as [string, string][]) {
      const page = await t.get(href);
      assert.equal(page.status, 200, href);
      assertSiteChrome(page);
      const title = textOf(page.$, 'main h1');
      assert.ok(title.length > 0, `${label} has a title`);
      assert.ok(textOf(page.$, 'main .article-body').length > 100, `${label} has content`);
    }
    assert.equal(textOf((await t.get('/page/bookmark')).$, 'main h1'), '加入收藏');
    assert.match(textOf((await t.get('/page/bookmark')).$, 'main'), /Ctrl \+ D/);
    assert.equal((await t.get('/page/no-such-page')).status, 404);
    assert.equal((await t.get('/page/..%2F..%2Fetc%2Fpasswd')).status, 404);
  });

  it('404 page keeps the site chrome', async () => {
    const page = await t.get('/no/such/place');
    assert.equal(page.status, 404);
    assertSiteChrome(page);
    assert.match(textOf(page.$, 'main h1'), /404/);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  });

  it('500 page keeps the chrome and never shows the error', async () => {
    const articlePages = t.portal.repositories.articlePages;
    const original = articlePages.findVisible;
    articlePages.findVisible = async () => {
      throw new Error('SECRET internal detail');
    };
    try {
      const prodApp = await makeTestApp({ env: { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40) } });
      prodApp.portal.repositories.articlePages.findVisible = articlePages.findVisible;
      const page = await prodApp.get('/article/1');
      assert.equal(page.status, 500);
      assertSiteChrome(page);
      assert.match(textOf(page.$, 'main h1'), /500/);
      assert.doesNotMatch(page.text, /SECRET internal detail/);
      await prodApp.close();
    } finally {
      articlePages.findVisible = original;
    }
  });

  it('security headers on every page; no session cookie for plain reading', async () => {
    const page = await t.get('/');
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.headers.get('x-powered-by'), null);
    assert.equal(page.headers.get('set-cookie'), null);
  });

  it('every page has a title, description, canonical URL and Open Graph tags', async () => {
    for (const url of ['/', '/category/cases', '/article/1', '/page/about', '/staff']) {
      const { $ } = await t.get(url);
      assert.ok($('title').text().includes('社会法治观察网'), url);
      assert.ok($('meta[name=description]').attr('content'), url);
      assert.match($('link[rel=canonical]').attr('href') ?? '', /^https:\/\/shfz\.example\.cn\//, url);
      assert.ok($('meta[property="og:title"]').attr('content'), url);
    }
  });

  it('serves assets and operational endpoints', async () => {
    const css = await fetch(`${t.baseUrl}/css/site.css`);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
    const cover = await fetch(`${t.baseUrl}/images/demo/cover-court.jpg`);
    assert.equal(cover.headers.get('content-type'), 'image/jpeg');
    assert.equal((await fetch(`${t.baseUrl}/css/..%2f..%2fpackage.json`)).status, 404);
    const health = await fetch(`${t.baseUrl}/healthz`);
    assert.deepEqual(await health.json(), { status: 'ok', database: 'ok' });
    assert.match(await (await fetch(`${t.baseUrl}/robots.txt`)).text(), /Disallow: \/admin\//);
  });
});
