// The article page (the reference page, element by element), view counting over HTTP,
// all comments, polls and staff look-up.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';
import { assertSiteChrome } from '../support/site-chrome.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const asReader = (n: number) => ({ headers: { 'user-agent': `${BROWSER} reader/${n}` } });

describe('article page', () => {
  let t: TestApp;
  let articleId: number;
  before(async () => {
    t = await makeTestApp();
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    articleId = newest!.id;
  });
  after(() => t.close());

  it('shows every element of the reference page', async () => {
    const article = (await t.portal.repositories.articles.findVisibleById(articleId, t.clock()))!;
    const category = (await t.portal.repositories.categories.listAll()).find((c) => c.id === article.categoryId)!;
    const page = await t.get(`/article/${articleId}`, asReader(1));
    assert.equal(page.status, 200);
    assertSiteChrome(page);
    const { $ } = page;
    // breadcrumb: 您现在的位置:<site> > <category> -> 内容, each part a link but the last
    assert.equal(textOf($, '.breadcrumb'), `您现在的位置：社会法治观察网 > ${category.name} > 内容`);
    assert.deepEqual(
      $('.breadcrumb a')
        .map((_, a) => $(a).attr('href'))
        .get(),
      ['/', `/category/${category.slug}`],
    );
    assert.equal($('.breadcrumb [aria-current=page]').text(), '内容');
    // header and meta line
    assert.equal(textOf($, 'article h1'), article.title);
    assert.equal($('title').text(), `${article.title} - 社会法治观察网`);
    const meta = $('.article-meta span')
      .map((_, s) => $(s).text())
      .get()
      .filter((s) => /：/.test(s));
    assert.equal(meta[0], `作者：${article.author}`);
    assert.match(meta[1]!, /^发布日期：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    assert.match(meta[2]!, /^查看次数：\d+$/);
    assert.equal(meta[3], `来源：${article.source}`);
    // body with sub-headings and the bracketed author bio at the end
    assert.ok($('.article-body p').length >= 4);
    assert.ok($('.article-body h2').length >= 1);
    assert.match($('.article-body p').last().text(), /^[【（].+[】）]$/);
    // comment block
    assert.equal(textOf($, '#comment-form-title').replace(/\s*发贴须知$/, ''), '发表评论');
    assert.equal($('#comment-form-title a').attr('href'), '/page/comment-rules');
    assert.equal($('#comment-form-title a').text(), '发贴须知');
    // the form itself comes per request, in a frame (the page is cached for everyone)
    const frame = $('iframe.comment-frame');
    assert.equal(frame.attr('src'), `/article/${articleId}/comment-form`);
    assert.equal(frame.attr('title'), '发表评论');
    assert.equal($('input[name=_csrf]').length, 0, 'no session data in the shared page');
    const framed = await t.get(`/article/${articleId}/comment-form`, asReader(1));
    assert.equal(framed.status, 200);
    assert.equal(framed.headers.get('cache-control'), 'no-store');
    assert.match(framed.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
    const form = framed.$('form.comment-form');
    const f$ = framed.$;
    assert.equal(form.attr('method'), 'post');
    assert.equal(form.attr('action'), `/article/${articleId}/comments`);
    assert.equal(form.attr('target'), '_top', 'posting leaves the frame');
    assert.equal(f$(`label[for=${form.find('[name=nickname]').attr('id')}]`).text(), '网名');
    assert.equal(f$(`label[for=${form.find('[name=captcha]').attr('id')}]`).text(), '验证码');
    assert.equal(f$(`label[for=${form.find('textarea[name=body]').attr('id')}]`).text(), '评论内容');
    assert.match(form.find('img.captcha-image').attr('src') ?? '', /^\/captcha/);
    assert.ok(form.find('img.captcha-image').attr('alt'));
    assert.ok((form.find('input[name=_csrf]').val() as string).length > 20, 'CSRF token');
    assert.equal(form.find('button[type=submit]').text(), '发表评论');
    assert.ok($(`a[href="/article/${articleId}/comments"]`).filter((_, a) => $(a).text() === '查看所有评论').length >= 1);
    const terms = $('.comment-terms li')
      .map((_, li) => $(li).text())
      .get();
    assert.equal(terms.length, 5);
    assert.match(terms[0]!, /互联网新闻信息服务/);
    assert.match(terms[1]!, /侮辱.*诽谤.*煽动.*淫秽/);
    assert.match(terms[2]!, /法律责任/);
    assert.match(terms[3]!, /保留.*转载.*引用.*删除/);
    assert.match(terms[4]!, /接受/);
    // latest comments with count: the demo's newest article has one floor with two replies under it
    assert.match(textOf($, '#latest-comments-title'), /共 3 条/);
    assert.equal($('.comment-list > .comment').length, 1);
    assert.equal(textOf($, '.comment-list > .comment .comment-floor'), '1楼');
    assert.deepEqual(
      $('.comment-replies .comment-reply .reply-to')
        .map((_, el) => $(el).text())
        .get(),
      ['回复 1楼', '回复 1楼'],
    );
  });

  it('counts a read once per reader per 30 minutes, not crawlers, and flushes to the database', async () => {
    await t.portal.viewCounter.flush();
    // a fresh render each time: cached copies show the count as of their render (see page-cache tests)
    const views = async (init: RequestInit) => {
      t.portal.pageCache?.clear();
      return Number((await t.get(`/article/${articleId}`, init)).$('.view-count').text());
    };
    const before = await views({ headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' } });
    assert.equal(await views({ headers: { 'user-agent': 'Baiduspider' } }), before, 'crawlers are not counted');
    assert.equal(await views(asReader(100)), before + 1, 'a reader sees their own read counted');
    assert.equal(await views(asReader(100)), before + 1, 'reloading does not count again');
    assert.equal(await views(asReader(101)), before + 2, 'another reader counts');
    const read = t.storage.repositories;
    const stored = async () => (await read.articles.findById(articleId))!.views;
    assert.equal(await stored(), before, 'nothing written per request');
    await t.portal.viewCounter.flush();
    assert.equal(await stored(), before + 2);
    // the daily buckets, summed over every day there is
    const ranked = await read.rankings.topInDays(
      { from: '0000-01-01', to: '9999-12-31' },
      { limit: await read.articles.count() },
      t.clock(),
    );
    const daily = ranked.find((article) => article.id === articleId)?.periodViews ?? 0;
    assert.ok(daily >= 2);
    t.clock.advance(31 * 60_000);
    assert.equal(await views(asReader(100)), before + 3, 'after 30 minutes the same reader counts again');
  });

  it('网站访问统计 counts page views', async () => {
    await t.portal.viewCounter.flush();
    t.portal.chrome.invalidate();
    const total = (p: Awaited<ReturnType<TestApp['get']>>) => Number(p.$('[data-stat=total]').text().replace(/,/g, ''));
    const first = total(await t.get('/', asReader(7)));
    await t.get('/page/about', asReader(7));
    await t.portal.viewCounter.flush();
    t.portal.chrome.invalidate();
    t.portal.pageCache?.clear(); // counters on cached pages are as old as the page
    assert.ok(total(await t.get('/', asReader(7))) >= first + 2);
  });

  it('bad ids: 404 pages, never a 500', async () => {
    const draft = await t.repos.articles.create(
      {
        categoryId: 1,
        title: '草稿',
        author: '',
        source: '',
        summary: '',
        bodyHtml: '<p>x</p>',
        coverImage: null,
        isFeatured: false,
        status: 'draft',
        publishedAt: null,
      },
      t.clock(),
    );
    const scheduled = await t.repos.articles.create(
      {
        categoryId: 1,
        title: '定时',
        author: '',
        source: '',
        summary: '',
        bodyHtml: '<p>x</p>',
        coverImage: null,
        isFeatured: false,
        status: 'scheduled',
        publishedAt: t.clock() + 3_600_000,
      },
      t.clock(),
    );
    for (const id of ['abc', '-1', '0', '1.5', '99999999', '9'.repeat(40), '1e3', `${draft}`, `${scheduled}`, '%00', '1%20OR%201=1']) {
      const page = await t.get(`/article/${id}`);
      assert.equal(page.status, 404, id);
      assert.equal(page.$('.error-page').length, 1, id);
    }
    t.clock.advance(3_600_000);
    assert.equal((await t.get(`/article/${scheduled}`)).status, 200, 'a scheduled article appears at its time');
  });

  it('查看所有评论 lists the floors with their replies, oldest or newest first, paginated', async () => {
    const now = t.clock();
    for (let i = 1; i <= 25; i += 1) {
      await t.repos.comments.create(
        { articleId, nickname: `读者${i}`, body: `第${i}条\n第二行`, status: 'approved', ipHash: '' },
        now + i * 1000,
      );
    }
    await t.repos.comments.create({ articleId, nickname: '待审', body: '不应出现', status: 'pending', ipHash: '' }, now);
    const first = await t.get(`/article/${articleId}/comments`);
    assert.equal(first.status, 200);
    assertSiteChrome(first);
    assert.match(textOf(first.$, 'main h1'), /共 28 条/, 'the demo comment, its two replies and the 25 new ones');
    const floors = first.$('.comment-list > .comment');
    assert.equal(floors.length, 20);
    assert.doesNotMatch(first.text, /不应出现/);
    assert.equal(floors.eq(1).children('.comment-body').html(), '第1条<br>第二行');
    assert.equal(floors.eq(1).find('.comment-floor').text(), '2楼');
    assert.equal(first.$('iframe.comment-frame').attr('src'), `/article/${articleId}/comment-form`, 'readers can comment right there');
    const second = await t.get(`/article/${articleId}/comments?page=2`);
    assert.equal(second.$('.comment-list > .comment').length, 6);
    const newest = await t.get(`/article/${articleId}/comments?order=newest`);
    assert.equal(newest.$('.comment-nickname').first().text(), '读者25');
    assert.equal(newest.$('.pagination a[rel=next]').attr('href'), `/article/${articleId}/comments?order=newest&page=2`);
    assert.equal((await t.get(`/article/${articleId}/comments?page=3`)).status, 404);
    assert.equal((await t.get(`/article/${articleId}/comments?order=sideways`)).status, 400);
    assert.equal((await t.get('/article/999999/comments')).status, 404);
    const article = await t.get(`/article/${articleId}`);
    assert.match(textOf(article.$, '#latest-comments-title'), /共 28 条/);
    assert.equal(article.$('.comment-list > .comment').length, 5);
    assert.equal(article.$('.comment-nickname').first().text(), '读者25');
  });

  it('poll results page with server-rendered bars and percentages', async () => {
    const { $ } = await t.get('/');
    const href = $('.poll-form a').attr('href')!;
    const page = await t.get(href);
    assert.equal(page.status, 200);
    assert.equal(textOf(page.$, 'main h1'), '您最希望本网加强报道哪类法治话题？');
    assert.equal(page.$('.result-bars li').length, 5);
    assert.match(textOf(page.$, '.result-bars li:first-child'), /消费维权 236 票（27\.3%）/);
    assert.equal(page.$('meter.result-bar').first().attr('value'), '27.3');
    assert.equal((await t.get('/polls/999')).status, 404);
  });

  it('人员查询 answers exact look-ups only and never lists staff', async () => {
    const empty = await t.get('/staff');
    assert.equal(empty.status, 200);
    assert.equal(empty.$('.staff-card').length, 0);
    const byName = await t.get(`/staff?q=${encodeURIComponent('王晓岚')}`);
    assert.equal(byName.$('.staff-card').length, 1);
    assert.match(textOf(byName.$, '.staff-card'), /SHFZ-2022-0105.*编辑.*社会新闻部.*在职/);
    const byCard = await t.get('/staff?q=SHFZ-2018-0008');
    assert.match(textOf(byCard.$, '.staff-card'), /赵立新.*离职/);
    for (const q of ['王', '%', '_', "' OR '1'='1", 'SHFZ']) {
      const page = await t.get(`/staff?q=${encodeURIComponent(q)}`);
      assert.equal(page.$('.staff-card').length, 0, q);
      assert.match(textOf(page.$, '.notice'), /查无此人/, q);
    }
    await t.repos.staff.create(
      {
        name: '周照片',
        cardNumber: 'SHFZ-2024-0999',
        position: '记者',
        department: '法治新闻部',
        status: 'active',
        photo: '/images/demo/cover-court.jpg',
      },
      t.clock(),
    );
    const withPhoto = await t.get(`/staff?q=${encodeURIComponent('周照片')}`);
    assert.equal(withPhoto.$('.staff-card img').attr('src'), '/images/demo/cover-court.jpg');
    assert.equal(withPhoto.$('.staff-card img').attr('alt'), '周照片的照片');
    assert.equal((await t.get(`/staff?q=${'长'.repeat(41)}`)).status, 422);
    assert.equal((await t.get('/staff?q=a&q=b')).status, 400);
  });
});
