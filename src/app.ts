// Builds the Express application from its dependencies. No I/O at import; tests inject a
// storage, a clock and settings, and get back the app and the services it runs on.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import express from 'express';
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';
import { publicDir, quillDir, viewsDir } from './paths.js';
import type { Repositories } from './repositories/index.js';
import { addressHasher } from './services/address-hash.js';
import { AuthService } from './services/auth-service.js';
import { CaptchaService, type CaptchaTextSource } from './services/captcha.js';
import { type Clock, systemClock } from './services/clock.js';
import { ArticleService } from './services/article-service.js';
import { WorkflowService } from './services/workflow-service.js';
import { CorrectionService } from './services/correction-service.js';
import { CategoryService } from './services/category-service.js';
import { CommentService } from './services/comment-service.js';
import type { LocateAddress } from './services/ip-region.js';
import { AppealService } from './services/appeal-service.js';
import { ReportService } from './services/report-service.js';
import { RetentionSchedule } from './services/retention-schedule.js';
import { PeriodicJob } from './services/periodic-job.js';
import { RelatedReading } from './services/related-reading.js';
import { TopicService } from './services/topic-service.js';
import { ShareCodes } from './services/share-code.js';
import { RetentionService } from './services/retention-service.js';
import { ModerationService } from './services/moderation-service.js';
import { PageService } from './services/page-service.js';
import { PollService } from './services/poll-service.js';
import { RateLimitService } from './services/rate-limit-service.js';
import { SettingsService } from './services/settings-service.js';
import { StaffService } from './services/staff-service.js';
import { SubmissionService } from './services/submission-service.js';
import { UserAdminService } from './services/user-admin-service.js';
import { ContentChanges, SITE_SCOPE } from './services/content-changes.js';
import { ImageStore } from './services/image-store.js';
import { buildFrontPage } from './services/front-page.js';
import { ImageUploads } from './services/image-uploads.js';
import { PageCache } from './services/page-cache.js';
import { RepositorySessionStore } from './web/middleware/session-store.js';
import { SharedSnapshot } from './services/shared-snapshot.js';
import { SiteChromeService } from './services/site-chrome.js';
import { startOfNextDay } from './services/site-time.js';
import { ViewCounter } from './services/view-counter.js';
import type { AdminContext } from './web/admin-context.js';
import { errorHandler, notFoundHandler } from './web/middleware/errors.js';
import { requestLog } from './web/middleware/request-log.js';
import { securityHeaders } from './web/middleware/security-headers.js';
import { sessions } from './web/middleware/sessions.js';
import { siteLocals } from './web/middleware/site-locals.js';
import { adminRoutes } from './web/routes/admin-routes.js';
import { pageCacheFront } from './web/page-cache/front.js';
import { cachedRoutes } from './web/page-cache/capture.js';
import { readerForms, readerPages } from './web/routes/site-routes.js';
import { chromeFragments, type RenderView } from './web/chrome-fragments.js';
import { expressPrototypes } from './web/express-prototypes.js';
import { StaticAssets } from './web/static-assets.js';
import { viewEngine } from './web/view-engine.js';
import './web/session-data.js';
import type { SiteContext } from './web/site-context.js';
import type { Storage } from './storage/storage.js';

export interface AppDeps {
  config: Config;
  storage: Storage;
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
  /** IP属地 of an address (default: the offline database); tests inject a failing one */
  locateAddress?: LocateAddress;
}

export interface Portal {
  /** the Express app (everything not answered from the page cache) */
  app: express.Express;
  /** the request handler to serve: the page cache in front of the app */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** an HTTP server running `handle` */
  listen(port: number, host: string, onListening?: () => void): Server;
  /** undefined when PAGE_CACHE=off */
  pageCache: PageCache | undefined;
  changes: ContentChanges;
  /** the storage's reading repositories */
  repositories: Repositories;
  storage: Storage;
  viewCounter: ViewCounter;
  chrome: SiteChromeService;
  sessionStore: RepositorySessionStore;
  captchas: CaptchaService;
  /** the personal-data purge that start() schedules; runOnce() runs it now */
  retention: RetentionSchedule;
  /** 相关阅读: refresh() computes one article's list now */
  related: RelatedReading;
  /** starts background work (view flushing, the personal-data purge, refreshing 相关阅读) */
  start(): void;
  /** stops background work and writes pending counts */
  stop(): Promise<void>;
}

