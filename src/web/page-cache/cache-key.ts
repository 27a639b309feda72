// The cache key of a reader page: its path plus only the query parameters reader pages read,
// in a fixed order, as the app's own query parser sees them. Anything else in the query string
// (utm_*, WeChat's from=singlemessage, junk) maps to the same key, so it can neither split the
// cache per visitor nor put a different page under a shared key.
import { parse } from 'node:querystring';

/** Every query parameter a cached page reads (category/comments page, order, search q, rank). */
const PAGE_PARAMETERS = ['category', 'order', 'page', 'period', 'q'] as const;
const MAX_KEY_PATH_LENGTH = 512;

export function pageCacheKey(url: string): string | undefined {
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  if (path.length > MAX_KEY_PATH_LENGTH || !path.startsWith('/') || path.startsWith('/admin')) return undefined;
  if (queryStart === -1) return path;
  const query = parse(url.slice(queryStart + 1));
  const kept: string[] = [];
  for (const name of PAGE_PARAMETERS) {
    const value = query[name];
    // Repeated parameters stay distinct from single ones: the app answers them differently.
    if (value !== undefined) kept.push(`${name}=${JSON.stringify(value)}`);
  }
  return kept.length ? `${path}?${kept.join('&')}` : path;
}
