// Counts article reads and site page views in memory and flushes them to the database in
// batches (every few seconds and at shutdown), never one write per request.
// An article read counts once per reader per 30 minutes; crawlers are not counted. Each process
// remembers its recent readers; the reads also go with the flush (reader hash, article, 30-minute
// window), so a reader whose requests reach several processes is counted once per window.
import { createHmac } from 'node:crypto';
import { isbot } from 'isbot';
import { LRUCache } from 'lru-cache';
import type { ViewBatch } from '../repositories/view-stats-repository.js';
import type { Clock } from './clock.js';
import { dayKey } from './site-time.js';

export interface ViewCounterOptions {
  /** writes a batch, in a transaction of its own (never inside someone else's) */
  save: (batch: ViewBatch) => Promise<void>;
  clock: Clock;
  timeZone: () => string;
  /** keys the reader hash that is stored with each read (the site's secret: the hash is no address) */
  readerSecret?: string;
  /** how long one reader's repeated reads of one article count once */
  dedupWindowMs?: number;
  /** upper bound of remembered (reader, article) pairs: bounds memory under a spike */
  maxRememberedReads?: number;
  flushIntervalMs?: number;
  /** told after each flush that wrote something (e.g. to refresh rankings) */
  onFlush?: () => void;
  /** told when a timed flush fails; the counts stay pending for the next try */
  onFlushError: (err: unknown) => void;
}

export interface Reader {
  ip: string;
  userAgent: string;
}

export class ViewCounter {
  private pending: ViewBatch = emptyBatch();
  private readonly recentReads: LRUCache<string, true>;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  private readonly windowMs: number;

  constructor(private readonly options: ViewCounterOptions) {
    this.windowMs = options.dedupWindowMs ?? 30 * 60_000;
    this.recentReads = new LRUCache({
      // Bounded by maxSize, not max: lru-cache preallocates arrays of `max` slots (9 MB here),
      // and a small site never remembers that many reads.
      maxSize: options.maxRememberedReads ?? 200_000,
      sizeCalculation: () => 1,
      ttl: this.windowMs,
      ttlResolution: 0,
      perf: { now: options.clock }, // the injected clock, so tests can move through the window
    });
  }

  static isCrawler(userAgent: string): boolean {
    return userAgent === '' || isbot(userAgent);
  }

  /** Counts a read of the article unless it is a crawler or the same reader read it recently. */
  recordArticleRead(articleId: number, reader: Reader): boolean {
    if (ViewCounter.isCrawler(reader.userAgent)) return false;
    const readerHash = readerKey(reader, this.options.readerSecret ?? '');
    const key = `${articleId}:${readerHash}`;
    if (this.recentReads.has(key)) return false;
    this.recentReads.set(key, true);
    const perArticle = this.bucketOfToday(this.pending.articleViews);
    perArticle.set(articleId, (perArticle.get(articleId) ?? 0) + 1);
    const now = this.options.clock();
    this.pending.reads!.push({ articleId, day: this.today(), reader: readerHash, windowStart: now - (now % this.windowMs) });
    return true;
  }

  /** Counts one page view of the site (网站访问统计), crawlers excluded. */
  recordPageView(userAgent: string): void {
    if (ViewCounter.isCrawler(userAgent)) return;
    const day = this.today();
    this.pending.pageViews.set(day, (this.pending.pageViews.get(day) ?? 0) + 1);
  }

  /** Reads of the article counted here but not yet written: shown on top of the stored count. */
  pendingArticleReads(articleId: number): number {
    let total = 0;
    for (const perArticle of this.pending.articleViews.values()) total += perArticle.get(articleId) ?? 0;
    return total;
  }

  pendingPageViews(): { today: number; total: number } {
    let total = 0;
    for (const count of this.pending.pageViews.values()) total += count;
    return { today: this.pending.pageViews.get(this.today()) ?? 0, total };
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush().catch(this.options.onFlushError), this.options.flushIntervalMs ?? 3000);
    this.timer.unref();
  }

  /** Stops the timer and writes what is pending. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Writes pending counts in one transaction; on failure they are kept for the next flush. */
  flush(): Promise<void> {
    // Flushes run one after another; a failed one does not block the next.
    const run = this.flushing.catch(() => undefined).then(() => this.flushNow());
    this.flushing = run;
    return run;
  }

  private async flushNow(): Promise<void> {
    const batch = this.pending;
    if (batch.articleViews.size === 0 && batch.pageViews.size === 0) return;
    this.pending = emptyBatch();
    try {
      await this.options.save(batch);
    } catch (err) {
      this.mergeBack(batch);
      throw err;
    }
    this.options.onFlush?.();
  }

  private mergeBack(batch: ViewBatch): void {
    this.pending.reads!.unshift(...(batch.reads ?? []));
    for (const [day, perArticle] of batch.articleViews) {
      const target = this.pending.articleViews.get(day) ?? new Map<number, number>();
      for (const [id, count] of perArticle) target.set(id, (target.get(id) ?? 0) + count);
      this.pending.articleViews.set(day, target);
    }
    for (const [day, count] of batch.pageViews) {
      this.pending.pageViews.set(day, (this.pending.pageViews.get(day) ?? 0) + count);
    }
  }

  private today(): string {
    return dayKey(this.options.clock(), this.options.timeZone());
  }

  private bucketOfToday(byDay: Map<string, Map<number, number>>): Map<number, number> {
    const day = this.today();
    let bucket = byDay.get(day);
    if (!bucket) {
      bucket = new Map();
      byDay.set(day, bucket);
    }
    return bucket;
  }
}

function emptyBatch(): ViewBatch {
  return { articleViews: new Map(), pageViews: new Map(), reads: [] };
}

/** A reader is known by a keyed hash of address and browser: no cookie or session needed. */
function readerKey(reader: Reader, secret: string): string {
  return createHmac('sha256', secret).update(`${reader.ip}\n${reader.userAgent}`).digest('base64url').slice(0, 22);
}
