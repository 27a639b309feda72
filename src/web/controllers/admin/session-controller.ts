// Editors' log-in and log-out. The session id is regenerated at log-in (no fixation) and the
// session destroyed at log-out.
import type { Request, Response } from 'express';
import type { AuthService } from '../../../services/auth-service.js';
import { csrfToken } from '../../middleware/csrf.js';
import { safeAdminPath } from '../../middleware/admin-auth.js';
import { SESSION_COOKIE } from '../../middleware/sessions.js';
import { singleField } from '../../forms/single-field.js';

const LOGIN_FAILED = '用户名或密码错误。连续多次失败后，账户将被暂时锁定 15 分钟。';

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
      const username = singleField(req.body, 'username').trim().slice(0, 100);
      const password = singleField(req.body, 'password').slice(0, 1000);
      const next = safeAdminPath(singleField(req.body, 'next'));
      const result = username && password ? await auth.logIn(username, password) : ({ ok: false } as const);
      if (!result.ok) {
        res.status(401);
        return renderLogin(req, res, { username, next }, LOGIN_FAILED);
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
