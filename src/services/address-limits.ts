// Per-address limits on what strangers may store (comments, submissions): one item per
// address within a short interval, an hourly cap, and no exact duplicates. Checked inside the
// transaction that stores the item, so concurrent posts cannot slip past them.

export interface AddressLimits {
  /** at most one item per address within this many ms */
  minIntervalMs: number;
  /** at most this many items per address per hour */
  hourlyCap: number;
}

export type LimitRefusal = 'too-soon' | 'hourly-cap' | 'duplicate';

export interface AddressHistory {
  /** items from the address since the instant */
  countSince(since: number): Promise<number>;
  /** whether the same item is already stored */
  isDuplicate(): Promise<boolean>;
}

const HOUR = 3_600_000;

/** Why the item may not be stored now, or undefined when it may. */
export async function refusalOf(history: AddressHistory, limits: AddressLimits, now: number): Promise<LimitRefusal | undefined> {
  if ((await history.countSince(now - limits.minIntervalMs)) > 0) return 'too-soon';
  if ((await history.countSince(now - HOUR)) >= limits.hourlyCap) return 'hourly-cap';
  if (await history.isDuplicate()) return 'duplicate';
  return undefined;
}
