// The content change feed on PostgreSQL (migrations/postgres/0002). The feed's readers are
// synchronous (a cache hit must not wait on the database), so this process keeps what it needs
// in memory and brings it up to date in the background:
//  - pushed: a listening connection hears NOTIFY of every committed content change at once;
//  - polled: every pollMs as a fallback, in case a notification is lost with its connection;
//  - after this process's own transactions commit (the storage awaits refresh()), so a page
//    rendered after a write sees it.
// When the listening connection is lost and comes back, every cached page is flushed: the
// feed reports a 'site' change of its own.
import pg from 'pg';
import type { ChangeFeed, ContentChange } from '../storage.js';
import { Sql } from './sql.js';

const CHANNEL = 'portal_content_changes';
/** changes kept for changedSince(); a reader further behind is told 'site' (flush everything) */
const KEPT_CHANGES = 10_000;
/** scheduled times kept in memory; past the last one the list is loaded again */
const SCHEDULE_SIZE = 64;

export interface ChangeFeedOptions {
  /** the connection URL, for the listening connection */
  url: string;
  pollMs: number;
  /** told when the listening connection is lost or back, for the log */
  onListenerState?: (state: 'lost' | 'listening', error?: Error) => void;
}

export class PostgresChangeFeed implements ChangeFeed {
  /** the latest database sequence number applied */
  private databaseSeq = 0;
  /** added to database numbers: one per full flush this process made up (after a reconnect) */
  private flushes = 0;
  private recent: ContentChange[] = [];
  private schedule: { floor: number; times: number[]; truncated: boolean } = { floor: 0, times: [], truncated: false };
  /** the earliest `now` asked of nextScheduledChange since the schedule was loaded */
  private lowestAsked: number | undefined;
  private scheduleStale = true;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private listener: pg.Client | undefined;
  private poll: NodeJS.Timeout | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly sql: Sql,
    private readonly options: ChangeFeedOptions,
  ) {}

  /** Loads the current state, starts listening and polling. */
  async start(): Promise<void> {
    await this.refresh();
    await this.listen().catch(() => this.scheduleReconnect());
    this.poll = setInterval(() => void this.refresh().catch(() => undefined), this.options.pollMs);
    this.poll.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.poll);
    clearTimeout(this.reconnect);
    await this.refreshing?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
  }

  latestSeq(): number {
    return this.databaseSeq + this.flushes;
  }

  changedSince(seq: number): ContentChange[] {
    const oldestKept = this.recent[0];
    if (oldestKept && seq < oldestKept.seq - 1 && this.recent.length >= KEPT_CHANGES) {
      return [{ scope: 'site', seq: this.latestSeq() }];
    }
    return this.recent.filter((change) => change.seq > seq);
  }

  nextScheduledChange(now: number): number | undefined {
    const { floor, times, truncated } = this.schedule;
    if (now < floor) {
      // Asked about a time before the loaded list: unknown yet, so look again in a moment.
      this.lowestAsked = Math.min(this.lowestAsked ?? now, now);
      this.scheduleStale = true;
      void this.refresh().catch(() => undefined);
      return now + 1;
    }
    this.lowestAsked = Math.min(this.lowestAsked ?? now, now);
    const next = times.find((time) => time > now);
    if (next !== undefined) return next;
    if (!truncated) return undefined;
    this.scheduleStale = true;
    void this.refresh().catch(() => undefined);
    return now + 1;
  }

  /** Applies the changes committed since the last look. One at a time; a call during one runs after it. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    const run = async (): Promise<void> => {
      try {
        do {
          this.refreshAgain = false;
          await this.applyNewChanges();
        } while (this.refreshAgain && !this.closed);
      } finally {
        this.refreshing = undefined;
      }
    };
    this.refreshing = run();
    return this.refreshing;
  }

  private async applyNewChanges(): Promise<void> {
    const rows = await this.sql.rows<ContentChange>('SELECT scope, seq FROM content_changes WHERE seq > $1 ORDER BY seq', [
      this.databaseSeq,
    ]);
    const latest = (await this.sql.value<number>('SELECT seq FROM content_change_counter WHERE id = 1')) ?? 0;
    if (latest < this.databaseSeq) {
      // The database was replaced (a restore): anything may have changed.
      this.databaseSeq = latest;
      this.flushes += 1;
      this.madeUpFlush();
    }
    for (const row of rows) this.record({ scope: row.scope, seq: row.seq + this.flushes });
    if (rows.length > 0) this.databaseSeq = Math.max(this.databaseSeq, rows.at(-1)!.seq);
    if (rows.some((row) => row.scope === 'site')) this.scheduleStale = true;
    if (this.scheduleStale) await this.loadSchedule();
  }

  private async loadSchedule(): Promise<void> {
    this.scheduleStale = false;
    const floor = this.lowestAsked ?? this.schedule.floor;
    this.lowestAsked = undefined;
    const times = await this.sql.rows<{ at: number }>(
      `SELECT at FROM (
         (SELECT published_at AS at FROM articles
           WHERE status <> 'draft' AND deleted_at IS NULL AND published_at > $1 ORDER BY published_at LIMIT $2)
         UNION
         (SELECT pinned_until FROM articles
           WHERE home_pin > 0 AND status <> 'draft' AND deleted_at IS NULL AND pinned_until > $1 ORDER BY pinned_until LIMIT $2)
       ) upcoming ORDER BY at LIMIT $2`,
      [floor, SCHEDULE_SIZE],
    );
    this.schedule = { floor, times: times.map((row) => row.at), truncated: times.length === SCHEDULE_SIZE };
  }

  private record(change: ContentChange): void {
    this.recent.push(change);
    if (this.recent.length > KEPT_CHANGES) this.recent = this.recent.slice(-KEPT_CHANGES / 2);
  }

  private madeUpFlush(): void {
    this.record({ scope: 'site', seq: this.latestSeq() });
    this.scheduleStale = true;
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.options.url, application_name: 'news-portal change listener' });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    client.on('notification', () => void this.refresh().catch(() => undefined));
    const wasLost = this.listener === undefined && this.everListened;
    this.listener = client;
    this.everListened = true;
    this.options.onListenerState?.('listening');
    if (wasLost) {
      // Notifications sent while we were away are gone: start every cache afresh.
      this.flushes += 1;
      this.madeUpFlush();
    }
    await this.refresh();
  }

  private everListened = false;

  private lost(client: pg.Client, error?: Error): void {
    if (this.listener !== client) return;
    this.listener = undefined;
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.options.onListenerState?.('lost', error);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnect) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = undefined;
      this.listen().catch(() => this.scheduleReconnect());
    }, 1000);
    this.reconnect.unref();
  }
}
