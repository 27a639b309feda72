// Sessions in the portal's database. No session is created for a reader until a page needs
// one (a form's CSRF token, a captcha), so plain reading stays cookie-free.
import session from 'express-session';
import type { RepositorySessionStore } from './session-store.js';

export const SESSION_COOKIE = 'portal.sid';

export function sessions(store: RepositorySessionStore, secret: string) {
  return session({
    name: SESSION_COOKIE,
    store,
    secret,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: 'auto', // Secure over TLS, or behind a trusted proxy that says so
      maxAge: 24 * 60 * 60_000,
    },
  });
}
