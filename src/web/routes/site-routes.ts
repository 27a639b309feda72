// Path -> handler table of the reader site.
import { Router } from 'express';
import type { Db } from '../../db/database.js';
import type { SiteContext } from '../site-context.js';
import { csrfProtection } from '../middleware/csrf.js';
import { formBody } from '../middleware/form-body.js';
import { captchaRateLimit, staffLookupRateLimit } from '../middleware/rate-limits.js';
import { captchaController } from '../controllers/captcha-controller.js';
import { articleController } from '../controllers/article-controller.js';
import { categoryController } from '../controllers/category-controller.js';
import { commentController } from '../controllers/comment-controller.js';
import { homeController } from '../controllers/home-controller.js';
import { operationsController } from '../controllers/operations-controller.js';
import { pageController } from '../controllers/page-controller.js';
import { pollRoutes } from './poll-routes.js';
import { submissionRoutes } from './submission-routes.js';
import { staffController } from '../controllers/staff-controller.js';
import { searchRoutes } from './search-routes.js';
import { feedRoutes } from './feed-routes.js';
import { rankingRoutes } from './ranking-routes.js';

export function siteRoutes(context: SiteContext, db: Db, limits: { captchaRequestsPerMinute: number }): Router {
  const home = homeController(context);
  const categories = categoryController(context);
  const articles = articleController(context);
  const comments = commentController(context);
  const pages = pageController(context);
  const staff = staffController(context);
  const operations = operationsController(db);
  const captcha = captchaController(context.captchas);

  const router = Router({ strict: false });
  router.get('/', home.showHome);
  router.get('/category/:slug', categories.showCategory);
  router.get('/article/:id', articles.showArticle);
  router.get('/article/:id/comments', comments.listComments);
  router.post('/article/:id/comments', formBody(), csrfProtection, comments.createComment);
  router.get('/captcha', captchaRateLimit(limits.captchaRequestsPerMinute), captcha.showCaptcha);
  router.get('/page/:slug', pages.showPage);
  router.use(submissionRoutes(context));
  router.use(pollRoutes(context));
  router.get('/staff', staffLookupRateLimit(), staff.lookUpStaff);
  router.use(searchRoutes(context));
  router.get('/healthz', operations.healthz);
  router.get('/robots.txt', operations.robots);
  router.use(rankingRoutes(context, db));
  router.use(feedRoutes(context));
  return router;
}
