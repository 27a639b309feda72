// The content change feed in SQLite (migration 0007): triggers write it in the same
// transaction as every write; every process reads it (on the read connection, so it never sees
// a change that is not committed).
import type { Db } from './database.js';
import type { ChangeFeed, ContentChange } from '../storage.js';

export class SqliteChangeFeed implements ChangeFeed {
  private readonly latest;
  private readonly since;
  private readonly nextScheduled;

  constructor(db: Db) {
    this.latest = db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM content_changes').pluck();
    this.since = db.prepare<[number], ContentChange>('SELECT scope, seq FROM content_changes WHERE seq > ? ORDER BY seq');
    this.nextScheduled = db
      .prepare<{ now: number }, number | null>(
        `SELECT min(at) FROM (
           SELECT min(published_at) AS at FROM articles WHERE status <> 'draft' AND deleted_at IS NULL AND published_at > @now
           UNION ALL
           SELECT min(pinned_until) FROM articles
             WHERE home_pin > 0 AND status <> 'draft' AND deleted_at IS NULL AND pinned_until > @now)`,
      )
      .pluck();
  }

  latestSeq(): number {
    return this.latest.get() ?? 0;
  }

  changedSince(seq: number): ContentChange[] {
    return this.since.all(seq);
  }

  nextScheduledChange(now: number): number | undefined {
    return this.nextScheduled.get({ now }) ?? undefined;
  }
}
