// Parses and checks the change-my-password form: the current password, and a new one that is
// long enough, not the user name, not the current one, and typed the same twice.
import { PASSWORD_MAX, PASSWORD_MIN } from '../../services/passwords.js';
import { singleField } from './single-field.js';

export type PasswordFormErrors = Partial<Record<'current' | 'password' | 'passwordConfirm', string>>;

export const PASSWORD_TEXTS = {
  currentMissing: '请输入当前密码。',
  currentWrong: '当前密码不正确，密码没有修改。',
  tooShort: `新密码至少 ${PASSWORD_MIN} 个字符。`,
  tooLong: `新密码不能超过 ${PASSWORD_MAX} 个字符。`,
  sameAsUsername: '新密码不能与用户名相同。',
  sameAsCurrent: '新密码不能与当前密码相同。',
  mismatch: '两次输入的新密码不一致。',
} as const;

export function parsePasswordForm(body: unknown, username: string) {
  const current = singleField(body, 'current');
  const password = singleField(body, 'password');
  const confirmation = singleField(body, 'passwordConfirm');
  const errors: PasswordFormErrors = {};
  if (current === '') errors.current = PASSWORD_TEXTS.currentMissing;
  const length = Array.from(password).length;
  if (length < PASSWORD_MIN) errors.password = PASSWORD_TEXTS.tooShort;
  else if (length > PASSWORD_MAX) errors.password = PASSWORD_TEXTS.tooLong;
  else if (password.trim().toLowerCase() === username.toLowerCase()) errors.password = PASSWORD_TEXTS.sameAsUsername;
  else if (password === current) errors.password = PASSWORD_TEXTS.sameAsCurrent;
  else if (password !== confirmation) errors.passwordConfirm = PASSWORD_TEXTS.mismatch;
  return { current, password, errors };
}
