// Floors and their replies as pages show them, and the rules for a reply: one level only (the
// parent is a top-level comment), on the same article, to a comment readers can see.
import type { Comment, CommentThread } from '../domain/types.js';

/**
 * Puts each reply under its floor. `replies` holds at most `shownPerFloor + 1` of each floor (the
 * one more says whether there are more than are shown).
 */
export function threadsOf(floors: readonly Comment[], replies: readonly Comment[], shownPerFloor: number): CommentThread[] {
  const byParent = new Map<number, Comment[]>();
  for (const reply of replies) {
    if (reply.parentId === null) continue;
    const list = byParent.get(reply.parentId) ?? [];
    list.push(reply);
    byParent.set(reply.parentId, list);
  }
  return floors.map((comment) => {
    const all = byParent.get(comment.id) ?? [];
    return { comment, replies: all.slice(0, shownPerFloor), moreReplies: all.length > shownPerFloor };
  });
}

/** Why a comment cannot be replied to on this article (undefined: it can). */
export type ReplyRefusal = 'missing' | 'not-shown' | 'is-reply' | 'other-article';

export function replyRefusal(parent: Comment | undefined, articleId: number): ReplyRefusal | undefined {
  if (!parent) return 'missing';
  if (parent.articleId !== articleId) return 'other-article';
  if (parent.parentId !== null) return 'is-reply';
  if (parent.status !== 'approved') return 'not-shown';
  return undefined;
}
