// Polls (投票·调查), their options and votes.
import type { Poll } from '../domain/types.js';

export interface NewPoll {
  question: string;
  isMultiple: boolean;
  startsAt: number;
  endsAt: number | null;
  options: { label: string; votes?: number }[];
}

/** An edit: options with an id are kept (votes and all), those without are added, the rest removed. */
export interface PollChanges {
  question: string;
  isMultiple: boolean;
  startsAt: number;
  endsAt: number | null;
  options: { id?: number; label: string }[];
}

/** A poll as the editors' list shows it. */
export interface PollSummary {
  id: number;
  question: string;
  isMultiple: boolean;
  startsAt: number;
  endsAt: number | null;
  totalVotes: number;
  optionCount: number;
}

/** An edit would have removed an option that readers voted for; nothing was changed. */
export class PollOptionHasVotesError extends Error {
  constructor(
    readonly optionId: number,
    readonly label: string,
    readonly votes: number,
  ) {
    super(`poll option ${optionId} has ${votes} votes`);
  }
}

/** An edit named an option id that is not one of the poll's; nothing was changed. */
export class UnknownPollOptionError extends Error {
  constructor(readonly optionId: number) {
    super(`poll option ${optionId} is not one of the poll's`);
  }
}

/** One reader's vote: the options it chose, already checked to belong to the poll. */
export interface NewVote {
  pollId: number;
  optionIds: number[];
  sessionId: string;
  ipHash: string;
  createdAt: number;
}

export interface PollRepository {
  findById(id: number): Promise<Poll | undefined>;
  findLatestOpen(now: number): Promise<Poll | undefined>;
  /** Stores the vote and counts it for each chosen option (the rules are the poll service's). */
  addVote(vote: NewVote): Promise<void>;
  /** votes from the (hashed) address on the poll since the instant */
  countVotesFromAddressSince(pollId: number, ipHash: string, since: number): Promise<number>;
  /** the options the session's vote chose ([] for votes from before choices were kept); undefined: no vote */
  choicesOf(pollId: number, sessionId: string): Promise<number[] | undefined>;
  create(poll: NewPoll, now: number): Promise<number>;
  /** newest first, by start time */
  listForAdmin(limit: number, offset: number): Promise<PollSummary[]>;
  count(): Promise<number>;
  /**
   * Saves the poll and its options; false when there is no such poll.
   * @throws PollOptionHasVotesError, UnknownPollOptionError (roll the transaction back)
   */
  update(id: number, changes: PollChanges): Promise<boolean>;
  /** deletes the poll with its options and votes */
  delete(id: number): Promise<boolean>;
}

export interface PollRow {
  id: number;
  question: string;
  is_multiple: number;
  starts_at: number;
  ends_at: number | null;
}

export interface PollSummaryRow extends PollRow {
  total_votes: number;
  option_count: number;
}

/** A poll's own fields (everything but its options). */
export function toPollFields(row: PollRow): Omit<Poll, 'options'> {
  return { id: row.id, question: row.question, isMultiple: row.is_multiple === 1, startsAt: row.starts_at, endsAt: row.ends_at };
}

export function toPollSummary(row: PollSummaryRow): PollSummary {
  return {
    ...toPollFields(row),
    totalVotes: row.total_votes,
    optionCount: row.option_count,
  };
}
