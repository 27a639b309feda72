// Request-rate counters in PostgreSQL: one row per key, counted by one upsert per hit.
import type { RateLimitCount, RateLimitRepository } from '../../repositories/rate-limit-repository.js';
import type { Sql } from './sql.js';

export class PostgresRateLimitRepository implements RateLimitRepository {
  constructor(private readonly sql: Sql) {}

  async hit(key: string, windowMs: number, now: number): Promise<RateLimitCount> {
    // One statement reads and writes the row (ON CONFLICT locks it), so concurrent hits each get
    // their own number. The SET expressions all see the row as it was: an ended window starts
    // again at 1.
    const row = await this.sql.row<{ hits: number; reset_at: number }>(
      `INSERT INTO rate_limit_hits (key, hits, reset_at) VALUES ($1, 1, $3)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limit_hits.reset_at <= $2 THEN 1 ELSE rate_limit_hits.hits + 1 END,
         reset_at = CASE WHEN rate_limit_hits.reset_at <= $2 THEN excluded.reset_at ELSE rate_limit_hits.reset_at END
       RETURNING hits, reset_at`,
      [key, now, now + windowMs],
    );
    return { hits: row!.hits, resetAt: row!.reset_at };
  }

  async undo(key: string, now: number): Promise<void> {
    await this.sql.run('UPDATE rate_limit_hits SET hits = hits - 1 WHERE key = $1 AND hits > 0 AND reset_at > $2', [key, now]);
  }

  async reset(key: string): Promise<void> {
    await this.sql.run('DELETE FROM rate_limit_hits WHERE key = $1', [key]);
  }

  async deleteExpired(now: number): Promise<number> {
    return this.sql.run('DELETE FROM rate_limit_hits WHERE reset_at <= $1', [now]);
  }
}
