// The editors' area: log-in rules (no fixation, generic errors, lockout, rate limit), roles,
// CSRF on every POST, no caching, and every admin page refused to anonymous visitors.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createUser, loggedIn, TEST_PASSWORD } from '../support/admin.js';
import { ReaderSession } from '../support/browser-session.js';
import { auditEntries } from '../support/records.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

/** Every GET route of the admin route modules, with ids filled in. */
function adminGetRoutes(): string[] {
  const folder = path.join(import.meta.dirname, '../../src/web/routes');
  const mounts = new Map<string, string>();
  const adminRoutes = fs.readFileSync(path.join(folder, 'admin-routes.ts'), 'utf8');
  for (const m of adminRoutes.matchAll(/router\.use\('([^']+)',(?:[^,]+,)? (\w+)Routes\(context\)\)/g)) mounts.set(m[2]!, m[1]!);
  const routes = ['/admin', '/admin/'];
  for (const m of adminRoutes.matchAll(/router\.get\('([^']+)'/g)) routes.push(`/admin${m[1] === '/' ? '' : m[1]}`);
  for (const [name, mount] of mounts) {
    const source = fs.readFileSync(path.join(folder, 'admin', `${name}-routes.ts`), 'utf8');
    routes.push(`/admin${mount}`);
    for (const m of source.matchAll(/router\.get\('([^']+)'/g))
      routes.push(`/admin${mount}${m[1] === '/' ? '' : m[1]}`.replace(/:\w+/g, '1'));
  }
  return [...new Set(routes)].filter((r) => r !== '/admin/login');
}

describe('admin authentication', () => {
  let t: TestApp;
  before(async () => {
    t = await makeTestApp();
  });
  after(() => t.close());

  it('refuses every admin page to anonymous visitors with the login redirect, and is never cached', async () => {
    const routes = adminGetRoutes();
    assert.ok(routes.length >= 15, `found ${routes.length} admin GET routes`);
    for (const route of routes) {
      const page = await t.get(route);
      assert.equal(page.status, 303, route);
      assert.match(page.headers.get('location') ?? '', /^\/admin\/login(\?next=|$)/, route);
      assert.equal(page.headers.get('cache-control'), 'no-store', route);
    }
    const login = await t.get('/admin/login');
    assert.equal(login.status, 200);
    assert.equal(login.headers.get('cache-control'), 'no-store');
    assert.equal(login.$('input[name=password]').attr('type'), 'password');
  });

  it('logs in with a new session id (no fixation), then logs out and destroys the session', async () => {
    await createUser(t, 'zhangsan', 'editor');
    const editor = new ReaderSession(t);
    await editor.get('/admin/login');
    const before = editor.cookie('portal.sid');
    assert.ok(before);
    const response = await editor.post('/admin/login', {
      _csrf: editor.csrfToken,
      username: 'zhangsan',
      password: TEST_PASSWORD,
      next: '/admin/articles',
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/admin/articles');
    const after = editor.cookie('portal.sid');
    assert.ok(after && after !== before, 'the session id changed at login');
    const dashboard = await editor.get('/admin');
    assert.equal(dashboard.status, 200);
    assert.equal(textOf(dashboard.$, '.admin-user .admin-account'), 'zhangsan编辑');
    assert.equal(textOf(dashboard.$, '.admin-user .role-badge'), '编辑');
    // the old session id does not carry the login
    const fixated = new ReaderSession(t);
    fixated.setCookie('portal.sid', before!);
    assert.equal((await fixated.get('/admin')).status, 303);

    const out = await editor.post('/admin/logout', { _csrf: editor.csrfToken });
    assert.equal(out.status, 303);
    assert.equal((await editor.get('/admin')).status, 303, 'logged out');
    const stolen = new ReaderSession(t);
    stolen.setCookie('portal.sid', after!);
    assert.equal((await stolen.get('/admin')).status, 303, 'the old session is destroyed');
    assert.equal((await auditEntries(t.storage.repositories, { action: ['user.login', 'user.logout'] })).length, 2);
  });

  it('answers unknown users and wrong passwords alike, and locks an account after 5 failures', async () => {
    await createUser(t, 'lisi', 'editor');
    const attempt = async (username: string, password: string) => {
      const session = new ReaderSession(t, { 'user-agent': 'x', 'x-forwarded-for': '1.2.3.4' });
      await session.get('/admin/login');
      return session.post('/admin/login', { _csrf: session.csrfToken, username, password });
    };
    const unknown = await attempt('nobody', 'whatever-password');
    const wrong = await attempt('lisi', 'wrong-password');
    assert.equal(unknown.status, 401);
    assert.equal(wrong.status, 401);
    assert.equal(textOf(unknown.$, '.notice'), textOf(wrong.$, '.notice'));
    assert.equal(wrong.$('input[name=username]').val(), 'lisi', 'the user name is kept');
    for (let i = 0; i < 4; i += 1) await attempt('lisi', 'wrong-password');
    const locked = await attempt('lisi', TEST_PASSWORD);
    assert.equal(locked.status, 401, 'locked even with the right password');
    t.clock.advance(15 * 60_000 + 1);
    assert.equal((await attempt('lisi', TEST_PASSWORD)).status, 303, 'unlocked after 15 minutes');
  });

  it('rate-limits failed log-ins per address', async () => {
    const limited = await makeTestApp({ demo: false });
    try {
      let status = 0;
      for (let i = 0; i < 11; i += 1) {
        const session = new ReaderSession(limited);
        await session.get('/admin/login');
        status = (await session.post('/admin/login', { _csrf: session.csrfToken, username: `u${i}`, password: 'nope-nope-nope' })).status;
      }
      assert.equal(status, 429);
    } finally {
      await limited.close();
    }
  });

  it('only follows redirects inside /admin after login', async () => {
    await createUser(t, 'wangwu', 'editor');
    for (const next of ['//evil.example', 'https://evil.example/admin', '/\\evil.example', '/admin\\..\\evil', 'javascript:alert(1)']) {
      const session = new ReaderSession(t);
      const form = await session.get(`/admin/login?next=${encodeURIComponent(next)}`);
      assert.equal(form.$('input[name=next]').val(), '/admin', next);
      const response = await session.post('/admin/login', { _csrf: session.csrfToken, username: 'wangwu', password: TEST_PASSWORD, next });
      assert.equal(response.headers.get('location'), '/admin', next);
    }
  });

  it('editors cannot use admin-only sections', async () => {
    const editor = await loggedIn(t, 'chief');
    for (const route of ['/admin/settings', '/admin/users', '/admin/audit']) {
      assert.equal((await editor.get(route)).status, 403, route);
    }
    const admin = await loggedIn(t, 'admin');
    for (const route of ['/admin/settings', '/admin/users', '/admin/audit']) {
      assert.equal((await admin.get(route)).status, 200, route);
    }
    const nav = (await editor.get('/admin'))
      .$('.admin-nav a')
      .map((_, a) => a.attribs.href)
      .get();
    assert.ok(!nav.includes('/admin/users'), 'editors do not see admin-only links');
  });

  it('refuses log-in and log-out without a valid CSRF token', async () => {
    await createUser(t, 'zhaoliu', 'editor');
    const session = new ReaderSession(t);
    await session.get('/admin/login');
    assert.equal((await session.post('/admin/login', { username: 'zhaoliu', password: TEST_PASSWORD })).status, 403);
    assert.equal((await session.post('/admin/login', { _csrf: 'forged', username: 'zhaoliu', password: TEST_PASSWORD })).status, 403);
    const editor = await loggedIn(t, 'chief');
    assert.equal((await editor.post('/admin/logout', {})).status, 403);
    assert.equal((await editor.get('/admin')).status, 200, 'still logged in');
  });
});
