// Polls (投票·调查), their options and votes in PostgreSQL.
import type { Poll } from '../../domain/types.js';
import type { NewPoll, PollChanges, PollSummary, NewVote, PollRepository, PollRow } from '../../repositories/poll-repository.js';
import {
  PollOptionHasVotesError,
  UnknownPollOptionError,
  toPollFields,
  toPollSummary,
  type PollSummaryRow,
} from '../../repositories/poll-repository.js';
import type { Sql } from './sql.js';

const POLL_COLUMNS = 'id, question, is_multiple, starts_at, ends_at';

interface OptionRow {
  id: number;
  label: string;
  votes: number;
}

interface NewOption {
  label: string;
  sortOrder: number;
  votes: number;
}

export class PostgresPollRepository implements PollRepository {
  constructor(private readonly sql: Sql) {}

  async findById(id: number): Promise<Poll | undefined> {
    const row = await this.sql.row<PollRow>(`SELECT ${POLL_COLUMNS} FROM polls WHERE id = $1`, [id]);
    return row && this.withOptions(row);
  }

  async findLatestOpen(now: number): Promise<Poll | undefined> {
    const row = await this.sql.row<PollRow>(
      `SELECT ${POLL_COLUMNS} FROM polls WHERE starts_at <= $1 AND (ends_at IS NULL OR ends_at > $1)
       ORDER BY starts_at DESC, id DESC LIMIT 1`,
      [now],
    );
    return row && this.withOptions(row);
  }

  async addVote(vote: NewVote): Promise<void> {
    await this.sql.run('INSERT INTO poll_votes (poll_id, session_id, ip_hash, created_at, option_ids) VALUES ($1, $2, $3, $4, $5)', [
      vote.pollId,
      vote.sessionId,
      vote.ipHash,
      vote.createdAt,
      vote.optionIds.join(','),
    ]);
    if (vote.optionIds.length === 0) return;
    // One statement for every chosen option; an id listed twice counts twice, as in SQLite's loop.
    await this.sql.run(
      `UPDATE poll_options o SET votes = o.votes + chosen.n
       FROM (SELECT id, COUNT(*) AS n FROM unnest($2::bigint[]) AS id GROUP BY id) chosen
       WHERE o.id = chosen.id AND o.poll_id = $1`,
      [vote.pollId, [...vote.optionIds].sort((a, b) => a - b)],
    );
  }

  async countVotesFromAddressSince(pollId: number, ipHash: string, since: number): Promise<number> {
    const n = await this.sql.value<number>('SELECT COUNT(*) FROM poll_votes WHERE poll_id = $1 AND ip_hash = $2 AND created_at > $3', [
      pollId,
      ipHash,
      since,
    ]);
    return n ?? 0;
  }

  async choicesOf(pollId: number, sessionId: string): Promise<number[] | undefined> {
    const optionIds = await this.sql.value<string>('SELECT option_ids FROM poll_votes WHERE poll_id = $1 AND session_id = $2', [
      pollId,
      sessionId,
    ]);
    return optionIds === undefined ? undefined : optionIds === '' ? [] : optionIds.split(',').map(Number);
  }

