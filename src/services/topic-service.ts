// 专题 as editors change them: the topic and its articles (in the order given) in one
// transaction with the audit line. A slug another topic has, or an article id that names
// nothing, comes back as an outcome; nothing is saved then.
import type { Topic } from '../domain/types.js';
import type { Repositories } from '../repositories/index.js';
import type { NewTopic } from '../repositories/topic-repository.js';
import { auditEntry, type Actor } from './audit.js';
import type { Clock } from './clock.js';
import type { StorageAccess } from './storage-access.js';

export type TopicSaveOutcome =
  { kind: 'saved'; id: number } | { kind: 'not-found' } | { kind: 'slug-taken' } | { kind: 'unknown-articles'; ids: number[] };

export class TopicService {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
  ) {}

  create(actor: Actor, topic: NewTopic, articleIds: readonly number[]): Promise<TopicSaveOutcome> {
    return this.storage.transaction(async (tx) => {
      const refused = await this.refusal(tx, undefined, topic, articleIds);
      if (refused) return refused;
      const now = this.clock();
      const id = await tx.topics.create(topic, now);
      await tx.topics.setArticles(id, articleIds);
      await tx.audit.append(auditEntry(actor, 'topic.create', { type: 'topic', id }, topic.title, now));
      return { kind: 'saved', id };
    });
  }

  update(actor: Actor, id: number, topic: NewTopic, articleIds: readonly number[]): Promise<TopicSaveOutcome> {
    return this.storage.transaction(async (tx) => {
      const existing = await tx.topics.findById(id);
      if (!existing) return { kind: 'not-found' };
      const refused = await this.refusal(tx, existing, topic, articleIds);
      if (refused) return refused;
      const now = this.clock();
      await tx.topics.update(id, topic, now);
      await tx.topics.setArticles(id, articleIds);
      await tx.audit.append(auditEntry(actor, 'topic.update', { type: 'topic', id }, topic.title, now));
      return { kind: 'saved', id };
    });
  }

  /** Deletes the topic; its articles stay as they are. */
  delete(actor: Actor, id: number): Promise<'done' | 'not-found'> {
    return this.storage.transaction(async (tx) => {
      const existing = await tx.topics.findById(id);
      if (!existing || !(await tx.topics.delete(id))) return 'not-found';
      await tx.audit.append(auditEntry(actor, 'topic.delete', { type: 'topic', id }, existing.title, this.clock()));
      return 'done';
    });
  }

  private async refusal(
    tx: Repositories,
    existing: Topic | undefined,
    topic: NewTopic,
    articleIds: readonly number[],
  ): Promise<TopicSaveOutcome | undefined> {
    const holder = await tx.topics.findBySlug(topic.slug);
    if (holder && holder.id !== existing?.id) return { kind: 'slug-taken' };
    const unknown: number[] = [];
    for (const articleId of articleIds) if (!(await tx.articles.findById(articleId))) unknown.push(articleId);
    return unknown.length > 0 ? { kind: 'unknown-articles', ids: unknown } : undefined;
  }
}
