// Editors' log-in and log-out. The form is read by forms/login-form.ts. The session id is
// regenerated at log-in (no fixation) and the session destroyed at log-out.
import type { Request, Response } from 'express';
import type { AuthService } from '../../../services/auth-service.js';
import { csrfToken } from '../../middleware/csrf.js';
import { safeAdminPath } from '../../middleware/admin-auth.js';
import { SESSION_COOKIE } from '../../middleware/sessions.js';
import { parseLoginForm } from '../../forms/login-form.js';
import { SESSION_MESSAGES } from '../../messages/session.js';

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

function save(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
}

export function sessionController(auth: AuthService) {
  function renderLogin(req: Request, res: Response, values: { username: string; next: string }, error?: string) {
    res.render('admin/session/login', { csrfToken: csrfToken(req), values, error });
  }

  return {
    showLogin(req: Request, res: Response) {
      if (res.locals.currentUser) return res.redirect(303, '/admin');
      const next = typeof req.query.next === 'string' ? safeAdminPath(req.query.next) : '/admin';
      renderLogin(req, res, { username: '', next });
    },

    async logIn(req: Request, res: Response) {
      const { username, password, next } = parseLoginForm(req.body);
      const result = username && password ? await auth.logIn(username, password) : ({ ok: false } as const);
      if (!result.ok) {
        res.status(401);
        return renderLogin(req, res, { username, next }, SESSION_MESSAGES.loginFailed);
      }
      await regenerate(req);
      req.session.userId = result.user.id;
      await save(req);
      res.redirect(303, next);
    },

    async logOut(req: Request, res: Response) {
      const user = res.locals.currentUser;
      await new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
      res.clearCookie(SESSION_COOKIE);
      if (user) await auth.logOut(user);
      res.redirect(303, '/admin/login');
    },
  };
}
