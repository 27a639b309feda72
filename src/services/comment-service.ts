// Rules for a new comment or reply: moderation (publish at once unless flagged, or everything
// waits for review), flags (sensitive words, more than two links), the per-address limits and,
// for a reply, its parent (comment-threads.ts), checked in the same transaction as the insert.
// IP属地 is looked up when the comment is posted.
import type { CommentStatus } from '../domain/types.js';
import { type AddressLimits, type LimitRefusal, refusalOf } from './address-limits.js';
import type { AddressHasher } from './address-hash.js';
import type { Clock } from './clock.js';
import { type LocateAddress, locateAddress } from './ip-region.js';
import { networkOf } from './network.js';
import { type ReplyRefusal, replyRefusal } from './comment-threads.js';
import { codeHash, newCode } from './receipt-code.js';
import type { StorageAccess } from './storage-access.js';
import { countLinks, findSensitiveWords } from './word-filter.js';

export const COMMENT_LIMITS: AddressLimits = { minIntervalMs: 15_000, hourlyCap: 20 };
const MAX_LINKS = 2;

export interface NewCommentInput {
  articleId: number;
  /** the floor this replies to (回复); null or absent for a new floor */
  parentId?: number | null;
  nickname: string;
  body: string;
  /** the client address Express derived (trust proxy aware) */
  ip: string;
  moderation: 'auto' | 'review';
}

/** appealCode: the commenter's key to 申诉 should the comment be hidden (shown to them once, stored as its hash) */
export type SubmitOutcome =
  | { kind: 'created'; id: number; status: CommentStatus; appealCode: string }
  | { kind: LimitRefusal }
  | { kind: 'reply-refused'; refusal: ReplyRefusal };

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
    const parentId = input.parentId ?? null;
    return this.storage.transaction(async (tx) => {
      if (parentId !== null) {
        const refusal = replyRefusal(await tx.comments.findById(parentId), input.articleId);
        if (refusal) return { kind: 'reply-refused', refusal };
      }
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
          parentId,
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
