// The portal's request handler, in front of Express. Before every request it applies the
// content changes made since the last one (by this process or another on the same database);
// then it answers GET/HEAD of reader pages straight from the page cache when it can — still
// counting the read and the page view, still writing the request log line — and hands
// everything else to the Express app.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import proxyaddr from 'proxy-addr';
import type { ContentChanges } from '../../services/content-changes.js';
import type { PageCache } from '../../services/page-cache.js';
import type { ViewCounter } from '../../services/view-counter.js';
import { isHtml } from '../middleware/page-views.js';
import { logRequest } from '../middleware/request-log.js';
import { pageCacheKey } from './cache-key.js';
import { respondWithCachedPage } from './respond.js';

export interface FrontDeps {
  app: (req: IncomingMessage, res: ServerResponse) => void;
  changes: ContentChanges;
  /** undefined when the page cache is off */
  cache: PageCache | undefined;
  viewCounter: ViewCounter;
  logger: Logger;
  /** Express's compiled `trust proxy` setting, so addresses match what the app sees */
  trustProxy: (address: string, hop: number) => boolean;
}

export function pageCacheFront(deps: FrontDeps) {
  const { app, changes, cache, viewCounter, logger, trustProxy } = deps;
  return (req: IncomingMessage, res: ServerResponse): void => {
    try {
      changes.catchUp();
    } catch {
      // The database cannot be read right now: serve nothing from a cache that may be stale;
      // the app answers (and reports the problem) on its own.
      cache?.clear();
      return app(req, res);
    }
    if (cache === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) return app(req, res);
    const url = req.url ?? '/';
    const key = pageCacheKey(url);
    const page = key === undefined ? undefined : cache.lookup(key);
    if (page === undefined) return app(req, res);

    const started = process.hrtime.bigint();
    const status = respondWithCachedPage(req, res, page, 'hit');
    const address = proxyaddr(req, trustProxy);
    if (req.method === 'GET') {
      const userAgent = req.headers['user-agent'] ?? '';
      if (page.articleId !== undefined) viewCounter.recordArticleRead(page.articleId, { ip: address, userAgent });
      if (isHtml(page.headers['content-type'])) viewCounter.recordPageView(userAgent);
    }
    logRequest(logger, { method: req.method, url, status, started, address });
  };
}
