// Request-rate limits counted in the database (log-ins, captchas, 人员查询), so that every app
// process on one database counts each address together. The web layer's limiter store calls
// this; each call is a transaction of its own. Keys hold client addresses: they are stored
// as a keyed hash (hashKey), never as the address.
import type { Transact } from '../storage/storage.js';
import type { Clock } from './clock.js';

/** Keys whose window has ended are removed at most this often, by the next hit. */
export const RATE_LIMIT_CLEANUP_INTERVAL_MS = 60_000;

export interface RateLimitHit {
  /** hits in the current window, this one included */
  hits: number;
  /** when the window ends, by the service's clock */
  resetAt: number;
  /** how long until then (for callers that measure time by another clock) */
  resetsInMs: number;
}

export class RateLimitService {
  private nextCleanup = 0;

  constructor(
    private readonly transaction: Transact,
    private readonly clock: Clock,
    private readonly hashKey: (key: string) => string = (key) => key,
  ) {}

  /** Counts one hit on the key in a window of `windowMs`. */
  async hit(key: string, windowMs: number): Promise<RateLimitHit> {
    const now = this.clock();
    // Piggy-backed on a hit rather than on a timer: nothing keeps the process alive, and a site
    // with no requests has nothing to clean. Due once a minute per process, not per hit.
    // Marked before the transaction, so that hits arriving meanwhile leave it to this one.
    const cleanUp = now >= this.nextCleanup;
    if (cleanUp) this.nextCleanup = now + RATE_LIMIT_CLEANUP_INTERVAL_MS;
    try {
      const count = await this.transaction(async (tx) => {
        if (cleanUp) await tx.rateLimits.deleteExpired(now);
        return tx.rateLimits.hit(this.hashKey(key), windowMs, now);
      });
      return { ...count, resetsInMs: count.resetAt - now };
    } catch (err) {
      if (cleanUp) this.nextCleanup = 0; // rolled back: the next hit cleans up instead
      throw err;
    }
  }

  /** Takes back one hit (a request that should not count), while its window runs. */
  async undo(key: string): Promise<void> {
    await this.transaction((tx) => tx.rateLimits.undo(this.hashKey(key), this.clock()));
  }

  /** Forgets the key's hits. */
  async reset(key: string): Promise<void> {
    await this.transaction((tx) => tx.rateLimits.reset(this.hashKey(key)));
  }
}
