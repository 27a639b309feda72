// Polls (投票·调查) and their options: the only place with their SQL.
import type { Db } from '../db/database.js';
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

export interface VoteRequest {
  pollId: number;
  /** already checked to belong to the poll */
  optionIds: number[];
  sessionId: string;
  ipHash: string;
  now: number;
  /** votes one address may cast on a poll in 24 hours (shared networks count many readers) */
  dailyCapPerAddress: number;
}

export type VoteOutcome = 'counted' | 'already-voted' | 'address-cap';

export interface PollRepository {
  findById(id: number): Promise<Poll | undefined>;
  findLatestOpen(now: number): Promise<Poll | undefined>;
  /** Records one vote and what it chose in an IMMEDIATE transaction: one per session, capped per address. */
  castVote(vote: VoteRequest): Promise<VoteOutcome>;
  /** the options the session's vote chose ([] for votes from before choices were kept); undefined: no vote */
  choicesOf(pollId: number, sessionId: string): Promise<number[] | undefined>;
  create(poll: NewPoll, now: number): Promise<number>;
  /** newest first, by start time */
  listForAdmin(limit: number, offset: number): Promise<PollSummary[]>;
  count(): Promise<number>;
  /**
   * Saves the poll and its options in one transaction; false when there is no such poll.
   * @throws PollOptionHasVotesError, UnknownPollOptionError (and then nothing changed)
   */
  update(id: number, changes: PollChanges): Promise<boolean>;
  /** deletes the poll with its options and votes */
  delete(id: number): Promise<boolean>;
}

interface PollRow {
  id: number;
  question: string;
  is_multiple: number;
  starts_at: number;
  ends_at: number | null;
}

export class SqlitePollRepository implements PollRepository {
  private readonly byId;
  private readonly latestOpen;
  private readonly optionsOf;
  private readonly insertPoll;
  private readonly insertOption;
  private readonly createInTransaction;
  private readonly adminList;
  private readonly countRows;
  private readonly updatePoll;
  private readonly updateOption;
  private readonly deleteUnvotedOption;
  private readonly updateInTransaction;
  private readonly deletePoll;
  private readonly voteOfSession;
  private readonly votesOfAddressSince;
  private readonly insertVote;
  private readonly addVote;
  private readonly castInTransaction;

