// Request-rate counters in SQLite: one row per key, counted by one upsert per hit.
import type { Db } from './database.js';
import type { RateLimitCount, RateLimitRepository } from '../../repositories/rate-limit-repository.js';

export class SqliteRateLimitRepository implements RateLimitRepository {
  private readonly upsert;
  private readonly takeBack;
  private readonly remove;
  private readonly removeExpired;

  constructor(db: Db) {
    // One statement reads and writes the row, so no other hit can come in between. The SET
    // expressions all see the row as it was: an ended window starts again at 1.
    this.upsert = db.prepare<{ key: string; now: number; resetAt: number }, { hits: number; reset_at: number }>(
      `INSERT INTO rate_limit_hits (key, hits, reset_at) VALUES (@key, 1, @resetAt)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limit_hits.reset_at <= @now THEN 1 ELSE rate_limit_hits.hits + 1 END,
         reset_at = CASE WHEN rate_limit_hits.reset_at <= @now THEN excluded.reset_at ELSE rate_limit_hits.reset_at END
       RETURNING hits, reset_at`,
    );
    this.takeBack = db.prepare('UPDATE rate_limit_hits SET hits = hits - 1 WHERE key = ? AND hits > 0 AND reset_at > ?');
    this.remove = db.prepare('DELETE FROM rate_limit_hits WHERE key = ?');
    this.removeExpired = db.prepare('DELETE FROM rate_limit_hits WHERE reset_at <= ?');
  }

  async hit(key: string, windowMs: number, now: number): Promise<RateLimitCount> {
    const row = this.upsert.get({ key, now, resetAt: now + windowMs })!;
    return { hits: row.hits, resetAt: row.reset_at };
  }

  async undo(key: string, now: number): Promise<void> {
    this.takeBack.run(key, now);
  }

  async reset(key: string): Promise<void> {
    this.remove.run(key);
  }

  async deleteExpired(now: number): Promise<number> {
    return this.removeExpired.run(now).changes;
  }
}
