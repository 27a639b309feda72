// The account form of /admin/users: user name only for a new account, display name cleaned
// as one line, role, and a password typed twice (required only for a new account).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../src/services/passwords.js';
import { DISPLAY_NAME_MAX, parseUserForm, userFormValues } from '../../../src/web/forms/admin-user-form.js';
import { USERS_MESSAGES } from '../../../src/web/messages/users.js';

const PASSWORD = 'x'.repeat(PASSWORD_MIN);

describe('parseUserForm', () => {
  it('accepts a new account', () => {
    const parsed = parseUserForm(
      { username: ' zhao ', displayName: '  赵编辑\u202e ', role: 'admin', password: PASSWORD, passwordConfirm: PASSWORD },
      true,
    );
    assert.deepEqual(parsed.errors, {});
    assert.deepEqual(parsed.values, { username: 'zhao', displayName: '赵编辑', role: 'admin' });
    assert.equal(parsed.role, 'admin');
    assert.equal(parsed.password, PASSWORD);
  });

  it('removes controls from the display name, a line break becomes a space', () => {
    assert.equal(parseUserForm({ displayName: '王\u0000丽\n老师', role: 'editor' }, false).values.displayName, '王丽 老师');
  });

  it('refuses what is missing or wrong, with the texts of the area', () => {
    const { errors } = parseUserForm({ username: 'A!', displayName: ' ', role: 'root', password: 'short', passwordConfirm: 'short' }, true);
    assert.deepEqual(errors, {
      username: USERS_MESSAGES.usernameInvalid,
      displayName: USERS_MESSAGES.displayNameRequired,
      role: USERS_MESSAGES.roleInvalid,
      password: USERS_MESSAGES.passwordTooShort(PASSWORD_MIN),
    });
    assert.equal(errors.password, `密码至少 ${PASSWORD_MIN} 个字符。`);
  });

  it('checks the limits', () => {
    const tooLong = parseUserForm({ displayName: '名'.repeat(DISPLAY_NAME_MAX + 1), role: 'editor' }, false).errors;
    assert.equal(tooLong.displayName, `显示名称不能超过 ${DISPLAY_NAME_MAX} 个字。`);
    assert.deepEqual(parseUserForm({ displayName: '名'.repeat(DISPLAY_NAME_MAX), role: 'editor' }, false).errors, {});
    const long = 'p'.repeat(PASSWORD_MAX + 1);
    assert.equal(
      parseUserForm({ displayName: 'x', role: 'editor', password: long, passwordConfirm: long }, false).errors.password,
      USERS_MESSAGES.passwordTooLong(PASSWORD_MAX),
    );
  });

  it('needs a password for a new account only, and the same one twice', () => {
    assert.equal(parseUserForm({ username: 'new.user', displayName: 'x', role: 'editor' }, true).errors.password, '请设置密码。');
    assert.deepEqual(parseUserForm({ displayName: 'x', role: 'editor' }, false).errors, {});
    const mismatch = parseUserForm({ displayName: 'x', role: 'editor', password: PASSWORD, passwordConfirm: `${PASSWORD}!` }, false);
    assert.deepEqual(mismatch.errors, { passwordConfirm: '两次输入的密码不一致。' });
  });

  it('an edit does not read a user name', () => {
    assert.equal(parseUserForm({ username: 'other', displayName: 'x', role: 'editor' }, false).values.username, '');
  });

  it('refuses a repeated field with a 400', () => {
    assert.throws(() => parseUserForm({ displayName: ['a', 'b'], role: 'editor' }, false), { status: 400 });
  });

  it('fills the form of a new or an existing account', () => {
    assert.deepEqual(userFormValues(), { username: '', displayName: '', role: 'editor' });
  });
});
