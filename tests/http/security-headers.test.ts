// Security headers on every kind of answer (rendered and cached pages, errors, static files,
// uploads, captchas, the admin log-in, feeds, the health check), and the session cookie's
// flags: HttpOnly and SameSite=Lax always, Secure over HTTPS behind a trusted proxy only.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeTestApp, type TestApp } from '../support/test-app.js';

const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 headers-test';

/** The directives of a Content-Security-Policy header, by name. */
function cspDirectives(header: string): Map<string, string[]> {
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

function assertSecurityHeaders(response: Response, what: string, frameAncestors = "'none'"): void {
  const csp = response.headers.get('content-security-policy');
  assert.ok(csp, `${what}: a Content-Security-Policy`);
  const directives = cspDirectives(csp);
  const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
  assert.ok(scriptSrc, `${what}: script-src (or default-src) is set`);
  assert.ok(!scriptSrc.includes("'unsafe-inline'") && !scriptSrc.includes("'unsafe-eval'"), `${what}: no inline or eval scripts (${csp})`);
  assert.ok(!(directives.get('style-src') ?? []).includes("'unsafe-inline'"), `${what}: no inline styles`);
  assert.deepEqual(directives.get('frame-ancestors'), [frameAncestors], `${what}: frame-ancestors ${frameAncestors}`);
  assert.deepEqual(directives.get('object-src'), ["'none'"], `${what}: object-src 'none'`);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
  assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', `${what}: Referrer-Policy`);
  assert.equal(response.headers.get('x-powered-by'), null, `${what}: no X-Powered-By`);
}

/** The attributes of the session cookie in a response (lower-cased names), or undefined. */
function sessionCookie(response: Response): Map<string, string> | undefined {
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith('portal.sid='));
  if (!line) return undefined;
  return new Map(
    line
      .split(';')
      .slice(1)
      .map((attribute) => {
        const [name = '', ...value] = attribute.trim().split('=');
        return [name.toLowerCase(), value.join('=')] as [string, string];
      }),
  );
}

describe('security headers on every kind of answer', () => {
  let t: TestApp;
  let uploadName: string;
  before(async () => {
    t = await makeTestApp();
    uploadName = 'a1b2c3d4e5f6-headers-test.webp';
    const uploads = path.join(t.dataDir, 'uploads');
    fs.mkdirSync(uploads, { recursive: true });
    fs.writeFileSync(
      path.join(uploads, uploadName),
      Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00', 'latin1'),
    );
  });
  after(() => t.close());

  const get = (urlPath: string, headers: Record<string, string> = {}) =>
    fetch(t.baseUrl + urlPath, { redirect: 'manual', headers: { 'user-agent': USER_AGENT, ...headers } });

  it('pages (rendered and from the page cache), errors, files, captchas, log-in, feeds and the health check', async () => {
    const home = await t.get('/');
    const stylesheet = home.$('link[rel=stylesheet]').attr('href');
    assert.ok(stylesheet, 'the page links its stylesheet');
    const cases: [string, number, RegExp, string?][] = [
      ['/', 200, /text\/html/],
      ['/', 200, /text\/html/], // again: from the page cache when it is on
      ['/article/1', 200, /text\/html/],
      ['/article/1', 200, /text\/html/],
      ['/article/1/comment-form', 200, /text\/html/, "'self'"], // the frame our own article page embeds
      ['/category/law', 200, /text\/html/],
      ['/no-such-page', 404, /text\/html/],
      ['/article/999999', 404, /text\/html/],
      ['/category/law?page=abc', 400, /text\/html/],
      ['/category/law?page=1&page=2', 400, /text\/html/],
      ['/css/site.css', 200, /text\/css/],
      [stylesheet, 200, /text\/css/],
      ['/css/missing.css', 404, /text\/html/],
      [`/uploads/${uploadName}`, 200, /image\/webp/],
      ['/uploads/missing.webp', 404, /text\/html/],
      ['/vendor/quill/quill.js', 200, /javascript/],
      ['/captcha?purpose=comment', 200, /image\/png/],
      ['/captcha?purpose=nonsense', 400, /text\/html/],
      ['/admin/login', 200, /text\/html/],
      ['/admin', 303, /./],
      ['/feed.xml', 200, /xml/],
      ['/category/law/feed.xml', 200, /xml/],
      ['/sitemap.xml', 200, /xml/],
      ['/robots.txt', 200, /text\/plain/],
      ['/healthz', 200, /application\/json/],
    ];
    const cacheOutcomes = new Set<string>();
    for (const [urlPath, status, type, frameAncestors] of cases) {
      const response = await get(urlPath);
      await response.arrayBuffer();
      const cache = response.headers.get('x-page-cache');
      if (cache) cacheOutcomes.add(cache);
      const what = `GET ${urlPath} (${cache ?? 'not from the page cache'})`;
      assert.equal(response.status, status, what);
      if (status !== 303) assert.match(response.headers.get('content-type') ?? '', type, what);
      assertSecurityHeaders(response, what, frameAncestors);
    }
    if (t.portal.pageCache) assert.ok(cacheOutcomes.has('hit'), 'answers from the page cache were among them');
  });

  it('answers to posted forms: redirects, refusals and validation errors', async () => {
    const posts: [string, Record<string, string>, string, number][] = [
      ['/article/1/comments', { 'content-type': 'text/plain' }, 'a=b', 415],
      ['/article/1/comments', { 'content-type': 'application/x-www-form-urlencoded' }, 'nickname=a&body=bb', 403],
      ['/article/1/comments', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=%zz', 400],
      ['/polls/1/vote', { 'content-type': 'application/x-www-form-urlencoded' }, 'option=1', 403],
      ['/admin/login', { 'content-type': 'application/x-www-form-urlencoded' }, 'username=a&password=b', 403],
      ['/admin/articles', { 'content-type': 'application/x-www-form-urlencoded' }, 'title=x', 303],
    ];
    for (const [urlPath, headers, body, status] of posts) {
      const response = await fetch(t.baseUrl + urlPath, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'user-agent': USER_AGENT, ...headers },
        body,
      });
      await response.arrayBuffer();
      assert.equal(response.status, status, `POST ${urlPath}`);
      assertSecurityHeaders(response, `POST ${urlPath} (${status})`);
    }
  });

  it('the session cookie is HttpOnly and SameSite=Lax, and not Secure over plain HTTP (even if a client claims HTTPS)', async () => {
    for (const urlPath of ['/captcha?purpose=comment', '/admin/login', '/article/1/comment-form']) {
      for (const headers of [{}, { 'x-forwarded-proto': 'https' }] as Record<string, string>[]) {
        const response = await get(urlPath, headers);
        await response.arrayBuffer();
        const cookie = sessionCookie(response);
        assert.ok(cookie, `GET ${urlPath} starts a session`);
        assert.ok(cookie.has('httponly'), `${urlPath}: HttpOnly`);
        assert.equal(cookie.get('samesite')?.toLowerCase(), 'lax', `${urlPath}: SameSite=Lax`);
        assert.equal(cookie.get('path'), '/');
        assert.equal(cookie.has('secure'), false, `${urlPath} ${JSON.stringify(headers)}: no Secure without a trusted proxy`);
      }
    }
    const page = await get('/');
    await page.arrayBuffer();
    assert.equal(sessionCookie(page), undefined, 'plain reading starts no session');
  });
});