/** 相关阅读: stale lists (RELATED_REFRESH_AFTER_MS) are computed again, this many every this often. */
const RELATED_REFRESH_BATCH = 100;
const RELATED_REFRESH_INTERVAL_MS = 15 * 60_000;
/** 分享 QR codes of new articles (or of all, after the domain changed) are drawn this often. */
const SHARE_CODES_INTERVAL_MS = 5 * 60_000;

export function createApp(deps: AppDeps): Portal {
  const { config, storage } = deps;
  const clock = deps.clock ?? systemClock;
  const { repositories, changeFeed } = storage;
  const changes = new ContentChanges(changeFeed);
  const nextScheduledChange = (now: number) => changeFeed.nextScheduledChange(now);
  const chrome = new SiteChromeService(repositories, clock, () => changes.catchUp(), nextScheduledChange);
  const frontPage = new SharedSnapshot(
    (now) => buildFrontPage(repositories, now, chrome.timeZone()),
    clock,
    5000,
    () => changes.catchUp(),
    nextScheduledChange,
  );
  const pageCache = config.pageCache.enabled
    ? new PageCache({
        clock,
        maxBytes: config.pageCache.maxBytes,
        maxAgeMs: config.pageCache.maxAgeMs,
        version: () => changes.version,
        nextTurningPoint: (now) => Math.min(nextScheduledChange(now) ?? Infinity, startOfNextDay(now, chrome.timeZone())),
      })
    : undefined;
  changes.onChange((scopes) => {
    if (scopes.has(SITE_SCOPE)) {
      chrome.invalidate();
      frontPage.invalidate();
    }
    pageCache?.invalidate(scopes);
  });
  const logger = deps.logger ?? pino({ level: 'silent' });
  const viewCounter = new ViewCounter({
    save: (batch) => storage.transaction((tx) => tx.viewStats.applyBatch(batch)),
    onFlushError: (err) => logger.error({ err }, 'view counter: flush failed, counts kept for the next try'),
    clock,
    timeZone: () => chrome.timeZone(), // daily buckets follow the site's zone setting
    flushIntervalMs: deps.viewFlushIntervalMs,
    readerSecret: deps.sessionSecret,
  });
  const sessionStore = new RepositorySessionStore(storage, clock);
  const uploadsDir = deps.uploadsDir ?? config.uploadsDir ?? path.join(path.dirname(path.resolve(config.databasePath)), 'uploads');
  const captchas = new CaptchaService(storage, clock, deps.captchaText);
  const hashAddress = addressHasher(deps.sessionSecret);
  const related = new RelatedReading(storage, clock);
  const context: SiteContext = {
    repositories,
    clock,
    viewCounter,
    chrome,
    frontPage,
    captchas,
    hashAddress,
    rateLimits: new RateLimitService(storage.transaction, clock, hashAddress),
    commentService: new CommentService(storage, clock, hashAddress, deps.locateAddress),
    pollService: new PollService(storage, clock),
    submissions: new SubmissionService(storage, clock),
    reportService: new ReportService(storage, clock, hashAddress),
    appealService: new AppealService(storage, clock),
    health: () => storage.health(),
  };
  const adminContext: AdminContext = {
    ...context,
    auth: new AuthService(storage, clock),
    images: new ImageUploads(new ImageStore(uploadsDir), storage, clock),
    articleService: new ArticleService(storage, clock, related),
    workflowService: new WorkflowService(storage, clock, related),
    correctionService: new CorrectionService(storage, clock),
    moderation: new ModerationService(storage, clock),
    userAdmin: new UserAdminService(storage, clock),
    settingsService: new SettingsService(storage, clock),
    categoryService: new CategoryService(storage, clock),
    topicService: new TopicService(storage, clock),
    staffService: new StaffService(storage, clock),
    pageService: new PageService(storage, clock),
  };

  const app = express();
  const serverOptions = expressPrototypes(app);
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('views', viewsDir);
  app.set('view engine', 'ejs');
  app.set('view cache', config.isProduction);
  app.engine('ejs', viewEngine({ root: viewsDir, cache: config.isProduction }));
  app.set('query parser', 'simple');

  const assets = new StaticAssets(publicDir);
  app.locals.asset = assets.url;

  app.use(requestLog(logger));
  app.use(securityHeaders());
  app.use(assets.serve());
  // Plain static names (bookmarks, old pages): mounted per folder so that page requests do not
  // each cost a file-system lookup in public/.
  for (const folder of assets.folders) {
    app.use(
      `/${folder}`,
      express.static(path.join(publicDir, folder), { index: false, redirect: false, maxAge: config.isProduction ? '1h' : 0 }),
    );
  }
  // Uploaded images have generated names that never change: cache them for good.
  app.use('/uploads', express.static(uploadsDir, { index: false, redirect: false, immutable: true, maxAge: '365d', dotfiles: 'deny' }));
  // The WYSIWYG editor, served from its npm package by the app itself (no CDN).
  app.use('/vendor/quill', express.static(quillDir, { index: false, redirect: false, maxAge: config.isProduction ? '7d' : 0 }));
  const renderView: RenderView = (view, locals) =>
    new Promise((resolve, reject) => app.render(view, locals, (err, html) => (err ? reject(err) : resolve(html))));
  app.use(siteLocals(chrome, clock, chromeFragments(renderView)));
  // Reader pages come before the session middleware: they cannot read or write a session, so
  // what they render is the same for everyone and may be cached.
  const pages = readerPages(context);
  app.use(pageCache ? cachedRoutes(pages, pageCache, changes) : pages);
  app.use(sessions(sessionStore, deps.sessionSecret));
  app.use('/admin', adminRoutes(adminContext));
  app.use(readerForms(context, { captchaRequestsPerMinute: deps.captchaRequestsPerMinute ?? 30 }));
  app.use(notFoundHandler);
  app.use(errorHandler(!config.isProduction, logger));

  const retention = new RetentionSchedule(storage, new RetentionService(storage, clock), (err) =>
    logger.error({ err }, 'personal-data purge failed; it runs again later'),
  );
  const shareCodes = new PeriodicJob(
    () => new ShareCodes(storage, clock).drawMissing(),
    SHARE_CODES_INTERVAL_MS,
    (err) => logger.error({ err }, 'drawing 分享 QR codes failed; it runs again later'),
  );
  const relatedRefresh = new PeriodicJob(
    () => related.refreshStale(RELATED_REFRESH_BATCH),
    RELATED_REFRESH_INTERVAL_MS,
    (err) => logger.error({ err }, '相关阅读 refresh failed; it runs again later'),
  );
  const handle = pageCacheFront({ app, changes, cache: pageCache, viewCounter, logger, trustProxy: app.get('trust proxy fn') });
  return {
    app,
    handle,
    listen: (port, host, onListening) => createServer(serverOptions, handle).listen(port, host, onListening),
    pageCache,
    changes,
    repositories,
    storage,
    viewCounter,
    chrome,
    sessionStore,
    captchas,
    retention,
    related,
    start: () => {
      viewCounter.start();
      retention.start();
      relatedRefresh.start();
      shareCodes.start();
    },
    stop: () => {
      retention.stop();
      relatedRefresh.stop();
      shareCodes.stop();
      return viewCounter.stop();
    },
  };
}
