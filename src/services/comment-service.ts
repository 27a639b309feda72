// Rules for a new comment: moderation (publish at once unless flagged, or everything waits
// for review), flags (sensitive words, more than two links) and the per-address limits, checked
// in the same transaction as the insert. IP属地 is looked up when the comment is posted.
import type { CommentStatus } from '../domain/types.js';
import { type AddressLimits, type LimitRefusal, refusalOf } from './address-limits.js';
import type { AddressHasher } from './address-hash.js';
import type { Clock } from './clock.js';
import { type LocateAddress, locateAddress } from './ip-region.js';
import { networkOf } from './network.js';
import { codeHash, newCode } from './receipt-code.js';
import type { StorageAccess } from './storage-access.js';
import { countLinks, findSensitiveWords } from './word-filter.js';

export const COMMENT_LIMITS: AddressLimits = { minIntervalMs: 15_000, hourlyCap: 20 };
const MAX_LINKS = 2;

export interface NewCommentInput {
  articleId: number;
  nickname: string;
  body: string;
  /** the client address Express derived (trust proxy aware) */
  ip: string;
  moderation: 'auto' | 'review';
}

/** appealCode: the commenter's key to 申诉 should the comment be hidden (shown to them once, stored as its hash) */
export type SubmitOutcome = { kind: 'created'; id: number; status: CommentStatus; appealCode: string } | { kind: LimitRefusal };

export class CommentService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
    private readonly hashAddress: AddressHasher,
    private readonly locate: LocateAddress = locateAddress,
    private readonly limits: AddressLimits = COMMENT_LIMITS,
  ) {}

  async submit(input: NewCommentInput): Promise<SubmitOutcome> {
    const status = await this.initialStatus(input);
    const ipHash = this.hashAddress(input.ip);
    const ipRegion = this.regionOf(input.ip);
    const appealCode = newCode();
    return this.storage.transaction(async (tx) => {
      const now = this.clock();
      const refusal = await refusalOf(
        {
          countSince: (since) => tx.comments.countFromAddressSince(ipHash, since),
          isDuplicate: () => tx.comments.hasText(input.articleId, input.body),
        },
        this.limits,
        now,
      );
      if (refusal) return { kind: refusal };
      const id = await tx.comments.create(
        {
          articleId: input.articleId,
          nickname: input.nickname,
          body: input.body,
          status,
          ipHash,
          network: networkOf(input.ip),
          ipRegion,
          appealHash: codeHash(appealCode),
        },
        now,
      );
      return { kind: 'created', id, status, appealCode };
    });
  }

  /** A lookup that fails leaves the comment without 属地: it is never refused for it. */
  private regionOf(ip: string): string | null {
    try {
      return this.locate(ip);
    } catch {
      return null;
    }
  }

  private async initialStatus(input: NewCommentInput): Promise<CommentStatus> {
    if (input.moderation === 'review') return 'pending';
    const words = await this.storage.repositories.sensitiveWords.listAll();
    const text = `${input.nickname}\n${input.body}`;
    if (findSensitiveWords(text, words).length > 0) return 'pending';
    if (countLinks(input.body) > MAX_LINKS) return 'pending';
    return 'approved';
  }
}
