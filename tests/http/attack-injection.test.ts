// Attack battery (issue 7), injections over the real HTTP server: SQL strings in every route
// and query parameter (reader and admin), EJS render-option injection through the query
// string and form bodies, and open redirects through the login's `next`. Nothing may answer
// 5xx, leak internals, change the database or run code; the server keeps serving.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createUser, TEST_PASSWORD } from '../support/admin.js';
import {
  LEAKED_INTERNALS,
  OPEN_REDIRECT_NEXTS,
  SQL_INJECTIONS,
  assertStillServing,
  contentSnapshot,
  isSameSitePath,
  label,
  mapLimit,
} from '../support/attack.js';
import { ReaderSession } from '../support/browser-session.js';
import { firstPollId } from '../support/records.js';
import { multipart } from '../support/multipart.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

describe('attack battery: injections', () => {
  let t: TestApp;
  let articleId: number;
  let pollId: number;
  let admin: ReaderSession;
  let address = 0;
  const nextAddress = () => {
    address += 1;
    return `203.0.${Math.floor(address / 250)}.${(address % 250) + 1}`;
  };

  /** A logged-in admin (the app trusts loopback's X-Forwarded-For, so each gets its own address). */
  async function logIn(username: string, next?: string): Promise<{ session: ReaderSession; location: string | null }> {
    const session = new ReaderSession(t, { 'user-agent': 'attack-battery', 'x-forwarded-for': nextAddress() });
    await session.get('/admin/login');
    const response = await session.post('/admin/login', {
      _csrf: session.csrfToken,
      username,
      password: TEST_PASSWORD,
      ...(next === undefined ? {} : { next }),
    });
    assert.equal(response.status, 303, `log-in as ${username}${next === undefined ? '' : ` with next=${label(next)}`}`);
    await session.get('/admin');
    return { session, location: response.headers.get('location') };
  }

  /** A GET as the admin (or anonymous), with a fresh client address against per-address limits. */
  async function fetchText(urlPath: string, session?: ReaderSession): Promise<{ status: number; text: string }> {
    const cookie = session?.cookie('portal.sid');
    const response = await fetch(t.baseUrl + urlPath, {
      redirect: 'manual',
      headers: { 'x-forwarded-for': nextAddress(), ...(cookie ? { cookie: `portal.sid=${cookie}` } : {}) },
    });
    return { status: response.status, text: await response.text() };
  }

  before(async () => {
    t = await makeTestApp({ captchaText: () => 'K7PX', env: { TRUST_PROXY: 'loopback' } });
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    articleId = newest!.id;
    pollId = await firstPollId(t.storage.repositories);
    await createUser(t, 'attack-admin', 'admin');
    admin = (await logIn('attack-admin')).session;
  });
  after(() => t?.close());

  describe('SQL injection', () => {
    const readerSlots = (x: string) => [
      `/article/${x}`,
      `/article/${x}/comments`,
      `/article/${articleId}/comments?order=${x}`,
      `/article/${articleId}/comments?page=${x}`,
      `/article/${articleId}/comments?order=newest&page=${x}`,
      `/category/${x}`,
      `/category/law?page=${x}`,
      `/category/${x}/feed.xml`,
      `/search?q=${x}`,
      `/search?q=%E6%B3%95%E9%99%A2&page=${x}`,
      `/rank?period=${x}`,
      `/rank?category=${x}`,
      `/rank?period=all&category=${x}`,
      `/polls/${x}`,
      `/polls/${pollId}?option=${x}`,
      `/staff?q=${x}`,
      `/page/${x}`,
      `/captcha?purpose=${x}`,
      `/sitemap-articles-${x}.xml`,
      `/?page=${x}`,
    ];
    const adminSlots = (x: string) => [
      `/admin/articles?status=${x}`,
      `/admin/articles?category=${x}`,
      `/admin/articles?q=${x}`,
      `/admin/articles?page=${x}`,
      `/admin/articles?status=draft&category=1&q=${x}&page=1`,
      `/admin/articles/${x}/edit`,
      `/admin/articles/${x}/preview`,
      `/admin/articles/${x}/revisions`,
      `/admin/articles/${articleId}/revisions/${x}`,
      `/admin/comments?status=${x}`,
      `/admin/comments?page=${x}`,
      `/admin/submissions?status=${x}`,
      `/admin/submissions?page=${x}`,
      `/admin/submissions/${x}`,
      `/admin/staff?q=${x}`,
      `/admin/staff?page=${x}`,
      `/admin/staff/${x}/edit`,
      `/admin/polls?page=${x}`,
      `/admin/polls/${x}`,
      `/admin/polls/${x}/edit`,
      `/admin/categories/${x}/edit`,
      `/admin/pages/${x}/edit`,
      `/admin/users/${x}/edit`,
      `/admin/audit?page=${x}`,
    ];

    it(`every route and query parameter (${SQL_INJECTIONS.length} strings): 4xx or a safe 200, never 5xx; the data is intact`, async () => {
      const before = await contentSnapshot(t);
      const attachTarget = '/tmp/attack.db';
      const attachExisted = fs.existsSync(attachTarget);
      const requests = SQL_INJECTIONS.flatMap((payload) => {
        const x = encodeURIComponent(payload);
        return [
          ...readerSlots(x).map((urlPath) => ({ payload, urlPath, session: undefined })),
          ...adminSlots(x).map((urlPath) => ({ payload, urlPath, session: admin })),
        ];
      });
      // the raw forms too: what a browser sends for a typed-in %27 or quote
      for (const raw of ["'", '%27', "1'--", '1%27%20OR%201=1--']) {
        requests.push(
          { payload: raw, urlPath: `/article/${raw}`, session: undefined },
          { payload: raw, urlPath: `/search?q=${raw}`, session: undefined },
        );
        requests.push({ payload: raw, urlPath: `/admin/articles?q=${raw}`, session: admin });
      }
      const failures: string[] = [];
      await mapLimit(requests, 8, async ({ payload, urlPath, session }) => {
        const { status, text } = await fetchText(urlPath, session);
        if (status >= 500) failures.push(`${urlPath} (${label(payload)}) answered ${status}`);
        else if (session && status === 303) failures.push(`${urlPath}: the admin session was lost (303)`);
        else if (LEAKED_INTERNALS.test(text)) failures.push(`${urlPath} (${label(payload)}) leaks ${LEAKED_INTERNALS.exec(text)![0]}`);
      });
      assert.deepEqual(failures, [], `SQL injection answers:\n  ${failures.join('\n  ')}`);
      assert.deepEqual(await contentSnapshot(t), before, 'no table changed or disappeared');
      assert.equal(fs.existsSync(attachTarget), attachExisted, 'no database was attached and created');
      await assertStillServing(t, 'SQL injection in parameters');
    });

    it('quotes and SQL keywords are matched literally: no rows appear that do not contain them', async () => {
      const sqlish = SQL_INJECTIONS.filter((s) => /['"]|--|UNION|DROP|OR 1|OR\/\*/i.test(s));
      await mapLimit(sqlish, 6, async (payload) => {
        const x = encodeURIComponent(payload);
        const list = await admin.get(`/admin/articles?q=${x}`);
        assert.equal(list.status, 200, `/admin/articles?q=${label(payload)}`);
        assert.equal(list.$('tbody tr td:first-child a').length, 0, `admin title filter ${label(payload)} matches nothing`);
        const staff = await t.get(`/staff?q=${x}`, { headers: { 'x-forwarded-for': nextAddress() } });
        assert.ok(staff.status === 200 || staff.status === 422, `/staff?q=${label(payload)}`);
        assert.equal(staff.$('.staff-card').length, 0, `staff lookup ${label(payload)} finds nobody`);
        const search = await t.get(`/search?q=${x}`);
        assert.ok(search.status === 200 || search.status === 400, `/search?q=${label(payload)}`);
        const total = Number(search.$('.search-count strong').text() || '0');
        assert.ok(total < 5, `search ${label(payload)} does not return the whole table (${total})`);
      });
    });

    it('in posted forms and route ids: 4xx, nothing stored', async () => {
      const before = await contentSnapshot(t);
      const failures: string[] = [];
      const expect4xx = (what: string, status: number) => {
        if (status < 400 || status >= 500) failures.push(`${what} answered ${status}`);
      };
      // a representative half of the strings: every kind (quotes, comments, UNION, stacked, numbers, FTS syntax)
      await mapLimit(
        SQL_INJECTIONS.filter((_, i) => i % 2 === 0),
        4,
        async (payload) => {
          const x = encodeURIComponent(payload);
          const reader = new ReaderSession(t, { 'user-agent': 'attack-battery', 'x-forwarded-for': nextAddress() });
          await reader.get(`/polls/${pollId}`);
          expect4xx(
            `vote option=${label(payload)}`,
            (await reader.post(`/polls/${pollId}/vote`, { _csrf: reader.csrfToken, option: payload })).status,
          );
          expect4xx(
            `vote on poll ${label(payload)}`,
            (await reader.post(`/polls/${x}/vote`, { _csrf: reader.csrfToken, option: '1' })).status,
          );
          await reader.openCommentForm(articleId);
          expect4xx(
            `comment on article ${label(payload)}`,
            (await reader.post(`/article/${x}/comments`, { _csrf: reader.csrfToken, nickname: payload, body: payload, captcha: payload }))
              .status,
          );
          const login = new ReaderSession(t, { 'user-agent': 'attack-battery', 'x-forwarded-for': nextAddress() });
          await login.get('/admin/login');
          expect4xx(
            `login as ${label(payload)}`,
            (await login.post('/admin/login', { _csrf: login.csrfToken, username: payload, password: payload })).status,
          );
          expect4xx(
            `bulk moderation ids=${label(payload)}`,
            (await admin.post('/admin/comments/bulk', { _csrf: admin.csrfToken, action: 'delete', ids: payload })).status,
          );
          expect4xx(
            `moderate comment ${label(payload)}`,
            (await admin.post(`/admin/comments/${x}/moderate`, { _csrf: admin.csrfToken, action: 'delete' })).status,
          );
          expect4xx(`trash article ${label(payload)}`, (await admin.post(`/admin/articles/${x}/trash`, { _csrf: admin.csrfToken })).status);
          expect4xx(`purge article ${label(payload)}`, (await admin.post(`/admin/articles/${x}/purge`, { _csrf: admin.csrfToken })).status);
          expect4xx(
            `archive submission ${label(payload)}`,
            (await admin.post(`/admin/submissions/${x}/archive`, { _csrf: admin.csrfToken })).status,
          );
          expect4xx(`delete staff ${label(payload)}`, (await admin.post(`/admin/staff/${x}/delete`, { _csrf: admin.csrfToken })).status);
          expect4xx(`delete user ${label(payload)}`, (await admin.post(`/admin/users/${x}/delete`, { _csrf: admin.csrfToken })).status);
          // a whole number (' 1', '0x10') is a valid id or version to Number(): not an injection, and
          // it could really save, so those go only where they cannot match anything
          const numeric = Number.isSafeInteger(Number(payload));
          const article = {
            _csrf: admin.csrfToken,
            title: payload,
            categoryId: payload,
            author: payload,
            source: payload,
            summary: payload,
            bodyHtml: `<p>${payload}</p>`,
            status: 'published',
            publishAt: '',
            version: '0',
          };
          if (!numeric)
            expect4xx(`article categoryId=${label(payload)}`, (await admin.postMultipart('/admin/articles', multipart(article))).status);
          expect4xx(
            `article status=${label(payload)}`,
            (await admin.postMultipart('/admin/articles', multipart({ ...article, categoryId: '1', status: payload }))).status,
          );
          if (!numeric)
            expect4xx(
              `article version=${label(payload)}`,
              (
                await admin.postMultipart(
                  `/admin/articles/${articleId}`,
                  multipart({ ...article, categoryId: '1', status: 'published', version: payload }),
                )
              ).status,
            );
        },
      );
      assert.deepEqual(failures, [], `posted SQL injection:\n  ${failures.join('\n  ')}`);
      assert.deepEqual(await contentSnapshot(t), before, 'nothing stored, deleted or changed');
      await assertStillServing(t, 'SQL injection in forms');
    });
  });

  describe('EJS option injection', () => {
    let marker: string;
    const routes = () => [
      '/',
      `/article/${articleId}`,
      `/article/${articleId}/comments`,
      '/category/law',
      '/search?q=%E6%B3%95%E9%99%A2',
      '/staff',
      `/polls/${pollId}`,
      '/rank',
      '/submit',
      '/page/about',
      '/admin/login',
    ];
    const adminRoutes = ['/admin', '/admin/articles', '/admin/comments', '/admin/submissions'];
    const write = () => `process.getBuiltinModule('fs').writeFileSync('${marker}','pwned')`;
    const injections = (): [string, string][][] => [
      [['settings[view options][outputFunctionName]', `x;${write()};s`]],
      [['settings[view options][outputFunctionName]', `x;process.mainModule.require('child_process').execSync('touch ${marker}');s`]],
      [
        ['settings[view options][client]', '1'],
        ['settings[view options][escapeFunction]', `1;${write()}`],
      ],
      [['settings[view options][localsName]', `x=${write()}`]],
      [['outputFunctionName', `x;${write()};s`]],
      [
        ['client', '1'],
        ['escapeFunction', `1;${write()}`],
      ],
      [
        ['client', 'true'],
        ['escape', `function(){${write()}}`],
      ],
      [['localsName', `x=${write()}`]],
      [['destructuredLocals[]', `x=${write()}`]],
      [['destructuredLocals[0]', `a=${write()}`]],
      [['destructuredLocals', `x=${write()}`]],
      [['delimiter', '%']],
      [['delimiter', '?']],
      [
        ['openDelimiter', '['],
        ['closeDelimiter', ']'],
      ],
      [['debug', '1']],
      [
        ['debug', 'true'],
        ['compileDebug', 'true'],
      ],
      [['cache', 'false']],
      [
        ['cache', 'true'],
        ['filename', '/etc/passwd'],
      ],
      [['filename', '../../package.json']],
      [['root', '/']],
      [['views', '/etc']],
      [['settings[views]', '/etc']],
      [['settings[view engine]', 'txt']],
      [['async', '1']],
      [
        ['strict', '1'],
        ['_with', 'false'],
      ],
      [['rmWhitespace', '1']],
      [['__proto__[outputFunctionName]', `x;${write()};s`]],
      [['constructor[prototype][outputFunctionName]', `x;${write()};s`]],
      [
        ['__proto__[client]', '1'],
        ['__proto__[escapeFunction]', `1;${write()}`],
      ],
      [['_locals[settings][view options][outputFunctionName]', `x;${write()};s`]],
      [['layout', '../../package.json']],
    ];
    const encode = (pairs: [string, string][], raw: boolean) =>
      pairs.map(([k, v]) => `${raw ? k.replace(/ /g, '%20') : encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    const titleOf = (text: string) => /<title>([^<]*)<\/title>/.exec(text)?.[1] ?? '';

    before(() => {
      marker = path.join(t.dataDir, 'ejs-injection-marker');
    });

    it('through the query string of reader and admin pages: the normal page, no code runs', async () => {
      const baselines = new Map<string, { status: number; title: string }>();
      for (const route of [...routes(), ...adminRoutes]) {
        const { status, text } = await fetchText(route, adminRoutes.includes(route) ? admin : undefined);
        baselines.set(route, { status, title: titleOf(text) });
      }
      const requests = [...routes(), ...adminRoutes].flatMap((route) =>
        injections().flatMap((pairs) =>
          [true, false].map((raw) => ({ route, urlPath: `${route}${route.includes('?') ? '&' : '?'}${encode(pairs, raw)}`, pairs })),
        ),
      );
      const failures: string[] = [];
      await mapLimit(requests, 8, async ({ route, urlPath }) => {
        const asAdmin = adminRoutes.includes(route);
        const { status, text } = await fetchText(urlPath, asAdmin ? admin : undefined);
        const baseline = baselines.get(route)!;
        if (status >= 500) failures.push(`${urlPath} answered ${status}`);
        else if (status !== baseline.status) failures.push(`${urlPath} answered ${status} instead of ${baseline.status}`);
        else if (titleOf(text) !== baseline.title)
          failures.push(`${urlPath} is not the normal page (title ${JSON.stringify(titleOf(text))})`);
        if (LEAKED_INTERNALS.test(text)) failures.push(`${urlPath} leaks ${LEAKED_INTERNALS.exec(text)![0]}`);
        if (/writeFileSync|execSync/.test(text)) failures.push(`${urlPath} echoes the injected code`);
      });
      assert.deepEqual(failures, [], `EJS option injection:\n  ${failures.join('\n  ')}`);
      assert.equal(fs.existsSync(marker), false, 'the injected code never ran (no marker file)');
      const prototype = Object.prototype as Record<string, unknown>;
      for (const key of ['outputFunctionName', 'client', 'escapeFunction', 'localsName', 'destructuredLocals']) {
        assert.equal(prototype[key], undefined, `Object.prototype.${key} is not polluted`);
      }
      await assertStillServing(t, 'EJS option injection in query strings');
    });

    it('through form bodies (comment, submission, login, admin editor): the normal answer, no code runs', async () => {
      const failures: string[] = [];
      await mapLimit(injections(), 4, async (pairs) => {
        const extra = Object.fromEntries(pairs.slice(0, 3));
        const reader = new ReaderSession(t, { 'user-agent': 'attack-battery', 'x-forwarded-for': nextAddress() });
        await reader.openCommentForm(articleId);
        const posted = await reader.post(`/article/${articleId}/comments`, {
          _csrf: reader.csrfToken,
          nickname: '读者',
          body: '注入测试评论',
          captcha: 'nope',
          ...extra,
        });
        if (posted.status !== 303 || posted.headers.get('location') !== `/article/${articleId}/comments/new`) {
          failures.push(`comment with ${JSON.stringify(pairs)} answered ${posted.status}`);
        }
        const comment = await reader.get(`/article/${articleId}/comments/new`); // the form comes back with the reason
        if (textOf(comment.$, '#comment-captcha-error') === '')
          failures.push(`comment with ${JSON.stringify(pairs)} did not come back with its error`);
        await reader.get('/submit');
        const submission = await reader.post('/submit', {
          _csrf: reader.csrfToken,
          name: '读者',
          contact: 'x@example.org',
          title: '注入测试',
          body: '注入测试正文足够长足够长足够长足够长足够长',
          captcha: 'nope',
          ...extra,
        });
        if (submission.status !== 422 || textOf(submission.$, 'main h1') !== '投稿信箱')
          failures.push(`submission with ${JSON.stringify(pairs)} answered ${submission.status}`);
        await reader.get('/admin/login');
        const login = await reader.post('/admin/login', {
          _csrf: reader.csrfToken,
          username: 'nobody',
          password: 'wrong-password',
          ...extra,
        });
        if (login.status !== 401) failures.push(`login with ${JSON.stringify(pairs)} answered ${login.status}`);
        const editor = await admin.postMultipart(
          '/admin/articles',
          multipart({
            _csrf: admin.csrfToken,
            title: '注入测试',
            categoryId: '',
            bodyHtml: '<p>x</p>',
            status: 'draft',
            version: '0',
            ...extra,
          }),
        );
        if (editor.status !== 422 && editor.status !== 400)
          failures.push(`admin editor with ${JSON.stringify(pairs)} answered ${editor.status}`);
        for (const page of [comment, submission, login, editor]) {
          if (/writeFileSync|execSync/.test(page.text) || LEAKED_INTERNALS.test(page.text))
            failures.push(`an answer to ${JSON.stringify(pairs)} echoes code or internals`);
        }
      });
      assert.deepEqual(failures, [], `EJS option injection in bodies:\n  ${failures.join('\n  ')}`);
      assert.equal(fs.existsSync(marker), false, 'the injected code never ran (no marker file)');
      await assertStillServing(t, 'EJS option injection in form bodies');
    });
  });

  describe('open redirects through the login `next`', () => {
    const onSite = (location: string | null) => {
      if (location === null || !isSameSitePath(location) || location !== location.trim()) return false;
      return new URL(location, t.baseUrl).origin === new URL(t.baseUrl).origin;
    };

    it(`after a successful log-in the Location stays on the site (${OPEN_REDIRECT_NEXTS.length} values, the login form's field and the posted value)`, async () => {
      await createUser(t, 'redirect-admin', 'admin');
      const failures: string[] = [];
      await mapLimit(OPEN_REDIRECT_NEXTS, 4, async (next) => {
        for (const query of [encodeURIComponent(next), next.replace(/[\s#&]/g, encodeURIComponent)]) {
          const page = await t.get(`/admin/login?next=${query}`, { headers: { 'x-forwarded-for': nextAddress() } });
          if (page.status !== 200) failures.push(`GET /admin/login?next=${query} answered ${page.status}`);
          const hidden = page.$('input[name=next]').attr('value') ?? '';
          if (!onSite(hidden)) failures.push(`the login form carries next=${JSON.stringify(hidden)} for ${label(next)}`);
        }
        const posted = await logIn('redirect-admin', next);
        if (!onSite(posted.location)) failures.push(`log-in posting next=${label(next)} went to ${JSON.stringify(posted.location)}`);
      });
      assert.deepEqual(failures, [], `open redirects:\n  ${failures.join('\n  ')}`);
      await assertStillServing(t, 'open-redirect log-ins');
    });

    it('other redirects keep to the site: the log-in prompt for admin paths, and no redirects for //host paths', async () => {
      for (const target of [
        '/admin//evil.example',
        '/admin/%2F%2Fevil.example',
        '/admin/\\evil.example',
        '/admin/articles?next=//evil.example',
      ]) {
        const response = await fetch(t.baseUrl + target, { redirect: 'manual' });
        await response.arrayBuffer();
        assert.equal(response.status, 303, target);
        const location = response.headers.get('location');
        assert.ok(onSite(location), `${target} redirects to ${location}`);
        assert.match(location!, /^\/admin\/login(\?|$)/);
      }
      for (const target of [
        '//evil.example',
        '//evil.example/',
        '/\\evil.example',
        '/%2F%2Fevil.example',
        '/css//evil.example',
        '/uploads//evil.example',
      ]) {
        const response = await fetch(t.baseUrl + target, { redirect: 'manual' });
        await response.arrayBuffer();
        assert.ok(
          response.status < 300 || response.status >= 400 || onSite(response.headers.get('location')),
          `${target}: ${response.status} to ${response.headers.get('location')}`,
        );
        assert.ok(response.status < 500, `${target}: ${response.status}`);
      }
      const { session } = await logIn('attack-admin', '/admin/comments');
      const again = await session.request('/admin/login?next=//evil.example');
      assert.equal(again.status, 303);
      assert.ok(onSite(again.headers.get('location')), `a logged-in visit to the login page goes to ${again.headers.get('location')}`);
      await assertStillServing(t, 'redirect checks');
    });
  });
});