describe('behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  let t: TestApp;
  before(async () => {
    t = await makeTestApp({ env: { TRUST_PROXY: 'loopback' } });
  });
  after(() => t.close());

  it('the session cookie is Secure when the proxy says the request came over HTTPS, and only then', async () => {
    for (const urlPath of ['/captcha?purpose=comment', '/admin/login', '/article/1/comment-form']) {
      const overHttps = await fetch(t.baseUrl + urlPath, { headers: { 'user-agent': USER_AGENT, 'x-forwarded-proto': 'https' } });
      await overHttps.arrayBuffer();
      assertSecurityHeaders(overHttps, `GET ${urlPath} over HTTPS`, urlPath.endsWith('comment-form') ? "'self'" : "'none'");
      const secure = sessionCookie(overHttps);
      assert.ok(secure, `GET ${urlPath} starts a session`);
      assert.ok(secure.has('secure'), `${urlPath}: Secure behind the trusted proxy over HTTPS`);
      assert.ok(secure.has('httponly'));
      assert.equal(secure.get('samesite')?.toLowerCase(), 'lax');

      const overHttp = await fetch(t.baseUrl + urlPath, { headers: { 'user-agent': USER_AGENT, 'x-forwarded-proto': 'http' } });
      await overHttp.arrayBuffer();
      const plain = sessionCookie(overHttp);
      assert.ok(plain, `GET ${urlPath} over HTTP starts a session too`);
      assert.equal(plain.has('secure'), false, `${urlPath}: no Secure over HTTP`);
    }
  });

  it('the session cookie set at log-in (a new session id) keeps the flags', async () => {
    const { createUser, TEST_PASSWORD } = await import('../support/admin.js');
    await createUser(t, 'headers-editor', 'editor');
    const headers = { 'user-agent': USER_AGENT, 'x-forwarded-proto': 'https' };
    const form = await fetch(`${t.baseUrl}/admin/login`, { headers });
    const formCookie = form.headers
      .getSetCookie()
      .find((c) => c.startsWith('portal.sid='))!
      .split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
    assert.ok(csrf);
    const login = await fetch(`${t.baseUrl}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...headers, cookie: formCookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, username: 'headers-editor', password: TEST_PASSWORD }).toString(),
    });
    await login.arrayBuffer();
    assert.equal(login.status, 303);
    assertSecurityHeaders(login, 'POST /admin/login (303)');
    const cookie = sessionCookie(login);
    assert.ok(cookie, 'a new session cookie at log-in');
    assert.ok(cookie.has('secure') && cookie.has('httponly'));
    assert.equal(cookie.get('samesite')?.toLowerCase(), 'lax');
  });
});
