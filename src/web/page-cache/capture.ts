// Keeps what the reader-page routes render in the page cache, and answers the first request
// from the stored entry too (the same validators and encodings as later hits). Only 200
// answers without cookies are kept; redirects, errors and anything else pass through.
import type { Handler, NextFunction, Request, Response } from 'express';
import type { ContentChanges } from '../../services/content-changes.js';
import { articleScope } from '../../services/content-changes.js';
import type { PageCache } from '../../services/page-cache.js';
import { pageCacheKey } from './cache-key.js';
import { respondWithCachedPage } from './respond.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** change scopes (besides 'site') that make this page stale */
      cacheTags?: string[];
      /** the article whose reads a cached answer still counts */
      cachedArticleId?: number;
    }
  }
}

/** Marks the page as showing this article's comments (and, for the article page, as its read). */
export function cacheAsArticlePage(res: Response, articleId: number, { countsRead }: { countsRead: boolean }): void {
  res.locals.cacheTags = [articleScope(articleId)];
  if (countsRead) res.locals.cachedArticleId = articleId;
}

/** Response headers that are the same for every reader of the page (validators are redone). */
const NOT_REPLAYED = new Set([
  'set-cookie',
  'content-length',
  'content-encoding',
  'etag',
  'last-modified',
  'vary',
  'cache-control',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

function replayableHeaders(res: Response): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value === undefined || NOT_REPLAYED.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  // as Express's res.send does for text
  if (!/;\s*charset=/i.test(headers['content-type']!)) headers['content-type'] += '; charset=utf-8';
  return headers;
}

/**
 * Pages with the site chrome end with the same sidebar and footer until the chrome changes:
 * the cache compresses and keeps that tail once for all of them.
 */
function withSharedTail(body: string | Buffer, sidebarHtml: string | undefined): { body: Buffer; sharedTailFrom?: number } {
  if (typeof body !== 'string') return { body };
  const at = sidebarHtml ? body.lastIndexOf(sidebarHtml) : -1;
  return { body: Buffer.from(body), sharedTailFrom: at < 0 ? undefined : Buffer.byteLength(body.slice(0, at)) };
}

/** Runs the reader-page routes with their 200 answers going into the cache. */
export function cachedRoutes(routes: Handler, cache: PageCache, changes: ContentChanges) {
  return (req: Request, res: Response, next: NextFunction) => {
    const key = req.method === 'GET' || req.method === 'HEAD' ? pageCacheKey(req.originalUrl) : undefined;
    if (key === undefined) return routes(req, res, next);
    const renderedAtVersion = changes.version;
    const send = res.send;
    // Only what these routes send is captured: a request they pass on (not theirs, or an
    // error page) gets the ordinary send back first.
    const passOn = (err?: unknown) => {
      res.send = send;
      next(err);
    };
    res.send = (body?: unknown) => {
      const cacheable =
        res.statusCode === 200 && (typeof body === 'string' || Buffer.isBuffer(body)) && res.getHeader('set-cookie') === undefined;
      if (!cacheable) return send.call(res, body);
      const page = cache.store(key, {
        headers: replayableHeaders(res),
        ...withSharedTail(body, res.locals.sidebarHtml),
        tags: res.locals.cacheTags ?? [],
        articleId: res.locals.cachedArticleId,
        renderedAtVersion,
      });
      respondWithCachedPage(req, res, page, 'miss');
      return res;
    };
    routes(req, res, passOn);
  };
}
