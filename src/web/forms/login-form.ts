// Reads the editors' log-in form (/admin/login): the user name (trimmed) and password, both cut
// to a sane length before they reach the auth service, and where to go afterwards (a path in
// the editors' area only, never another site).
import { safeAdminPath } from '../middleware/admin-auth.js';
import { singleField } from './single-field.js';

export const USERNAME_INPUT_MAX = 100;
export const PASSWORD_INPUT_MAX = 1000;

export interface LoginForm {
  username: string;
  password: string;
  /** a safe path in /admin to redirect to */
  next: string;
}

export function parseLoginForm(body: unknown): LoginForm {
  return {
    username: singleField(body, 'username').trim().slice(0, USERNAME_INPUT_MAX),
    password: singleField(body, 'password').slice(0, PASSWORD_INPUT_MAX),
    next: safeAdminPath(singleField(body, 'next')),
  };
}
