// Per-address limits on what strangers may store (comments, submissions), checked in the
// same IMMEDIATE transaction as the insert so concurrent posts cannot slip past them.

export interface AddressLimits {
  /** at most one item per address within this many ms */
  minIntervalMs: number;
  /** at most this many items per address per hour */
  hourlyCap: number;
}

export type LimitedCreateOutcome =
  | { kind: 'created'; id: number }
  | { kind: 'too-soon' }
  | { kind: 'hourly-cap' }
  | { kind: 'duplicate' };
