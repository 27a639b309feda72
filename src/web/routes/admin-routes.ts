// Path -> handler table of the editors' area. Everything but the login page needs a logged-in
// user; each area the role it needs (记者 write, 编辑 moderate comments, 主编 run the site's
// content); settings, users and the audit log need an admin.
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { AdminContext } from '../admin-context.js';
import { dashboardController } from '../controllers/admin/dashboard-controller.js';
import { sessionController } from '../controllers/admin/session-controller.js';
import { loadCurrentUser, noStore, requireRole } from '../middleware/admin-auth.js';
import { csrfProtection, csrfToken } from '../middleware/csrf.js';
import { formBody } from '../middleware/form-body.js';
import { loginRateLimit } from '../middleware/rate-limits.js';
import { accountRoutes } from './admin/account-routes.js';
import { articlesRoutes } from './admin/articles-routes.js';
import { auditRoutes } from './admin/audit-routes.js';
import { categoriesRoutes } from './admin/categories-routes.js';
import { topicsRoutes } from './admin/topics-routes.js';
import { commentsRoutes } from './admin/comments-routes.js';
import { reportsRoutes } from './admin/reports-routes.js';
import { pagesRoutes } from './admin/pages-routes.js';
import { pollsRoutes } from './admin/polls-routes.js';
import { settingsRoutes } from './admin/settings-routes.js';
import { staffRoutes } from './admin/staff-routes.js';
import { submissionsRoutes } from './admin/submissions-routes.js';
import { uploadsRoutes } from './admin/uploads-routes.js';
import { usersRoutes } from './admin/users-routes.js';

/** For logged-in pages: the CSRF token every admin form (and the log-out button) needs, and the flash. */
function adminLocals(req: Request, res: Response, next: NextFunction) {
  if (res.locals.currentUser) {
    res.locals.csrfToken = csrfToken(req);
    if (req.session.flash) {
      res.locals.flash = req.session.flash;
      delete req.session.flash;
    }
  }
  next();
}

export function adminRoutes(context: AdminContext): Router {
  const sessions = sessionController(context.auth);
  const dashboard = dashboardController(context);
  const router = Router();
  router.use(noStore, loadCurrentUser(context.repositories.users), adminLocals);

  router.get('/login', sessions.showLogin);
  router.post('/login', formBody('8kb'), csrfProtection, loginRateLimit(context.rateLimits), sessions.logIn);

  // 记者 write; 编辑 also moderate readers' comments; 主编 run the rest of the site's content.
  router.use(requireRole('reporter'));
  router.post('/logout', formBody('8kb'), csrfProtection, sessions.logOut);
  router.get('/', dashboard.showDashboard);
  router.use('/account', accountRoutes(context));
  router.use('/articles', articlesRoutes(context));
  router.use('/uploads', uploadsRoutes(context));
  router.use('/comments', requireRole('editor'), commentsRoutes(context));
  router.use('/reports', requireRole('editor'), reportsRoutes(context));
  router.use('/categories', requireRole('chief'), categoriesRoutes(context));
  router.use('/topics', requireRole('chief'), topicsRoutes(context));
  router.use('/polls', requireRole('chief'), pollsRoutes(context));
  router.use('/staff', requireRole('chief'), staffRoutes(context));
  router.use('/submissions', requireRole('chief'), submissionsRoutes(context));
  router.use('/pages', requireRole('chief'), pagesRoutes(context));
  router.use('/settings', requireRole('admin'), settingsRoutes(context));
  router.use('/users', requireRole('admin'), usersRoutes(context));
  router.use('/audit', requireRole('admin'), auditRoutes(context));
  return router;
}