  constructor(db: Db) {
    this.byId = db.prepare<[number], PollRow>('SELECT * FROM polls WHERE id = ?');
    this.latestOpen = db.prepare<{ now: number }, PollRow>(
      `SELECT * FROM polls WHERE starts_at <= @now AND (ends_at IS NULL OR ends_at > @now)
       ORDER BY starts_at DESC, id DESC LIMIT 1`,
    );
    this.optionsOf = db.prepare<[number], { id: number; label: string; votes: number }>(
      'SELECT id, label, votes FROM poll_options WHERE poll_id = ? ORDER BY sort_order, id',
    );
    this.insertPoll = db.prepare(
      `INSERT INTO polls (question, is_multiple, starts_at, ends_at, created_at)
       VALUES (@question, @isMultiple, @startsAt, @endsAt, @now)`,
    );
    this.insertOption = db.prepare(
      'INSERT INTO poll_options (poll_id, label, sort_order, votes) VALUES (@pollId, @label, @sortOrder, @votes)',
    );
    this.createInTransaction = db.transaction((poll: NewPoll, now: number) => {
      const pollId = Number(
        this.insertPoll.run({
          question: poll.question,
          isMultiple: poll.isMultiple ? 1 : 0,
          startsAt: poll.startsAt,
          endsAt: poll.endsAt,
          now,
        }).lastInsertRowid,
      );
      poll.options.forEach((option, index) =>
        this.insertOption.run({ pollId, label: option.label, sortOrder: index, votes: option.votes ?? 0 }),
      );
      return pollId;
    });
    this.adminList = db.prepare<[number, number], PollRow & { total_votes: number; option_count: number }>(
      `SELECT p.id, p.question, p.is_multiple, p.starts_at, p.ends_at,
         COALESCE(SUM(o.votes), 0) AS total_votes, COUNT(o.id) AS option_count
       FROM polls p LEFT JOIN poll_options o ON o.poll_id = p.id
       GROUP BY p.id, p.question, p.is_multiple, p.starts_at, p.ends_at
       ORDER BY p.starts_at DESC, p.id DESC LIMIT ? OFFSET ?`,
    );
    this.countRows = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM polls');
    this.updatePoll = db.prepare(
      `UPDATE polls SET question = @question, is_multiple = @isMultiple, starts_at = @startsAt, ends_at = @endsAt
       WHERE id = @id`,
    );
    this.updateOption = db.prepare(
      'UPDATE poll_options SET label = @label, sort_order = @sortOrder WHERE id = @id AND poll_id = @pollId',
    );
    this.deleteUnvotedOption = db.prepare('DELETE FROM poll_options WHERE id = ? AND poll_id = ? AND votes = 0');
    this.updateInTransaction = db.transaction((id: number, changes: PollChanges) => {
      const updated = this.updatePoll.run({
        id,
        question: changes.question,
        isMultiple: changes.isMultiple ? 1 : 0,
        startsAt: changes.startsAt,
        endsAt: changes.endsAt,
      });
      if (updated.changes === 0) return false;
      const current = this.optionsOf.all(id);
      const kept = new Set<number>();
      for (const option of changes.options) {
        if (option.id === undefined) continue;
        if (!current.some((c) => c.id === option.id)) throw new UnknownPollOptionError(option.id);
        kept.add(option.id);
      }
      for (const option of current) {
        if (kept.has(option.id)) continue;
        // votes = 0 in the statement itself: a vote counted meanwhile keeps its option
        if (this.deleteUnvotedOption.run(option.id, id).changes === 0) {
          throw new PollOptionHasVotesError(option.id, option.label, option.votes);
        }
      }
      changes.options.forEach((option, sortOrder) => {
        if (option.id === undefined) this.insertOption.run({ pollId: id, label: option.label, sortOrder, votes: 0 });
        else this.updateOption.run({ id: option.id, pollId: id, label: option.label, sortOrder });
      });
      return true;
    });
    this.deletePoll = db.prepare('DELETE FROM polls WHERE id = ?');
    this.voteOfSession = db.prepare<[number, string], { option_ids: string }>(
      'SELECT option_ids FROM poll_votes WHERE poll_id = ? AND session_id = ?',
    );
    this.votesOfAddressSince = db.prepare<[number, string, number], { n: number }>(
      'SELECT COUNT(*) AS n FROM poll_votes WHERE poll_id = ? AND ip_hash = ? AND created_at > ?',
    );
    this.insertVote = db.prepare(
      'INSERT INTO poll_votes (poll_id, session_id, ip_hash, created_at, option_ids) VALUES (?, ?, ?, ?, ?)',
    );
    this.addVote = db.prepare('UPDATE poll_options SET votes = votes + 1 WHERE id = ? AND poll_id = ?');
    this.castInTransaction = db.transaction((vote: VoteRequest): VoteOutcome => {
      if (this.voteOfSession.get(vote.pollId, vote.sessionId)) return 'already-voted';
      const recent = this.votesOfAddressSince.get(vote.pollId, vote.ipHash, vote.now - 24 * 60 * 60_000)?.n ?? 0;
      if (recent >= vote.dailyCapPerAddress) return 'address-cap';
      this.insertVote.run(vote.pollId, vote.sessionId, vote.ipHash, vote.now, vote.optionIds.join(','));
      for (const optionId of vote.optionIds) this.addVote.run(optionId, vote.pollId);
      return 'counted';
    });
  }

  async castVote(vote: VoteRequest): Promise<VoteOutcome> {
    return this.castInTransaction.immediate(vote);
  }

  async choicesOf(pollId: number, sessionId: string): Promise<number[] | undefined> {
    const row = this.voteOfSession.get(pollId, sessionId);
    return row && (row.option_ids === '' ? [] : row.option_ids.split(',').map(Number));
  }

  async findById(id: number): Promise<Poll | undefined> {
    const row = this.byId.get(id);
    return row && this.withOptions(row);
  }

  async findLatestOpen(now: number): Promise<Poll | undefined> {
    const row = this.latestOpen.get({ now });
    return row && this.withOptions(row);
  }

  async create(poll: NewPoll, now: number): Promise<number> {
    return this.createInTransaction.immediate(poll, now);
  }

  async listForAdmin(limit: number, offset: number): Promise<PollSummary[]> {
    return this.adminList.all(limit, offset).map((row) => ({
      id: row.id,
      question: row.question,
      isMultiple: row.is_multiple === 1,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      totalVotes: row.total_votes,
      optionCount: row.option_count,
    }));
  }

  async count(): Promise<number> {
    return this.countRows.get()?.n ?? 0;
  }

  async update(id: number, changes: PollChanges): Promise<boolean> {
    return this.updateInTransaction.immediate(id, changes);
  }

  async delete(id: number): Promise<boolean> {
    return this.deletePoll.run(id).changes > 0;
  }

  private withOptions(row: PollRow): Poll {
    return {
      id: row.id,
      question: row.question,
      isMultiple: row.is_multiple === 1,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      options: this.optionsOf.all(row.id),
    };
  }
}
