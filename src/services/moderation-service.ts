// Moderating comments and the rules around them: decisions on comments (one or many, each
// audited), the moderation mode and the sensitive-word list. One transaction per action.
import type { Comment, CommentStatus } from '../domain/types.js';
import type { Actor } from './audit.js';
import { auditEntry } from './audit.js';
import type { Clock } from './clock.js';
import type { StorageAccess } from './storage-access.js';

export type ModerationAction = 'approve' | 'reject' | 'spam' | 'delete';
export type ModerationMode = 'auto' | 'review';

/** 删除 keeps the row: its floor says 该评论已删除, and the commenter may still appeal. */
export const ACTION_STATUS: Record<ModerationAction, CommentStatus> = {
  approve: 'approved',
  reject: 'rejected',
  spam: 'spam',
  delete: 'deleted',
};

export const MODE_LABELS: Record<ModerationMode, string> = {
  auto: '先发后审（命中敏感词或链接过多的评论待审）',
  review: '先审后发（所有评论都要审核）',
};

function excerpt(text: string, max = 40): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

export class ModerationService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
  ) {}

  /** Applies the action to the comments; returns those it changed, each audited. */
  decide(actor: Actor, action: ModerationAction, ids: readonly number[]): Promise<Comment[]> {
    return this.storage.transaction(async (tx) => {
      const changed = await tx.comments.setStatus(ids, ACTION_STATUS[action]);
      const now = this.clock();
      for (const comment of changed) {
        const summary = `${comment.nickname}：${excerpt(comment.body)}（文章 #${comment.articleId}）`;
        await tx.audit.append(auditEntry(actor, `comment.${action}`, { type: 'comment', id: comment.id }, summary, now));
      }
      return changed;
    });
  }

  /** Sets the moderation mode; false when it already was. */
  setMode(actor: Actor, mode: ModerationMode): Promise<boolean> {
    return this.storage.transaction(async (tx) => {
      if ((await tx.settings.getAll()).commentModeration === mode) return false;
      await tx.settings.setMany({ commentModeration: mode });
      const now = this.clock();
      await tx.audit.append(
        auditEntry(actor, 'settings.update', { type: 'settings', id: 'commentModeration' }, `评论审核方式：${MODE_LABELS[mode]}`, now),
      );
      return true;
    });
  }

  /** Adds a word (already normalised) to the list; its id, or undefined when it was there. */
  addWord(actor: Actor, word: string): Promise<number | undefined> {
    return this.storage.transaction(async (tx) => {
      const now = this.clock();
      const id = await tx.sensitiveWords.addIfNew(word, now);
      if (id !== undefined) await tx.audit.append(auditEntry(actor, 'sensitive-word.add', { type: 'sensitive-word', id }, word, now));
      return id;
    });
  }

  /** Removes a word; the word, or undefined when there is no such id. */
  removeWord(actor: Actor, id: number): Promise<string | undefined> {
    return this.storage.transaction(async (tx) => {
      const word = await tx.sensitiveWords.removeById(id);
      if (word !== undefined)
        await tx.audit.append(auditEntry(actor, 'sensitive-word.delete', { type: 'sensitive-word', id }, word, this.clock()));
      return word;
    });
  }
}
