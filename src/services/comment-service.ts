// Rules for a new comment: moderation (publish at once unless flagged, or everything waits
// for review), flags (sensitive words, more than two links) and per-address limits.
import type { CommentStatus } from '../domain/types.js';
import type { CommentLimits } from '../repositories/comment-repository.js';
import type { Repositories } from '../repositories/index.js';
import type { AddressHasher } from './address-hash.js';
import type { Clock } from './clock.js';
import { networkOf } from './network.js';
import { countLinks, findSensitiveWords } from './word-filter.js';

export const COMMENT_LIMITS: CommentLimits = { minIntervalMs: 15_000, hourlyCap: 20 };
const MAX_LINKS = 2;

export interface NewCommentInput {
  articleId: number;
  nickname: string;
  body: string;
  /** the client address Express derived (trust proxy aware) */
  ip: string;
  moderation: 'auto' | 'review';
}

export type SubmitOutcome =
  | { kind: 'created'; id: number; status: CommentStatus }
  | { kind: 'too-soon' }
  | { kind: 'hourly-cap' }
  | { kind: 'duplicate' };

export class CommentService {
  constructor(
    private readonly repositories: Repositories,
    private readonly clock: Clock,
    private readonly hashAddress: AddressHasher,
    private readonly limits: CommentLimits = COMMENT_LIMITS,
  ) {}

  async submit(input: NewCommentInput): Promise<SubmitOutcome> {
    const status = await this.initialStatus(input);
    const outcome = await this.repositories.comments.createWithinLimits(
      {
        articleId: input.articleId,
        nickname: input.nickname,
        body: input.body,
        status,
        ipHash: this.hashAddress(input.ip),
        network: networkOf(input.ip),
      },
      this.clock(),
      this.limits,
    );
    return outcome.kind === 'created' ? { ...outcome, status } : outcome;
  }


  private async initialStatus(input: NewCommentInput): Promise<CommentStatus> {
    if (input.moderation === 'review') return 'pending';
    const words = await this.repositories.sensitiveWords.listAll();
    const text = `${input.nickname}\n${input.body}`;
    if (findSensitiveWords(text, words).length > 0) return 'pending';
    if (countLinks(input.body) > MAX_LINKS) return 'pending';
    return 'approved';
  }
}
