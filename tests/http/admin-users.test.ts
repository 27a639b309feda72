// Accounts in /admin/users: admins only; create, edit and delete with strict validation, hashed
// passwords and audit entries; nobody deletes or demotes themself and the last admin stays.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyPassword } from '../../src/services/passwords.js';
import { UserAdminService } from '../../src/services/user-admin-service.js';
import { createUser, loggedIn, TEST_PASSWORD } from '../support/admin.js';
import { ReaderSession } from '../support/browser-session.js';
import { auditEntries } from '../support/records.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

const NEW_PASSWORD = 'a much longer passphrase';

describe('admin users', () => {
  let t: TestApp;
  let admin: ReaderSession;
  let adminId: number;

  before(async () => {
    t = await makeTestApp();
    admin = await loggedIn(t, 'admin', 'chief');
    adminId = (await t.storage.repositories.users.findByUsername('chief'))!.id;
  });
  after(() => t.close());

  const userNamed = (username: string) => t.storage.repositories.users.findByUsername(username);
  const userById = (id: number) => t.storage.repositories.users.findById(id);
  const audits = (action: string) => auditEntries(t.storage.repositories, { action });

  async function logIn(username: string, password: string): Promise<number> {
    const session = new ReaderSession(t);
    await session.get('/admin/login');
    return (await session.post('/admin/login', { _csrf: session.csrfToken, username, password })).status;
  }

  it('lists every account without password hashes; no delete button for oneself', async () => {
    const editorId = await createUser(t, 'list.editor', 'editor');
    const page = await admin.get('/admin/users');
    assert.equal(page.status, 200);
    const { $ } = page;
    const row = $(`tr[data-user-id=${editorId}]`);
    assert.equal(row.find('.username').text(), 'list.editor');
    assert.equal(row.find('.role').text(), '编辑');
    assert.equal(row.find('a[href$="/edit"]').attr('href'), `/admin/users/${editorId}/edit`);
    assert.equal(row.find('form').attr('action'), `/admin/users/${editorId}/delete`);
    assert.equal(row.find('button').attr('data-confirm'), '确定删除吗？');
    const me = $(`tr[data-user-id=${adminId}]`);
    assert.match(me.find('.username').text(), /^chief\s*（当前登录）$/);
    assert.equal(me.find('form').length, 0);
    assert.doesNotMatch(page.text, /\$argon2/);
  });

  it('editors get 403 everywhere here and change nothing', async () => {
    const editor = await loggedIn(t, 'chief');
    const victim = await createUser(t, 'victim', 'editor');
    for (const path of ['/admin/users', '/admin/users/new', `/admin/users/${victim}/edit`]) {
      assert.equal((await editor.get(path)).status, 403, path);
    }
    assert.equal(
      (
        await editor.post('/admin/users', {
          _csrf: editor.csrfToken,
          username: 'sneaky',
          displayName: 'x',
          role: 'admin',
          password: NEW_PASSWORD,
          passwordConfirm: NEW_PASSWORD,
        })
      ).status,
      403,
    );
    assert.equal((await editor.post(`/admin/users/${victim}/delete`, { _csrf: editor.csrfToken })).status, 403);
    assert.equal(await userNamed('sneaky'), undefined);
    assert.ok(await userById(victim));
  });

  describe('create', () => {
    it('creates an account with a hashed password that can log in, and audits it', async () => {
      const form = await admin.get('/admin/users/new');
      assert.equal(form.status, 200);
      assert.equal(form.$('select[name=role] option:selected').val(), 'editor');
      const response = await admin.post('/admin/users', {
        _csrf: admin.csrfToken,
        username: 'wang.li_01',
        displayName: '  王丽  ',
        role: 'editor',
        password: NEW_PASSWORD,
        passwordConfirm: NEW_PASSWORD,
      });
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('location'), '/admin/users');
      const row = (await userNamed('wang.li_01'))!;
      assert.equal(row.displayName, '王丽');
      assert.equal(row.role, 'editor');
      assert.notEqual(row.passwordHash, NEW_PASSWORD);
      assert.ok(await verifyPassword(row.passwordHash, NEW_PASSWORD));
      assert.equal(await logIn('wang.li_01', NEW_PASSWORD), 303);
      const list = await admin.get('/admin/users');
      assert.equal(textOf(list.$, '.notice-success'), '已创建用户 wang.li_01。');
      const entry = (await audits('user.create')).at(-1)!;
      assert.equal(entry.username, 'chief');
      assert.equal(entry.entityId, String(row.id));
      assert.match(entry.summary, /wang\.li_01（王丽，编辑）/);
    });

    it('invalid input: 422 with every error, the input kept (never the password), nothing stored', async () => {
      const count = await t.storage.repositories.users.count();
      const cases: [Record<string, string>, string, RegExp][] = [
        [{ username: 'Ab' }, 'username', /3-32 位小写字母/],
        [{ username: 'has space' }, 'username', /3-32 位/],
        [{ username: 'x'.repeat(33) }, 'username', /3-32 位/],
        [{ displayName: '' }, 'displayName', /请填写显示名称/],
        [{ displayName: '名'.repeat(31) }, 'displayName', /不能超过 30/],
        [{ role: 'root' }, 'role', /请选择角色/],
        [{ password: 'short', passwordConfirm: 'short' }, 'password', /至少 10 个字符/],
        [{ password: '', passwordConfirm: '' }, 'password', /请设置密码/],
        [{ passwordConfirm: 'something else entirely' }, 'passwordConfirm', /两次输入的密码不一致/],
        [{ username: 'chief' }, 'username', /已被使用/],
      ];
      for (const [override, fieldName, message] of cases) {
        const fields = {
          _csrf: admin.csrfToken,
          username: 'new.user',
          displayName: '新同事',
          role: 'editor',
          password: NEW_PASSWORD,
          passwordConfirm: NEW_PASSWORD,
          ...override,
        };
        const response = await admin.post('/admin/users', fields);
        assert.equal(response.status, 422, JSON.stringify(override));
        const { $ } = response;
        assert.match(textOf($, `#user-${fieldName}-error`), message, JSON.stringify(override));
        assert.equal($('#user-username').val(), fields.username);
        assert.equal($('#user-displayName').val(), fields.displayName);
        assert.equal($('input[name=password]').val(), undefined, 'the password is never sent back');
        if (fields.role === 'editor') assert.equal($('select[name=role] option:selected').val(), 'editor');
      }
      assert.equal(await t.storage.repositories.users.count(), count);
    });

    it('without or with a forged CSRF token: 403; repeated fields: 400', async () => {
      const fields = { username: 'csrf.user', displayName: '跨站', role: 'admin', password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD };
      assert.equal((await admin.post('/admin/users', fields)).status, 403);
      assert.equal((await admin.post('/admin/users', { ...fields, _csrf: 'forged' })).status, 403);
      const repeated = `${new URLSearchParams({ _csrf: admin.csrfToken, ...fields }).toString()}&role=editor`;
      assert.equal((await admin.post('/admin/users', repeated)).status, 400);
      assert.equal(await userNamed('csrf.user'), undefined);
    });
  });

  describe('edit', () => {
    it('changes display name, role and password (audited); the old password stops working', async () => {
      const id = await createUser(t, 'zhao', 'editor');
      const form = await admin.get(`/admin/users/${id}/edit`);
      assert.equal(form.$('#user-username').val(), 'zhao');
      assert.equal(form.$('#user-username').attr('name'), undefined, 'the user name cannot be changed');
      assert.equal(form.$('#user-displayName').val(), 'zhao');
      const response = await admin.post(`/admin/users/${id}`, {
        _csrf: admin.csrfToken,
        displayName: '赵编辑',
        role: 'admin',
        password: NEW_PASSWORD,
        passwordConfirm: NEW_PASSWORD,
        username: 'hijack',
      });
      assert.equal(response.status, 303);
      const row = (await userById(id))!;
      assert.deepEqual([row.username, row.displayName, row.role], ['zhao', '赵编辑', 'admin']);
      assert.equal(await logIn('zhao', TEST_PASSWORD), 401);
      assert.equal(await logIn('zhao', NEW_PASSWORD), 303);
      const entry = (await audits('user.update')).at(-1)!;
      assert.equal(entry.entityId, String(id));
      assert.match(entry.summary, /显示名称：zhao → 赵编辑/);
      assert.match(entry.summary, /角色：编辑 → 管理员/);
      assert.match(entry.summary, /重设密码/);
    });

    it('an empty password keeps the old one; bad input is 422 with the input kept', async () => {
      const id = await createUser(t, 'qian', 'editor');
      const hash = (await userById(id))!.passwordHash;
      assert.equal(
        (
          await admin.post(`/admin/users/${id}`, {
            _csrf: admin.csrfToken,
            displayName: '钱编辑',
            role: 'editor',
            password: '',
            passwordConfirm: '',
          })
        ).status,
        303,
      );
      assert.equal((await userById(id))!.passwordHash, hash);
      assert.equal((await userById(id))!.displayName, '钱编辑');
      const bad = await admin.post(`/admin/users/${id}`, {
        _csrf: admin.csrfToken,
        displayName: '',
        role: 'admin',
        password: 'short',
        passwordConfirm: 'short',
      });
      assert.equal(bad.status, 422);
      assert.match(textOf(bad.$, '#user-displayName-error'), /请填写显示名称/);
      assert.match(textOf(bad.$, '#user-password-error'), /至少 10 个字符/);
      assert.equal(bad.$('select[name=role] option:selected').val(), 'admin', 'the chosen role is kept');
      assert.equal((await userById(id))!.role, 'editor');
    });

    it('an admin cannot demote themself', async () => {
      const response = await admin.post(`/admin/users/${adminId}`, { _csrf: admin.csrfToken, displayName: '主编', role: 'editor' });
      assert.equal(response.status, 422);
      assert.equal(textOf(response.$, '#user-role-error'), '不能取消自己的管理员身份。');
      assert.equal((await userById(adminId))!.role, 'admin');
      assert.equal((await userById(adminId))!.displayName, 'chief', 'nothing of the form was saved');
    });

    it('unknown or malformed ids: 404', async () => {
      assert.equal((await admin.get('/admin/users/999999/edit')).status, 404);
      assert.equal((await admin.get('/admin/users/abc/edit')).status, 404);
      assert.equal((await admin.post('/admin/users/999999', { _csrf: admin.csrfToken, displayName: 'x', role: 'editor' })).status, 404);
    });
  });

  describe('delete', () => {
    it('deletes another account (audited); it can no longer log in', async () => {
      const id = await createUser(t, 'sun', 'editor');
      const session = await logIn('sun', TEST_PASSWORD);
      assert.equal(session, 303);
      const response = await admin.post(`/admin/users/${id}/delete`, { _csrf: admin.csrfToken });
      assert.equal(response.status, 303);
      assert.equal(await userById(id), undefined);
      assert.equal(await logIn('sun', TEST_PASSWORD), 401);
      assert.equal(textOf((await admin.get('/admin/users')).$, '.notice-success'), '已删除用户 sun。');
      const entry = (await audits('user.delete')).at(-1)!;
      assert.equal(entry.entityId, String(id));
      assert.match(entry.summary, /^sun（sun，编辑）$/);
      assert.equal((await admin.post(`/admin/users/${id}/delete`, { _csrf: admin.csrfToken })).status, 404);
    });

    it('an admin cannot delete themself', async () => {
      const response = await admin.post(`/admin/users/${adminId}/delete`, { _csrf: admin.csrfToken });
      assert.equal(response.status, 422);
      assert.equal(textOf(response.$, '.notice-error'), '不能删除自己的账户。');
      assert.ok(await userById(adminId));
      assert.equal((await audits('user.delete')).filter((e) => e.entityId === String(adminId)).length, 0);
    });

    it('without or with a forged CSRF token: 403 and the account stays', async () => {
      const id = await createUser(t, 'zhou', 'editor');
      assert.equal((await admin.post(`/admin/users/${id}/delete`, {})).status, 403);
      assert.equal((await admin.post(`/admin/users/${id}/delete`, { _csrf: 'forged' })).status, 403);
      assert.ok(await userById(id));
    });
  });

  describe('the last admin', () => {
    it('cannot be deleted or demoted (the service refuses inside its transaction)', async () => {
      const solo = await makeTestApp({ demo: false });
      try {
        const service = new UserAdminService(solo.storage, solo.clock);
        const only = await createUser(solo, 'only', 'admin');
        const editor = await createUser(solo, 'helper', 'editor');
        const actor = { id: only, username: 'only' };
        assert.equal((await service.delete(actor, only)).kind, 'last-admin');
        assert.equal((await service.update(actor, only, { displayName: 'only', role: 'editor' }, '')).kind, 'last-admin');
        assert.equal(
          (await service.update(actor, only, { displayName: '唯一管理员', role: 'admin' }, '')).kind,
          'changed',
          'other changes are fine',
        );
        assert.equal((await service.delete(actor, editor)).kind, 'changed');
        assert.equal((await service.delete(actor, 999999)).kind, 'not-found');
        assert.equal((await solo.portal.repositories.users.findById(only))!.role, 'admin');
      } finally {
        await solo.close();
      }
    });

    it('two admins demoting each other at once leave one admin', async () => {
      const other = await makeTestApp({ demo: false });
      try {
        const a = await loggedIn(other, 'admin', 'admin.a');
        const b = await loggedIn(other, 'admin', 'admin.b');
        const idOf = async (name: string) => (await other.storage.repositories.users.findByUsername(name))!.id;
        const [idA, idB] = [await idOf('admin.a'), await idOf('admin.b')];
        const [ra, rb] = await Promise.all([
          a.post(`/admin/users/${idB}`, { _csrf: a.csrfToken, displayName: 'b', role: 'editor' }),
          b.post(`/admin/users/${idA}`, { _csrf: b.csrfToken, displayName: 'a', role: 'editor' }),
        ]);
        const succeeded = (r: typeof ra) => r.status === 303 && r.headers.get('location') === '/admin/users';
        assert.equal([ra, rb].filter(succeeded).length, 1, `${ra.status} ${rb.status}`);
        assert.equal(await other.storage.repositories.users.countAdmins(), 1);
        const refused = succeeded(ra) ? rb : ra;
        if (refused.status === 422) assert.match(textOf(refused.$, '#user-role-error'), /至少要保留一位管理员/);
        else if (refused.status === 303)
          assert.match(refused.headers.get('location') ?? '', /^\/admin\/login/, 'or the demoted admin was logged out first');
        else assert.equal(refused.status, 403, 'or the demoted admin was already an editor');
      } finally {
        await other.close();
      }
    });
  });
});

