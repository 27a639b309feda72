// 我的账户: an editor changes their own password (current password required, rules for the new
// one, other sessions ended, audited); the header names the user and role once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../src/domain/types.js';
import { verifyPassword } from '../../src/services/passwords.js';
import { createUser, TEST_PASSWORD } from '../support/admin.js';
import { ReaderSession } from '../support/browser-session.js';
import { auditEntries } from '../support/records.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

const NEW_PASSWORD = 'a much longer passphrase';

describe('my account', () => {
  let t: TestApp;
  before(async () => {
    t = await makeTestApp();
  });
  after(() => t.close());

  const hashOf = async (username: string) => (await t.storage.repositories.users.findByUsername(username))!.passwordHash;
  const renamed = (id: number, displayName: string, role: Role) => t.repos.users.update(id, { displayName, role });

  async function session(username: string, password = TEST_PASSWORD): Promise<ReaderSession> {
    const reader = new ReaderSession(t);
    await reader.get('/admin/login');
    const response = await reader.post('/admin/login', { _csrf: reader.csrfToken, username, password });
    assert.equal(response.status, 303, `${username} logs in`);
    await reader.get('/admin/account');
    return reader;
  }

  const change = (reader: ReaderSession, fields: Record<string, string>) =>
    reader.post('/admin/account/password', { _csrf: reader.csrfToken, ...fields });

  it('shows the account and the form, in Chinese, with the name and role once in the header', async () => {
    assert.ok(await renamed(await createUser(t, 'reporter-li', 'editor'), '李记者', 'editor'));
    const reader = await session('reporter-li');
    const page = await reader.get('/admin/account');
    assert.equal(page.status, 200);
    assert.equal(textOf(page.$, 'h1'), '我的账户');
    assert.equal(textOf(page.$, '.admin-account'), '李记者编辑');
    assert.equal(page.$('.admin-account .role-badge').text(), '编辑');
    assert.deepEqual(
      page
        .$('#password-form input[type=password]')
        .map((_, el) => page.$(el).attr('autocomplete'))
        .get(),
      ['current-password', 'new-password', 'new-password'],
    );
    assert.equal(page.headers.get('cache-control'), 'no-store');

    assert.ok(await renamed(await createUser(t, 'admin2', 'admin'), '管理员', 'admin'));
    const admin = await session('admin2');
    const header = await admin.get('/admin');
    assert.equal(textOf(header.$, '.admin-account'), '管理员', 'not “管理员（管理员）”');
    assert.equal(header.$('.admin-account').attr('href'), '/admin/account');
  });

  it('changes the password with the current one, ends the user’s other sessions, keeps this one, and audits it', async () => {
    await createUser(t, 'editor-wang', 'editor');
    const here = await session('editor-wang');
    const elsewhere = await session('editor-wang');
    const response = await change(here, { current: TEST_PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/admin/account');
    assert.ok(await verifyPassword(await hashOf('editor-wang'), NEW_PASSWORD));
    const page = await here.get('/admin/account');
    assert.match(textOf(page.$, '.notice'), /密码已修改/);
    assert.equal((await elsewhere.get('/admin')).status, 303, 'the other session was ended');
    assert.equal((await here.get('/admin')).status, 200, 'this one stays');
    const audit = (await auditEntries(t.storage.repositories, { action: 'user.password' })).map(({ username, summary }) => ({
      username,
      summary,
    }));
    assert.deepEqual(audit, [{ username: 'editor-wang', summary: 'editor-wang 修改了自己的密码' }]);
    await session('editor-wang', NEW_PASSWORD);
  });

  it('refuses with 422 and changes nothing: a wrong current password, a short one, the user name, a mismatch', async () => {
    await createUser(t, 'editor-zhao', 'editor');
    const reader = await session('editor-zhao');
    const before = await hashOf('editor-zhao');
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ current: 'not my password', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, 'current', /当前密码不正确/],
      [{ current: '', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, 'current', /请输入当前密码/],
      [{ current: TEST_PASSWORD, password: 'short1234', passwordConfirm: 'short1234' }, 'password', /至少 10 个字符/],
      [{ current: TEST_PASSWORD, password: 'Editor-Zhao', passwordConfirm: 'Editor-Zhao' }, 'password', /不能与用户名相同/],
      [{ current: TEST_PASSWORD, password: TEST_PASSWORD, passwordConfirm: TEST_PASSWORD }, 'password', /不能与当前密码相同/],
      [{ current: TEST_PASSWORD, password: NEW_PASSWORD, passwordConfirm: `${NEW_PASSWORD}!` }, 'passwordConfirm', /不一致/],
    ];
    for (const [fields, field, message] of cases) {
      const response = await change(reader, fields);
      assert.equal(response.status, 422, JSON.stringify(fields));
      assert.match(textOf(response.$, `#account-${field}-error`), message);
      assert.equal(response.$(`#account-${field}`).attr('aria-invalid'), 'true');
      assert.equal(
        response.$('input[type=password]').filter((_, el) => response.$(el).attr('value') !== undefined).length,
        0,
        'passwords are never sent back',
      );
    }
    assert.equal(await hashOf('editor-zhao'), before);
    assert.equal((await reader.get('/admin')).status, 200, 'still logged in');
    assert.equal(
      (await reader.post('/admin/account/password', { current: TEST_PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }))
        .status,
      403,
      'CSRF',
    );
    assert.equal((await new ReaderSession(t).get('/admin/account')).status, 303, 'editors only');
    assert.equal(await hashOf('editor-zhao'), before);
  });

  it('wrong current passwords are rate-limited like failed log-ins', async () => {
    await createUser(t, 'editor-sun', 'editor');
    const reader = await session('editor-sun');
    let last = 0;
    for (let i = 0; i < 11; i += 1)
      last = (await change(reader, { current: `guess-${i}-guess`, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).status;
    assert.equal(last, 429);
  });
});
