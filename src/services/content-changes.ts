// Turns the content change feed (written by database triggers, see migration 0007) into
// invalidations of this process's caches. catchUp() runs before every request: when nothing
// changed it costs one indexed max(); otherwise it reads the changed scopes and tells each
// listener. Writes by this process and by other processes on the same file arrive the same way.
import type { ChangeFeed } from '../storage/storage.js';

/** a change that can show on any page */
export const SITE_SCOPE = 'site';

export const articleScope = (articleId: number): string => `article:${articleId}`;

export type ChangeListener = (scopes: ReadonlySet<string>) => void;

export class ContentChanges {
  private seen: number;
  private readonly listeners: ChangeListener[] = [];

  constructor(private readonly repository: ChangeFeed) {
    this.seen = repository.latestSeq();
  }

  /** The sequence number of the latest change this process has applied. */
  get version(): number {
    return this.seen;
  }

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  /** Applies every change made since the last call. Returns true when there were any. */
  catchUp(): boolean {
    const latest = this.repository.latestSeq();
    if (latest === this.seen) return false;
    // Behind what we saw: the file was replaced (a restore), so anything may have changed.
    const scopes = latest < this.seen ? new Set([SITE_SCOPE]) : new Set(this.repository.changedSince(this.seen).map((c) => c.scope));
    this.seen = latest;
    for (const listener of this.listeners) listener(scopes);
    return true;
  }
}
