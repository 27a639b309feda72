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

export interface PollRepository {
  findById(id: number): Promise<Poll | undefined>;
  findLatestOpen(now: number): Promise<Poll | undefined>;
  create(poll: NewPoll, now: number): Promise<number>;
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
