// The log-in form: trimmed user name, both fields cut to a sane length, and a next path that
// stays inside /admin.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PASSWORD_INPUT_MAX, USERNAME_INPUT_MAX, parseLoginForm } from '../../../src/web/forms/login-form.js';

describe('parseLoginForm', () => {
  it('reads the fields', () => {
    assert.deepEqual(parseLoginForm({ username: ' chief ', password: ' secret ', next: '/admin/articles?status=draft' }), {
      username: 'chief',
      password: ' secret ',
      next: '/admin/articles?status=draft',
    });
    assert.deepEqual(parseLoginForm(undefined), { username: '', password: '', next: '/admin' });
  });

  it('cuts overlong input', () => {
    const { username, password } = parseLoginForm({ username: 'u'.repeat(500), password: 'p'.repeat(5000) });
    assert.equal(username.length, USERNAME_INPUT_MAX);
    assert.equal(password.length, PASSWORD_INPUT_MAX);
  });

  it('never sends anyone outside /admin', () => {
    for (const next of ['https://evil.example/admin', '//evil.example', '/administrator', '/admin\\@evil', '/admin\r\nLocation: x', '/']) {
      assert.equal(parseLoginForm({ next }).next, '/admin', next);
    }
  });

  it('refuses a repeated field with a 400', () => {
    assert.throws(() => parseLoginForm({ username: ['a', 'b'] }), { status: 400, message: '字段 username 只能提交一次。' });
  });
});
