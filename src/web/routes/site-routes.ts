// Path -> handler table of the reader site.
import { Router } from 'express';
import type { Db } from '../../db/database.js';
import type { SiteContext } from '../site-context.js';
import { articleController } from '../controllers/article-controller.js';
import { categoryController } from '../controllers/category-controller.js';
import { commentController } from '../controllers/comment-controller.js';
import { homeController } from '../controllers/home-controller.js';
import { operationsController } from '../controllers/operations-controller.js';
import { pageController } from '../controllers/page-controller.js';
import { pollController } from '../controllers/poll-controller.js';
import { staffController } from '../controllers/staff-controller.js';

export function siteRoutes(context: SiteContext, db: Db): Router {
  const home = homeController(context);
  const categories = categoryController(context);
  const articles = articleController(context);
  const comments = commentController(context);
  const pages = pageController(context);
  const polls = pollController(context);
  const staff = staffController(context);
  const operations = operationsController(db);

  const router = Router({ strict: false });
  router.get('/', home.showHome);
  router.get('/category/:slug', categories.showCategory);
  router.get('/article/:id', articles.showArticle);
  router.get('/article/:id/comments', comments.listComments);
  router.get('/page/:slug', pages.showPage);
  router.get('/submit', pages.showSubmitGuide);
  router.get('/polls/:id', polls.showPoll);
  router.get('/staff', staff.lookUpStaff);
  router.get('/healthz', operations.healthz);
  router.get('/robots.txt', operations.robots);
  return router;
}
