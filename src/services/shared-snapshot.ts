// A value every request shares (the site chrome, the home page's lists): built once, kept
// until content changes (invalidate, called by the change feed), until the next scheduled
// change (an article going live, a home-page pin ending), or until it is maxAgeMs old (flushed
// view counts change without a signal).
import type { Clock } from './clock.js';

export class SharedSnapshot<T> {
  private cached: { value: T; goesStaleAt: number } | undefined;
  private lastBuilt: T | undefined;
  private building: Promise<T> | undefined;
  private generation = 0;

  constructor(
    private readonly build: (now: number) => Promise<T>,
    private readonly clock: Clock,
    private readonly maxAgeMs: number,
    /** applies content changes made since the last look (they call invalidate) */
    private readonly catchUpWithChanges: () => void = () => {},
    /** when a scheduled change next happens (it changes what the value would be) */
    private readonly nextScheduledChange: (now: number) => number | undefined = () => undefined,
  ) {}

  /** the value as last built, even if stale since (no build, no catching up) */
  get last(): T | undefined {
    return this.lastBuilt;
  }

  async get(): Promise<T> {
    this.catchUpWithChanges();
    const cached = this.cached;
    if (cached && this.clock() < cached.goesStaleAt) return cached.value;
    // One build at a time: concurrent requests during a rebuild share it.
    this.building ??= this.rebuild().finally(() => (this.building = undefined));
    return this.building;
  }

  invalidate(): void {
    this.generation += 1;
    this.cached = undefined;
  }

  private async rebuild(): Promise<T> {
    const generation = this.generation;
    const builtAt = this.clock();
    const value = await this.build(builtAt);
    this.lastBuilt = value;
    const goesStaleAt = Math.min(builtAt + this.maxAgeMs, this.nextScheduledChange(builtAt) ?? Infinity);
    // A change that happened while building makes this result stale: serve it once, keep nothing.
    if (generation === this.generation) this.cached = { value, goesStaleAt };
    return value;
  }
}
