// Path -> handler tables of the reader site, in two parts:
//  - readerPages: what a reader reads. These handlers run without a session (mounted before
//    the session middleware), which is what makes their answers safe to cache for everyone:
//    they cannot show one visitor's flash message, token or form input to another.
//  - readerForms: pages and posts that need a session (forms with CSRF tokens, captchas).
import { Router } from 'express';
import type { SiteContext } from '../site-context.js';
import { csrfProtection } from '../middleware/csrf.js';
import { formBody } from '../middleware/form-body.js';
import { captchaRateLimit, staffLookupRateLimit } from '../middleware/rate-limits.js';
import { allowSameOriginFraming } from '../middleware/security-headers.js';
import { countPageViews } from '../middleware/page-views.js';
import { captchaController } from '../controllers/captcha-controller.js';
import { articleController } from '../controllers/article-controller.js';
import { categoryController } from '../controllers/category-controller.js';
import { commentController } from '../controllers/comment-controller.js';
import { appealRoutes } from './appeal-routes.js';
import { reportRoutes } from './report-routes.js';
import { homeController } from '../controllers/home-controller.js';
import { operationsController } from '../controllers/operations-controller.js';
import { pageController } from '../controllers/page-controller.js';
import { pollRoutes } from './poll-routes.js';
import { submissionRoutes } from './submission-routes.js';
import { staffController } from '../controllers/staff-controller.js';
import { searchRoutes } from './search-routes.js';
import { feedRoutes } from './feed-routes.js';
import { correctionsController } from '../controllers/corrections-controller.js';
import { rankingRoutes } from './ranking-routes.js';
import { tagController } from '../controllers/tag-controller.js';
import { topicController } from '../controllers/topic-controller.js';
import { authorController } from '../controllers/author-controller.js';

export function readerPages(context: SiteContext): Router {
  const home = homeController(context);
  const categories = categoryController(context);
  const articles = articleController(context);
  const comments = commentController(context);
  const pages = pageController(context);
  const operations = operationsController(context.health);

  const router = Router({ strict: false });
  router.use(countPageViews(context.viewCounter));
  router.get('/', home.showHome);
  router.get('/category/:slug', categories.showCategory);
  router.get('/article/:id', articles.showArticle);
  router.get('/article/:id/comments', comments.listComments);
  router.get('/page/:slug', pages.showPage);
  router.get('/corrections', correctionsController(context).listCorrections);
  router.get('/tag/:id', tagController(context).showTag);
  router.get('/topic/:slug', topicController(context).showTopic);
  router.get('/author/:id', authorController(context).showAuthor);
  router.use(searchRoutes(context));
  router.get('/robots.txt', operations.robots);
  router.use(rankingRoutes(context));
  router.use(feedRoutes(context));
  return router;
}

export function readerForms(context: SiteContext, limits: { captchaRequestsPerMinute: number }): Router {
  const comments = commentController(context);
  const staff = staffController(context);
  const operations = operationsController(context.health);
  const captcha = captchaController(context.captchas);

  const router = Router({ strict: false });
  // part of the article page (its read is counted there), so before the page-view counter
  router.get('/article/:id/comment-form', allowSameOriginFraming, comments.showCommentForm);
  router.use(countPageViews(context.viewCounter));
  router.get('/article/:id/comments/new', comments.newComment);
  router.post('/article/:id/comments', formBody(), csrfProtection, comments.createComment);
  router.get('/captcha', captchaRateLimit(context.rateLimits, limits.captchaRequestsPerMinute), captcha.showCaptcha);
  router.use(submissionRoutes(context));
  router.use(reportRoutes(context));
  router.use(appealRoutes(context));
  router.use(pollRoutes(context));
  router.get('/staff', staffLookupRateLimit(context.rateLimits), staff.lookUpStaff);
  router.get('/healthz', operations.healthz);
  return router;
}
