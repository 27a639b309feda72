// Rules of polls shared by the reader side and the editors' area.

export type PollState = 'upcoming' | 'open' | 'closed';

export function pollState(poll: { startsAt: number; endsAt: number | null }, now: number): PollState {
  if (now < poll.startsAt) return 'upcoming';
  return poll.endsAt !== null && now >= poll.endsAt ? 'closed' : 'open';
}

/** Votes one address may cast on one poll in 24 hours: generous, as offices and campuses share one. */
export const POLL_VOTES_PER_ADDRESS_PER_DAY = 200;

/** Each option's share of all votes, in percent with one decimal. */
export function withPercentages<T extends { votes: number }>(options: T[]): { results: (T & { percent: number })[]; totalVotes: number } {
  const totalVotes = options.reduce((sum, option) => sum + option.votes, 0);
  return {
    totalVotes,
    results: options.map((option) => ({ ...option, percent: totalVotes === 0 ? 0 : Math.round((option.votes / totalVotes) * 1000) / 10 })),
  };
}
