// Polls (投票·调查), their options and votes in SQLite.
import type { Db } from './database.js';
import type { Poll } from '../../domain/types.js';
import type { NewPoll, PollChanges, PollSummary, NewVote, PollRepository, PollRow } from '../../repositories/poll-repository.js';
import {
  PollOptionHasVotesError,
  UnknownPollOptionError,
  toPollFields,
  toPollSummary,
  type PollSummaryRow,
} from '../../repositories/poll-repository.js';

export class SqlitePollRepository implements PollRepository {
  private readonly byId;
  private readonly latestOpen;
  private readonly optionsOf;
  private readonly insertPoll;
  private readonly insertOption;
  private readonly createPoll;
  private readonly adminList;
  private readonly countRows;
  private readonly updatePoll;
  private readonly updateOption;
  private readonly deleteUnvotedOption;
  private readonly saveChanges;
  private readonly deletePoll;
  private readonly voteOfSession;
  private readonly votesOfAddressSince;
  private readonly insertVote;
  private readonly addToOption;

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
    this.createPoll = (poll: NewPoll, now: number) => {
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
    };
    this.adminList = db.prepare<[number, number], PollSummaryRow>(
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
    this.updateOption = db.prepare('UPDATE poll_options SET label = @label, sort_order = @sortOrder WHERE id = @id AND poll_id = @pollId');
    this.deleteUnvotedOption = db.prepare('DELETE FROM poll_options WHERE id = ? AND poll_id = ? AND votes = 0');
    // in the caller's transaction: a failure rolls back the options changed before it
    this.saveChanges = (id: number, changes: PollChanges) => {
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
    };
    this.deletePoll = db.prepare('DELETE FROM polls WHERE id = ?');
    this.voteOfSession = db.prepare<[number, string], { option_ids: string }>(
      'SELECT option_ids FROM poll_votes WHERE poll_id = ? AND session_id = ?',
    );
    this.votesOfAddressSince = db.prepare<[number, string, number], { n: number }>(
      'SELECT COUNT(*) AS n FROM poll_votes WHERE poll_id = ? AND ip_hash = ? AND created_at > ?',
    );
    this.insertVote = db.prepare('INSERT INTO poll_votes (poll_id, session_id, ip_hash, created_at, option_ids) VALUES (?, ?, ?, ?, ?)');
    this.addToOption = db.prepare('UPDATE poll_options SET votes = votes + 1 WHERE id = ? AND poll_id = ?');
  }

  async countVotesFromAddressSince(pollId: number, ipHash: string, since: number): Promise<number> {
    return this.votesOfAddressSince.get(pollId, ipHash, since)?.n ?? 0;
  }

  async addVote(vote: NewVote): Promise<void> {
    this.insertVote.run(vote.pollId, vote.sessionId, vote.ipHash, vote.createdAt, vote.optionIds.join(','));
    for (const optionId of vote.optionIds) this.addToOption.run(optionId, vote.pollId);
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
    return this.createPoll(poll, now);
  }

  async listForAdmin(limit: number, offset: number): Promise<PollSummary[]> {
    return this.adminList.all(limit, offset).map(toPollSummary);
  }

  async count(): Promise<number> {
    return this.countRows.get()?.n ?? 0;
  }

  async update(id: number, changes: PollChanges): Promise<boolean> {
    return this.saveChanges(id, changes);
  }

  async delete(id: number): Promise<boolean> {
    return this.deletePoll.run(id).changes > 0;
  }

  private withOptions(row: PollRow): Poll {
    return { ...toPollFields(row), options: this.optionsOf.all(row.id) };
  }
}
