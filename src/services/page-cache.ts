// Whole rendered pages for anonymous GETs, kept gzip-compressed in a bounded LRU.
// An entry is dropped when the content it shows changes (see content-changes.ts: 'site'
// empties everything, 'article:<id>' the pages tagged with it), when a scheduled article
// becomes visible or a home-page pin ends, when the site's day turns (今日 counts and rankings), and at the latest
// after maxAgeMs (the counters pages show: views, rankings, 网站访问统计).
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Clock } from './clock.js';
import { SITE_SCOPE } from './content-changes.js';
import { GzipComposer, type GzipParts } from './gzip-parts.js';

export interface CachedPage {
  /** the response headers as rendered (no cookies, no length, no validators) */
  headers: Record<string, string>;
  gzip: GzipParts;
  /** weak validator, the same for every encoding of the page */
  etag: string;
  lastModified: string;
  createdAt: number;
  expiresAt: number;
  /** change scopes besides 'site' that make this page stale */
  tags: readonly string[];
  /** set on article pages: cached answers still count as reads */
  articleId?: number;
}

export interface PageToStore {
  headers: Record<string, string>;
  body: Buffer;
  /** where the part of the body that other pages share begins (the sidebar and footer) */
  sharedTailFrom?: number;
  tags: readonly string[];
  articleId?: number;
  /** the change-feed version when rendering started (see store) */
  renderedAtVersion: number;
}

export interface PageCacheOptions {
  clock: Clock;
  /** upper bound of the compressed bytes held */
  maxBytes: number;
  /** the longest a page is served before it is rendered again */
  maxAgeMs: number;
  /** the current change-feed version (pages rendered before a change are not stored) */
  version: () => number;
  /**
   * The next moment every page may change without a write: a scheduled article going live, a
   * home-page pin ending, the day turning in the site's time zone.
   */
  nextTurningPoint: (now: number) => number;
}

/**
 * Per-entry V8 heap (key, entry objects, buffer views, validators, LRU slots; headers and tails
 * are shared), added to the compressed size: measured at 0.8-1 KB. It also bounds the heap the
 * cache can use: PAGE_CACHE_MB's maximum (256) stays far below the 512 MB old-space limit of
 * `npm run serve` however small the pages.
 */
const ENTRY_OVERHEAD_BYTES = 1024;

export class PageCache {
  private readonly entries: LRUCache<string, CachedPage>;
  private turningPoint: number | undefined;
  /** pages of one kind carry the same headers: one shared object each, not one per page */
  private readonly headerSets = new Map<string, Record<string, string>>();
  private readonly gzip = new GzipComposer();

  constructor(private readonly options: PageCacheOptions) {
    this.entries = new LRUCache<string, CachedPage>({
      maxSize: options.maxBytes,
      sizeCalculation: (page) => page.gzip.ownBytes + ENTRY_OVERHEAD_BYTES,
    });
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.entries.calculatedSize;
  }

  lookup(key: string): CachedPage | undefined {
    const page = this.entries.get(key);
    if (page && this.options.clock() >= page.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return page;
  }

  /**
   * Keeps a rendered page, unless content changed while it was rendered (it may show the old
   * state). Returns the entry to answer with either way.
   */
  store(key: string, page: PageToStore): CachedPage {
    const now = this.options.clock();
    const entry: CachedPage = {
      headers: this.shared(page.headers),
      gzip: this.gzip.compress(page.body, page.sharedTailFrom),
      etag: `W/"${createHash('sha1').update(page.body).digest('base64url').slice(0, 27)}"`,
      lastModified: new Date(Math.floor(now / 1000) * 1000).toUTCString(),
      createdAt: now,
      expiresAt: this.expiryFor(now),
      tags: page.tags,
      articleId: page.articleId,
    };
    if (page.renderedAtVersion === this.options.version() && entry.gzip.ownBytes + ENTRY_OVERHEAD_BYTES <= this.options.maxBytes) {
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Drops the pages that show any of the changed scopes. */
  invalidate(scopes: ReadonlySet<string>): void {
    this.turningPoint = undefined; // an edit may have (re)scheduled an article or a pin's end
    if (scopes.has(SITE_SCOPE)) {
      this.entries.clear();
      return;
    }
    const stale = [...this.entries.entries()].filter(([, page]) => page.tags.some((tag) => scopes.has(tag)));
    for (const [key] of stale) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  private shared(headers: Record<string, string>): Record<string, string> {
    const signature = JSON.stringify(headers);
    let set = this.headerSets.get(signature);
    if (set === undefined) {
      if (this.headerSets.size >= 100) this.headerSets.clear(); // a handful in practice
      set = Object.freeze({ ...headers });
      this.headerSets.set(signature, set);
    }
    return set;
  }

  /** Pages expire after maxAgeMs, or at the next turning point if sooner. */
  private expiryFor(now: number): number {
    // Looked up again only after a change or once it has passed, not for every stored page.
    if (this.turningPoint === undefined || this.turningPoint <= now) this.turningPoint = this.options.nextTurningPoint(now);
    return Math.min(now + this.options.maxAgeMs, this.turningPoint);
  }
}
