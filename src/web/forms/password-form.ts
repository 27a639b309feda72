// Parses and checks the change-my-password form: the current password, and a new one that is
// long enough, not the user name, not the current one, and typed the same twice.
import { PASSWORD_MAX, PASSWORD_MIN } from '../../services/passwords.js';
import { ACCOUNT_MESSAGES } from '../messages/account.js';
import { singleField } from './single-field.js';

export type PasswordFormErrors = Partial<Record<'current' | 'password' | 'passwordConfirm', string>>;

export function parsePasswordForm(body: unknown, username: string) {
  const current = singleField(body, 'current');
  const password = singleField(body, 'password');
  const confirmation = singleField(body, 'passwordConfirm');
  const errors: PasswordFormErrors = {};
  if (current === '') errors.current = ACCOUNT_MESSAGES.currentMissing;
  const length = Array.from(password).length;
  if (length < PASSWORD_MIN) errors.password = ACCOUNT_MESSAGES.passwordTooShort(PASSWORD_MIN);
  else if (length > PASSWORD_MAX) errors.password = ACCOUNT_MESSAGES.passwordTooLong(PASSWORD_MAX);
  else if (password.trim().toLowerCase() === username.toLowerCase()) errors.password = ACCOUNT_MESSAGES.sameAsUsername;
  else if (password === current) errors.password = ACCOUNT_MESSAGES.sameAsCurrent;
  else if (password !== confirmation) errors.passwordConfirm = ACCOUNT_MESSAGES.mismatch;
  return { current, password, errors };
}