describe('sessions follow account changes', () => {
  it('a password reset or a deleted account ends that user’s sessions', async () => {
    const t = await makeTestApp({ demo: false });
    try {
      const admin = await loggedIn(t, 'admin', 'chief');
      const editor = await loggedIn(t, 'chief', 'reporter');
      assert.equal((await editor.get('/admin')).status, 200);
      const editorId = (await t.portal.repositories.users.findByUsername('reporter'))!.id;
      const reset = await admin.post(`/admin/users/${editorId}`, {
        _csrf: admin.csrfToken,
        displayName: 'reporter',
        role: 'editor',
        password: 'a brand new password',
        passwordConfirm: 'a brand new password',
      });
      assert.equal(reset.status, 303, reset.text.slice(0, 200));
      assert.equal((await editor.get('/admin')).status, 303, 'logged out by the password reset');
      assert.equal((await admin.get('/admin')).status, 200, 'the admin making the change stays logged in');
      const again = await loggedIn(t, 'chief', 'reporter2');
      const againId = (await t.portal.repositories.users.findByUsername('reporter2'))!.id;
      assert.equal((await admin.post(`/admin/users/${againId}/delete`, { _csrf: admin.csrfToken })).status, 303);
      assert.equal((await again.get('/admin')).status, 303, 'a deleted account is logged out');
    } finally {
      await t.close();
    }
  });
});
