// Request-rate counters: hits per key (a limiter's prefix and a client address) in a fixed
// window, kept in the database so every app process counts together.

export interface RateLimitCount {
  /** hits in the current window, this one included */
  hits: number;
  /** when the current window ends (ms since the epoch) */
  resetAt: number;
}

export interface RateLimitRepository {
  /**
   * Counts one hit, in one statement (concurrent hits each get their own number). A key
   * without a window, or whose window has ended (resetAt <= now), starts again at 1 with a
   * window ending at now + windowMs.
   */
  hit(key: string, windowMs: number, now: number): Promise<RateLimitCount>;
  /** Takes one hit back (a request that should not count), if the window is still running. */
  undo(key: string, now: number): Promise<void>;
  /** Forgets the key's hits. */
  reset(key: string): Promise<void>;
  /** Removes the keys whose window has ended at `now`; how many. */
  deleteExpired(now: number): Promise<number>;
}
