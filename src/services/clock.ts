// The time source, injectable so tests can move time (scheduling, dedup windows, daily buckets).
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
