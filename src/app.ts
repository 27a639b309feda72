// Builds the Express application from its dependencies. No I/O at import; tests inject a
// database, a clock and settings, and get back the app and the services it runs on.
import path from 'node:path';
import express from 'express';
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { publicDir, quillDir, viewsDir } from './paths.js';
import { createRepositories, type Repositories } from './repositories/index.js';
import { addressHasher } from './services/address-hash.js';
import { AuditLog } from './services/audit.js';
import { AuthService } from './services/auth-service.js';
import { CaptchaService, type CaptchaTextSource } from './services/captcha.js';
import { type Clock, systemClock } from './services/clock.js';
import { CommentService } from './services/comment-service.js';
import { ImageStore } from './services/image-store.js';
import { ImageUploads } from './services/image-uploads.js';
import { RepositorySessionStore } from './services/session-store.js';
import { SiteChromeService } from './services/site-chrome.js';
import { ViewCounter } from './services/view-counter.js';
import type { AdminContext } from './web/admin-context.js';
import { errorHandler, notFoundHandler } from './web/middleware/errors.js';
import { countPageViews } from './web/middleware/page-views.js';
import { requestLog } from './web/middleware/request-log.js';
import { securityHeaders } from './web/middleware/security-headers.js';
import { sessions } from './web/middleware/sessions.js';
import { siteLocals } from './web/middleware/site-locals.js';
import { adminRoutes } from './web/routes/admin-routes.js';
import { siteRoutes } from './web/routes/site-routes.js';
import './web/session-data.js';
import type { SiteContext } from './web/site-context.js';

export interface AppDeps {
  config: Config;
  db: Db;
  sessionSecret: string;
  clock?: Clock;
  /** the captcha text generator; tests inject a known one (there is no bypass) */
  captchaText?: CaptchaTextSource;
  /** where uploaded images are stored (default: uploads/ beside the database) */
  uploadsDir?: string;
  /** structured request log (pino); silent when not given */
  logger?: Logger;
  /** captcha images one address may fetch per minute (default 30) */
  captchaRequestsPerMinute?: number;
  /** how often counted views are written (ms) */
  viewFlushIntervalMs?: number;
}

export interface Portal {
  app: express.Express;
  repositories: Repositories;
  viewCounter: ViewCounter;
  chrome: SiteChromeService;
  sessionStore: RepositorySessionStore;
  captchas: CaptchaService;
  /** starts background work (view flushing) */
  start(): void;
  /** stops background work and writes pending counts */
  stop(): Promise<void>;
}

export function createApp(deps: AppDeps): Portal {
  const { config, db } = deps;
  const clock = deps.clock ?? systemClock;
  const repositories = createRepositories(db);
  const chrome = new SiteChromeService(repositories, clock);
  const viewCounter = new ViewCounter({
    repository: repositories.viewStats,
    clock,
    timeZone: () => chrome.timeZone(), // daily buckets follow the site's zone setting
    flushIntervalMs: deps.viewFlushIntervalMs,
  });
  const sessionStore = new RepositorySessionStore(repositories.sessions, clock);
  const uploadsDir = deps.uploadsDir ?? path.join(path.dirname(path.resolve(config.databasePath)), 'uploads');
  const captchas = new CaptchaService(repositories.captchas, clock, deps.captchaText);
  const hashAddress = addressHasher(deps.sessionSecret);
  const commentService = new CommentService(repositories, clock, hashAddress);
  const context: SiteContext = { repositories, clock, viewCounter, chrome, captchas, commentService, hashAddress };
  const adminContext: AdminContext = {
    ...context,
    audit: new AuditLog(repositories.audit, clock),
    auth: new AuthService(repositories.users, clock),
    images: new ImageUploads(new ImageStore(uploadsDir), repositories.uploads, clock),
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('views', viewsDir);
  app.set('view engine', 'ejs');
  app.set('view cache', config.isProduction);
  app.set('query parser', 'simple');

  app.use(requestLog(deps.logger ?? pino({ level: 'silent' })));
  app.use(securityHeaders());
  app.use(express.static(publicDir, { index: false, redirect: false, maxAge: config.isProduction ? '1h' : 0 }));
  // Uploaded images have generated names that never change: cache them for good.
  app.use('/uploads', express.static(uploadsDir, { index: false, redirect: false, immutable: true, maxAge: '365d', dotfiles: 'deny' }));
  // The WYSIWYG editor, served from its npm package by the app itself (no CDN).
  app.use('/vendor/quill', express.static(quillDir, { index: false, redirect: false, maxAge: config.isProduction ? '7d' : 0 }));
  app.use(sessions(sessionStore, deps.sessionSecret));
  app.use(siteLocals(chrome, clock));
  app.use('/admin', adminRoutes(adminContext));
  app.use(countPageViews(viewCounter));
  app.use(siteRoutes(context, db, { captchaRequestsPerMinute: deps.captchaRequestsPerMinute ?? 30 }));
  app.use(notFoundHandler);
  app.use(errorHandler(!config.isProduction));

  return {
    app,
    repositories,
    viewCounter,
    chrome,
    sessionStore,
    captchas,
    start: () => viewCounter.start(),
    stop: () => viewCounter.stop(),
  };
}
