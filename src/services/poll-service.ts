// Polls: a reader's vote (one per session, a daily cap per address: read, checked and written
// in one transaction, so concurrent votes cannot slip past either rule) and the editors'
// actions on polls, each one transaction with its audit line.
import type { NewPoll, PollChanges } from '../repositories/poll-repository.js';
import type { Actor } from './audit.js';
import { auditEntry } from './audit.js';
import type { Clock } from './clock.js';
import { POLL_VOTES_PER_ADDRESS_PER_DAY } from './poll-rules.js';
import type { StorageAccess } from './storage-access.js';

export interface VoteRequest {
  pollId: number;
  /** already checked to belong to the poll */
  optionIds: number[];
  sessionId: string;
  ipHash: string;
}

export type VoteOutcome = 'counted' | 'already-voted' | 'address-cap';

const DAY = 24 * 60 * 60_000;

export class PollService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
    private readonly dailyCapPerAddress = POLL_VOTES_PER_ADDRESS_PER_DAY,
  ) {}

  vote(vote: VoteRequest): Promise<VoteOutcome> {
    return this.storage.transaction(async (tx) => {
      if ((await tx.polls.choicesOf(vote.pollId, vote.sessionId)) !== undefined) return 'already-voted';
      const now = this.clock();
      if ((await tx.polls.countVotesFromAddressSince(vote.pollId, vote.ipHash, now - DAY)) >= this.dailyCapPerAddress) return 'address-cap';
      await tx.polls.addVote({ ...vote, createdAt: now });
      return 'counted';
    });
  }

  create(actor: Actor, poll: NewPoll): Promise<number> {
    return this.storage.transaction(async (tx) => {
      const now = this.clock();
      const id = await tx.polls.create(poll, now);
      await tx.audit.append(auditEntry(actor, 'poll.create', { type: 'poll', id }, poll.question, now));
      return id;
    });
  }

  /**
   * Saves the poll; false when there is no such poll.
   * @throws PollOptionHasVotesError, UnknownPollOptionError (and then nothing changed)
   */
  update(actor: Actor, id: number, changes: PollChanges): Promise<boolean> {
    return this.storage.transaction(async (tx) => {
      if (!(await tx.polls.update(id, changes))) return false;
      await tx.audit.append(auditEntry(actor, 'poll.update', { type: 'poll', id }, changes.question, this.clock()));
      return true;
    });
  }

  /** Deletes the poll with its votes (and from the sidebar if it was chosen there); false when there is none. */
  delete(actor: Actor, id: number): Promise<boolean> {
    return this.storage.transaction(async (tx) => {
      const poll = await tx.polls.findById(id);
      if (!poll || !(await tx.polls.delete(id))) return false;
      if ((await tx.settings.getAll()).sidebarPollId === String(id)) await tx.settings.setMany({ sidebarPollId: '' });
      const votes = poll.options.reduce((sum, option) => sum + option.votes, 0);
      await tx.audit.append(auditEntry(actor, 'poll.delete', { type: 'poll', id }, `${poll.question}（${votes} 票）`, this.clock()));
      return true;
    });
  }

  /** The poll every page's sidebar shows: this one, or (undefined) the newest open one. */
  showInSidebar(actor: Actor, poll: { id: number; question: string } | undefined): Promise<void> {
    return this.storage.transaction(async (tx) => {
      await tx.settings.setMany({ sidebarPollId: poll ? String(poll.id) : '' });
      await tx.audit.append(auditEntry(actor, 'poll.sidebar', { type: 'poll', id: poll?.id }, poll ? poll.question : '自动', this.clock()));
    });
  }
}
