// Answers a request from a cached page: 304 when the browser's copy is current, otherwise the
// gzip bytes as stored (or unzipped for the rare client that does not accept gzip).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { joined } from '../../services/gzip-parts.js';
import type { CachedPage } from '../../services/page-cache.js';

export type CacheOutcome = 'hit' | 'miss';

export function respondWithCachedPage(req: IncomingMessage, res: ServerResponse, page: CachedPage, outcome: CacheOutcome): number {
  const validators = {
    etag: page.etag,
    'last-modified': page.lastModified,
    'cache-control': 'no-cache', // browsers may keep it but must ask (cheap 304s) before reuse
    vary: 'Accept-Encoding',
    'x-page-cache': outcome,
  };
  if (isNotModified(req, page)) {
    res.writeHead(304, validators);
    res.end();
    return 304;
  }
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  const parts = gzip ? page.gzip.parts : [gunzipSync(joined(page.gzip))];
  res.writeHead(200, {
    ...page.headers,
    ...validators,
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    'content-length': gzip ? page.gzip.length : parts[0]!.length,
  });
  if (req.method === 'HEAD') {
    res.end();
    return 200;
  }
  // corked (end() uncorks), the parts leave in one writev
  res.cork();
  for (let i = 0; i < parts.length - 1; i++) res.write(parts[i]);
  res.end(parts[parts.length - 1]);
  return 200;
}

function isNotModified(req: IncomingMessage, page: CachedPage): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    // weak comparison (RFC 9110 13.1.2): W/ prefixes do not matter
    const wanted = page.etag.slice(2);
    return ifNoneMatch.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || t === wanted || t === `W/${wanted}`;
    });
  }
  const since = req.headers['if-modified-since'];
  if (since === undefined) return false;
  const sinceMs = Date.parse(since);
  return Number.isFinite(sinceMs) && Math.floor(page.createdAt / 1000) * 1000 <= sinceMs;
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}
