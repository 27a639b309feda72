// The full-page cache (issue 6): hits and 304s, exact invalidation when content changes, no
// visitor's session data in a shared page, keys that junk cannot split or poison, a bounded
// size, and reads still counted on cached answers.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { ReaderSession } from '../support/browser-session.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';
import { pageCacheKey } from '../../src/web/page-cache/cache-key.js';

const ANSWER = 'K7PX';
const asReader = (n: number) => ({ headers: { 'user-agent': `Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 reader-${n}` } });

/** A raw GET (fetch always unzips): status, headers and the bytes as sent. */
function rawGet(
  t: TestApp,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const url = new URL(t.baseUrl + path);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('page cache', () => {
  let t: TestApp;
  let articleId: number;

  before(async () => {
    t = await makeTestApp({ captchaText: () => ANSWER, commentModeration: 'auto' });
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    articleId = newest!.id;
  });
  after(() => t.close());
  beforeEach(() => {
    t.portal.pageCache!.clear();
    t.clock.advance(60 * 60_000); // out of the previous test's comment limits and view windows
  });

  it('answers the second request from the cache, gzip as stored, with validators and security headers', async () => {
    const first = await rawGet(t, `/article/${articleId}`, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(first.headers['x-page-cache'], 'miss');
    const second = await rawGet(t, `/article/${articleId}`, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(second.status, 200);
    assert.equal(second.headers['x-page-cache'], 'hit');
    assert.equal(second.headers['content-encoding'], 'gzip');
    assert.equal(second.headers.vary, 'Accept-Encoding');
    assert.equal(second.headers['cache-control'], 'no-cache');
    assert.match(String(second.headers.etag), /^W\/"[\w-]+"$/);
    assert.equal(second.headers.etag, first.headers.etag);
    assert.match(String(second.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(second.headers['x-content-type-options'], 'nosniff');
    assert.equal(second.headers['set-cookie'], undefined);
    assert.deepEqual(gunzipSync(second.body), gunzipSync(first.body));
    assert.equal(Number(second.headers['content-length']), second.body.length);
    const html = gunzipSync(second.body).toString('utf8');
    assert.match(html, /<h1[^>]*>/);

    // clients that do not take gzip get the same page unzipped
    const plain = await rawGet(t, `/article/${articleId}`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString('utf8'), html);
    assert.equal(Number(plain.headers['content-length']), plain.body.length);
  });

  it('keeps the sidebar and footer that pages end with compressed once', async () => {
    const [other] = await t.portal.repositories.articles.listVisible({ limit: 1, offset: 1 }, t.clock());
    const gzipOf = async (path: string) => {
      const answer = await rawGet(t, path, { 'accept-encoding': 'gzip' });
      assert.equal(answer.status, 200);
      const page = t.portal.pageCache!.lookup(pageCacheKey(path)!);
      assert.ok(page, `${path} is cached`);
      return { answer, gzip: page.gzip };
    };
    const one = await gzipOf(`/article/${articleId}`);
    const two = await gzipOf(`/article/${other!.id}`);
    const home = await gzipOf('/');
    assert.equal(one.gzip.parts.length, 3);
    assert.equal(one.gzip.parts[1], two.gzip.parts[1], 'one buffer for both article pages');
    const category = await gzipOf('/category/law');
    assert.equal(category.gzip.parts[1], one.gzip.parts[1], 'and for the other pages');
    // the home page's right column goes on below the shared sidebar: its tail is its own
    assert.equal(home.gzip.parts.length, 3);
    assert.notEqual(home.gzip.parts[1], one.gzip.parts[1]);
    for (const { answer } of [one, two, home, category]) {
      const html = gunzipSync(answer.body).toString('utf8');
      assert.match(html, /<\/footer>[\s\S]*<\/html>\s*$/);
    }
    assert.ok(two.gzip.ownBytes < two.gzip.length * 0.8, `${two.gzip.ownBytes} of ${two.gzip.length} bytes its own`);
  });

  it('answers 304 to If-None-Match (weak or not) and If-Modified-Since; HEAD has no body', async () => {
    const page = await rawGet(t, '/');
    const etag = String(page.headers.etag);
    for (const tag of [etag, etag.slice(2), `"other", ${etag}`, '*']) {
      const again = await rawGet(t, '/', { 'if-none-match': tag });
      assert.equal(again.status, 304, tag);
      assert.equal(again.body.length, 0);
      assert.equal(again.headers.etag, etag);
    }
    assert.equal((await rawGet(t, '/', { 'if-none-match': '"stale"' })).status, 200);
    assert.equal((await rawGet(t, '/', { 'if-modified-since': String(page.headers['last-modified']) })).status, 304);
    assert.equal((await rawGet(t, '/', { 'if-modified-since': 'Thu, 01 Jan 2015 00:00:00 GMT' })).status, 200);
    assert.equal((await rawGet(t, '/', { 'if-modified-since': 'not a date' })).status, 200);
    const head = await fetch(`${t.baseUrl}/`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal((await head.arrayBuffer()).byteLength, 0);
  });

  it('shows an edit, a new article, a deletion and a settings change at once', async () => {
    const { articles, settings } = t.repos;
    const article = (await articles.findById(articleId))!;
    assert.equal((await t.get('/')).headers.get('x-page-cache'), 'miss');
    assert.equal((await t.get('/')).headers.get('x-page-cache'), 'hit');
    await t.get(`/article/${articleId}`);

    const { categoryId, author, source, summary, bodyHtml, coverImage, isFeatured, status, publishedAt } = article;
    const fields = { categoryId, author, source, summary, bodyHtml, coverImage, isFeatured, status, publishedAt };
    assert.ok(await articles.update(articleId, article.version, { ...fields, title: '改过的标题' }, t.clock()));
    const edited = await t.get(`/article/${articleId}`);
    assert.equal(edited.headers.get('x-page-cache'), 'miss');
    assert.equal(textOf(edited.$, 'article h1'), '改过的标题');
    assert.ok(textOf((await t.get('/')).$, 'main').includes('改过的标题'), 'the home page shows the new title too');

    const id = await articles.create(
      {
        categoryId: article.categoryId,
        title: '刚刚发布的新闻',
        author: '',
        source: '',
        summary: '',
        bodyHtml: '<p>正文</p>',
        coverImage: null,
        isFeatured: false,
        status: 'published',
        publishedAt: t.clock(),
      },
      t.clock(),
    );
    assert.ok(textOf((await t.get('/')).$, 'main').includes('刚刚发布的新闻'));
    const fresh = await t.get(`/article/${id}`);
    assert.equal(fresh.status, 200);
    assert.ok(
      textOf(fresh.$, '#box-latest + ol, .sidebar').includes('刚刚发布的新闻'),
      'the sidebar (rendered once per chrome build) lists it too',
    );

    await articles.moveToTrash(id, t.clock());
    assert.equal((await t.get(`/article/${id}`)).status, 404);
    assert.ok(!textOf((await t.get('/')).$, 'main').includes('刚刚发布的新闻'));

    await settings.setMany({ supervisor: '缓存测试主管单位' });
    assert.match(textOf((await t.get('/')).$, 'footer'), /缓存测试主管单位/);
  });

  it('a scheduled article appears at its time without any write', async () => {
    const { articles } = t.repos;
    const at = t.clock() + 10 * 60_000;
    await articles.create(
      {
        categoryId: 1,
        title: '十分钟后发布',
        author: '',
        source: '',
        summary: '',
        bodyHtml: '<p>x</p>',
        coverImage: null,
        isFeatured: false,
        status: 'scheduled',
        publishedAt: at,
      },
      t.clock(),
    );
    assert.ok(!textOf((await t.get('/')).$, 'main').includes('十分钟后发布'));
    assert.equal((await t.get('/')).headers.get('x-page-cache'), 'hit');
    t.clock.set(at);
    const later = await t.get('/');
    assert.equal(later.headers.get('x-page-cache'), 'miss');
    assert.ok(textOf(later.$, 'main').includes('十分钟后发布'));
  });

  it('an approved comment empties only its article’s pages; a pending one changes nothing', async () => {
    const [other] = (await t.portal.repositories.articles.listVisible({ limit: 2 }, t.clock())).filter((a) => a.id !== articleId);
    await t.get(`/article/${articleId}`);
    await t.get(`/article/${other!.id}`);
    await t.get(`/article/${articleId}/comments`);

    await t.repos.comments.create({ articleId, nickname: '等待审核', body: '还没通过', status: 'pending', ipHash: 'x' }, t.clock());
    assert.equal((await t.get(`/article/${articleId}`)).headers.get('x-page-cache'), 'hit');

    const reader = new ReaderSession(t);
    await reader.openCommentForm(articleId);
    await reader.captcha();
    const posted = await reader.post(`/article/${articleId}/comments`, {
      _csrf: reader.csrfToken,
      nickname: '缓存读者',
      body: '缓存之后的评论',
      captcha: ANSWER,
    });
    assert.equal(posted.status, 303);
    const page = await reader.get(`/article/${articleId}`);
    assert.equal(page.headers.get('x-page-cache'), 'miss');
    assert.equal(page.$('.comment .comment-nickname').first().text(), '缓存读者');
    assert.equal((await t.get(`/article/${articleId}/comments`)).headers.get('x-page-cache'), 'miss');
    assert.equal((await t.get(`/article/${other!.id}`)).headers.get('x-page-cache'), 'hit', 'other articles stay cached');
  });

  it('never shows one visitor’s flash, token or form input to another', async () => {
    const a = new ReaderSession(t, asReader(1).headers);
    await a.openCommentForm(articleId);
    await a.captcha();
    const failed = await a.post(`/article/${articleId}/comments`, {
      _csrf: a.csrfToken,
      nickname: '甲的网名XYZ',
      body: '甲没写完',
      captcha: 'WRONG',
    });
    assert.equal(failed.status, 303);
    const backToA = await a.get(`/article/${articleId}`); // where the failed post lands
    assert.ok(!backToA.text.includes('甲的网名XYZ'), 'the shared page holds nothing of A');
    const formOfA = await a.get(`/article/${articleId}/comments/new`);
    assert.equal(formOfA.headers.get('x-page-cache'), null, 'a form coming back is never cached');
    assert.equal(formOfA.headers.get('cache-control'), 'no-store');
    assert.ok(formOfA.text.includes('甲的网名XYZ'));
    const token = a.csrfToken;
    const frameOfStranger = await new ReaderSession(t, asReader(3).headers).openCommentForm(articleId);
    assert.ok(!frameOfStranger.text.includes('甲的网名XYZ') && !frameOfStranger.text.includes('甲没写完'));

    await a.captcha();
    const posted = await a.post(`/article/${articleId}/comments`, {
      _csrf: a.csrfToken,
      nickname: '甲',
      body: '甲的评论内容',
      captcha: ANSWER,
    });
    assert.equal(posted.status, 303);
    // A's own view of the article (with a session cookie) is the shared page
    const seenByA = await a.get(`/article/${articleId}`);
    const seenByB = await t.get(`/article/${articleId}`, asReader(2));
    assert.equal(seenByB.headers.get('x-page-cache'), 'hit');
    for (const page of [seenByA, seenByB]) {
      assert.ok(!page.text.includes('甲的网名XYZ'));
      assert.ok(!page.text.includes('甲没写完'));
      assert.ok(!page.text.includes(token));
      assert.equal(page.$('input[name=_csrf]').length, 0);
      assert.equal(page.$('.notice').length, 0, 'no flash message in the shared page');
    }
    // the flash is A's alone, in A's comment-form frame
    assert.match(textOf((await a.openCommentForm(articleId)).$, '.notice'), /^评论已发表，感谢您的参与。您的申诉码：/);
    const b = new ReaderSession(t, asReader(2).headers);
    const frameOfB = await b.openCommentForm(articleId);
    assert.equal(frameOfB.$('.notice').length, 0);
    assert.notEqual(b.csrfToken, token);
    assert.equal(frameOfB.headers.get('cache-control'), 'no-store');
  });

  it('reading pages stays cookie-free and writes no session', async () => {
    const sessions = () => t.sql.value('SELECT COUNT(*) FROM sessions'); // no repository counts sessions
    const before = await sessions();
    for (const path of [
      '/',
      `/article/${articleId}`,
      '/category/law',
      '/search?q=%E6%B3%95',
      '/rank',
      '/page/about',
      `/article/${articleId}/comments`,
    ]) {
      for (let i = 0; i < 2; i += 1) {
        const page = await t.get(path);
        assert.equal(page.status, 200, path);
        assert.equal(page.headers.get('set-cookie'), null, path);
      }
    }
    assert.equal(await sessions(), before);
  });

  it('junk query parameters share the page; a forged Host changes nothing', async () => {
    await t.get(`/article/${articleId}`);
    const shared = await t.get(`/article/${articleId}?from=singlemessage&isappinstalled=0&utm_source=x`);
    assert.equal(shared.headers.get('x-page-cache'), 'hit');
    await t.get('/category/law?page=1');
    assert.equal((await t.get('/category/law?utm_medium=feed&page=1')).headers.get('x-page-cache'), 'hit');
    assert.equal((await t.get('/category/law?page=1&page=2')).status, 400, 'a repeated page number is not the same page');

    const forged = await rawGet(t, '/page/about', {
      host: 'evil.example',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'http',
    });
    assert.equal(forged.status, 200);
    assert.ok(!forged.body.toString('utf8').includes('evil.example'));
    const normal = await t.get('/page/about');
    assert.equal(normal.headers.get('x-page-cache'), 'hit');
    assert.ok(!normal.text.includes('evil.example'));
    assert.match(normal.$('link[rel=canonical]').attr('href') ?? '', /^https:\/\/[^/]+\/page\/about$/);
  });

  it('counts reads and page views on cached answers; crawlers still not', async () => {
    await t.portal.viewCounter.flush();
    const stored = async () => (await t.storage.repositories.articles.findById(articleId))!.views;
    const before = await stored();
    await t.get(`/article/${articleId}`, asReader(10)); // miss: counted by the controller
    for (const n of [11, 12, 13]) assert.equal((await t.get(`/article/${articleId}`, asReader(n))).headers.get('x-page-cache'), 'hit');
    await t.get(`/article/${articleId}`, asReader(13)); // the same reader again: not counted twice
    await t.get(`/article/${articleId}`, { headers: { 'user-agent': 'Mozilla/5.0 (compatible; Baiduspider/2.0)' } });
    assert.equal(t.portal.viewCounter.pendingArticleReads(articleId), 4);
    const pageViews = t.portal.viewCounter.pendingPageViews().today;
    assert.ok(pageViews >= 5, `page views counted on hits too (${pageViews})`);
    await t.portal.viewCounter.flush();
    assert.equal(await stored(), before + 4);
  });

  it('stays within its size bound however many distinct pages are asked for', async () => {
    const small = await makeTestApp({ env: { PAGE_CACHE_MB: '1' } });
    try {
      // a search page holds about 2 KB of its own (the sidebar and footer are shared): 1,000 need twice the bound
      const searches = 1000;
      for (let i = 0; i < searches; i += 1) {
        const page = await small.get(`/search?q=${encodeURIComponent(`法院${i}`)}`);
        assert.equal(page.status, 200);
      }
      const cache = small.portal.pageCache!;
      assert.ok(cache.bytes <= 1024 * 1024, `${cache.bytes} bytes kept`);
      assert.ok(cache.size > 10 && cache.size < searches, `${cache.size} pages kept`);
    } finally {
      await small.close();
    }
  });

  it('serves fingerprinted static files for a year, immutable', async () => {
    const page = await t.get('/');
    const css = page.$('link[rel=stylesheet]').attr('href')!;
    assert.match(css, /^\/css\/site\.[0-9a-f]{10}\.css$/);
    const response = await fetch(t.baseUrl + css);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('cache-control') ?? '', /max-age=31536000.*immutable/);
    assert.equal((await fetch(`${t.baseUrl}/css/site.0000000000.css`)).status, 404, 'only the current fingerprint');
    assert.equal((await fetch(`${t.baseUrl}/css/site.css`)).status, 200, 'the plain name still works');
  });
});