  async create(poll: NewPoll, now: number): Promise<number> {
    const pollId = (await this.sql.value<number>(
      `INSERT INTO polls (question, is_multiple, starts_at, ends_at, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [poll.question, poll.isMultiple ? 1 : 0, poll.startsAt, poll.endsAt, now],
    ))!;
    await this.insertOptions(
      pollId,
      poll.options.map((option, index) => ({ label: option.label, sortOrder: index, votes: option.votes ?? 0 })),
    );
    return pollId;
  }

  async listForAdmin(limit: number, offset: number): Promise<PollSummary[]> {
    const rows = await this.sql.rows<PollSummaryRow>(
      `SELECT p.id, p.question, p.is_multiple, p.starts_at, p.ends_at,
         COALESCE(SUM(o.votes), 0) AS total_votes, COUNT(o.id) AS option_count
       FROM polls p LEFT JOIN poll_options o ON o.poll_id = p.id
       GROUP BY p.id, p.question, p.is_multiple, p.starts_at, p.ends_at
       ORDER BY p.starts_at DESC, p.id DESC LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map(toPollSummary);
  }

  async count(): Promise<number> {
    return (await this.sql.value<number>('SELECT COUNT(*) FROM polls')) ?? 0;
  }

  // In the caller's transaction: an error thrown here rolls back the changes made before it.
  async update(id: number, changes: PollChanges): Promise<boolean> {
    const updated = await this.sql.run('UPDATE polls SET question = $2, is_multiple = $3, starts_at = $4, ends_at = $5 WHERE id = $1', [
      id,
      changes.question,
      changes.isMultiple ? 1 : 0,
      changes.startsAt,
      changes.endsAt,
    ]);
    if (updated === 0) return false;
    const current = await this.optionsOf(id);
    const kept = new Set<number>();
    for (const option of changes.options) {
      if (option.id === undefined) continue;
      if (!current.some((c) => c.id === option.id)) throw new UnknownPollOptionError(option.id);
      kept.add(option.id);
    }
    const removed = current.filter((option) => !kept.has(option.id));
    if (removed.length > 0) {
      // votes = 0 in the statement itself: a vote counted meanwhile keeps its option
      const deleted = await this.sql.rows<{ id: number }>(
        'DELETE FROM poll_options WHERE poll_id = $1 AND id = ANY($2::bigint[]) AND votes = 0 RETURNING id',
        [id, removed.map((option) => option.id).sort((a, b) => a - b)],
      );
      const gone = new Set(deleted.map((row) => row.id));
      // the first in the poll's order, as SQLite's loop reports it
      const voted = removed.find((option) => !gone.has(option.id));
      if (voted) throw new PollOptionHasVotesError(voted.id, voted.label, voted.votes);
    }
    // An id listed twice takes its last label and place, as SQLite's statement-per-option does.
    const renamed = new Map<number, { label: string; sortOrder: number }>();
    const added: NewOption[] = [];
    changes.options.forEach((option, sortOrder) => {
      if (option.id === undefined) added.push({ label: option.label, sortOrder, votes: 0 });
      else renamed.set(option.id, { label: option.label, sortOrder });
    });
    if (renamed.size > 0) {
      const ids = [...renamed.keys()].sort((a, b) => a - b);
      await this.sql.run(
        `UPDATE poll_options o SET label = kept.label, sort_order = kept.sort_order
         FROM unnest($2::bigint[], $3::text[], $4::integer[]) AS kept (id, label, sort_order)
         WHERE o.id = kept.id AND o.poll_id = $1`,
        [id, ids, ids.map((optionId) => renamed.get(optionId)!.label), ids.map((optionId) => renamed.get(optionId)!.sortOrder)],
      );
    }
    await this.insertOptions(id, added);
    return true;
  }

  async delete(id: number): Promise<boolean> {
    return (await this.sql.run('DELETE FROM polls WHERE id = $1', [id])) > 0;
  }

  /** Adds options in one statement, ids handed out in their order on the poll. */
  private async insertOptions(pollId: number, options: NewOption[]): Promise<void> {
    if (options.length === 0) return;
    await this.sql.run(
      `INSERT INTO poll_options (poll_id, label, sort_order, votes)
       SELECT $1, o.label, o.sort_order, o.votes FROM unnest($2::text[], $3::integer[], $4::bigint[]) AS o (label, sort_order, votes)
       ORDER BY o.sort_order`,
      [pollId, options.map((o) => o.label), options.map((o) => o.sortOrder), options.map((o) => o.votes)],
    );
  }

  private optionsOf(pollId: number): Promise<OptionRow[]> {
    return this.sql.rows<OptionRow>('SELECT id, label, votes FROM poll_options WHERE poll_id = $1 ORDER BY sort_order, id', [pollId]);
  }

  private async withOptions(row: PollRow): Promise<Poll> {
    return { ...toPollFields(row), options: await this.optionsOf(row.id) };
  }
}
