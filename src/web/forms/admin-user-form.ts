// Parses and validates the account form of the user admin area (/admin/users): user name (new
// accounts only), display name, role, and an optional new password typed twice. Passwords are
// checked here but never sent back to the form.
import type { Role, User } from '../../domain/types.js';

/** The roles the users page offers, least first. */
export const ROLES: readonly Role[] = ['reporter', 'editor', 'chief', 'admin'];
import { PASSWORD_MAX, PASSWORD_MIN } from '../../services/passwords.js';
import { USERS_MESSAGES } from '../messages/users.js';
import { singleField } from './single-field.js';
import { cleanLine } from './text-input.js';

export const USERNAME = /^[a-z0-9_.-]{3,32}$/;
export const DISPLAY_NAME_MAX = 30;

export interface UserFormValues {
  username: string;
  displayName: string;
  role: string;
}

export type UserFormErrors = Partial<Record<keyof UserFormValues | 'password' | 'passwordConfirm', string>>;

/** The form of a new account (an editor), or of an existing one. */
export function userFormValues(user?: User): UserFormValues {
  return user
    ? { username: user.username, displayName: user.displayName, role: user.role }
    : { username: '', displayName: '', role: 'editor' };
}

/** creating: a new account names its user name and needs a password; an edit keeps both unless a new password is typed. */
export function parseUserForm(
  body: unknown,
  creating: boolean,
): { values: UserFormValues; errors: UserFormErrors; password: string; role: Role } {
  const values: UserFormValues = {
    username: creating ? singleField(body, 'username').trim() : '',
    displayName: cleanLine(singleField(body, 'displayName')),
    role: singleField(body, 'role'),
  };
  const password = singleField(body, 'password');
  const confirmation = singleField(body, 'passwordConfirm');
  const M = USERS_MESSAGES;
  const errors: UserFormErrors = {};
  if (creating && !USERNAME.test(values.username)) errors.username = M.usernameInvalid;
  const nameLength = Array.from(values.displayName).length;
  if (nameLength === 0) errors.displayName = M.displayNameRequired;
  else if (nameLength > DISPLAY_NAME_MAX) errors.displayName = M.displayNameTooLong(DISPLAY_NAME_MAX);
  if (!(ROLES as readonly string[]).includes(values.role)) errors.role = M.roleInvalid;
  const passwordLength = Array.from(password).length;
  if (password === '' && confirmation === '') {
    if (creating) errors.password = M.passwordRequired;
  } else if (passwordLength < PASSWORD_MIN) errors.password = M.passwordTooShort(PASSWORD_MIN);
  else if (passwordLength > PASSWORD_MAX) errors.password = M.passwordTooLong(PASSWORD_MAX);
  else if (password !== confirmation) errors.passwordConfirm = M.passwordMismatch;
  return { values, errors, password, role: values.role as Role };
}
