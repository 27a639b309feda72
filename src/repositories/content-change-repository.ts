// The content change feed (migration 0007): triggers write it, every process reads it.
// Unlike the other repositories this one is synchronous: it is read before every request, and
// one indexed max() is cheaper than a promise. A PostgreSQL port would use LISTEN/NOTIFY here.
import type { Db } from '../db/database.js';

export interface ContentChange {
  /** 'site', 'article:<id>' or 'poll:<id>' */
  scope: string;
  seq: number;
}

export interface ContentChangeRepository {
  /** sequence number of the latest change (0 before any) */
  latestSeq(): number;
  /** the scopes changed after `seq`, oldest first */
  changedSince(seq: number): ContentChange[];
  /**
   * The earliest time after `now` at which pages change without a write: a scheduled article
   * becomes visible, or a home-page pin (头条/置顶) ends.
   */
  nextScheduledChange(now: number): number | undefined;
}

export class SqliteContentChangeRepository implements ContentChangeRepository {
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
