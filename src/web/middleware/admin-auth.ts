// Guards the editors' area: anonymous visitors go to the login page, each area needs a role
// (记者 < 编辑 < 主编 < 管理员: a role can do what the ones below it can), and nothing under
// /admin is ever cached.
import type { NextFunction, Request, Response } from 'express';
import type { Role, User } from '../../domain/types.js';
import type { UserRepository } from '../../repositories/user-repository.js';
import { HttpError } from '../http-error.js';
import { SITE_MESSAGES } from '../messages/site.js';
import { hasRole, ROLE_NAMES } from '../../services/workflow-rules.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      currentUser?: User;
    }
  }
}

export function noStore(_req: Request, res: Response, next: NextFunction) {
  res.set('Cache-Control', 'no-store');
  next();
}

/** Loads the logged-in user (if any) into res.locals.currentUser. */
export function loadCurrentUser(users: UserRepository) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const userId = req.session?.userId;
    if (userId !== undefined) {
      const user = await users.findById(userId);
      if (user) res.locals.currentUser = user;
      else delete req.session.userId; // the account was deleted
    }
    next();
  };
}

/** Only for logged-in users with the role or one above it. */
export function requireRole(role: Role) {
  return (req: Request, res: Response, next: NextFunction) => {
    const user = res.locals.currentUser;
    if (!user) {
      const next_ = req.method === 'GET' ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
      return res.redirect(303, `/admin/login${next_}`);
    }
    if (role === 'admin' && user.role !== 'admin') return next(new HttpError(403, SITE_MESSAGES.adminOnly));
    if (!hasRole(user.role, role)) return next(new HttpError(403, SITE_MESSAGES.roleNeeded(ROLE_NAMES[role])));
    next();
  };
}

/** Where to go after login: only paths inside /admin, never another site. */
export function safeAdminPath(raw: unknown): string {
  if (typeof raw !== 'string') return '/admin';
  if (!/^\/admin(?:[/?#]|$)/.test(raw) || raw.includes('\\') || /[\u0000-\u001f]/.test(raw)) return '/admin';
  return raw;
}
