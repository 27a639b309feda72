// 专题 in SQLite.
import { visibleAs } from './article-repository.js';
import type { ArticleSummary, Topic } from '../../domain/types.js';
import { type ArticleSummaryRow, toArticleSummary } from '../../repositories/article-rows.js';
import type { NewTopic, TopicInUse, TopicInUseRow, TopicRepository, TopicRow } from '../../repositories/topic-repository.js';
import { TOPIC_COLUMNS, toTopic, toTopicInUse, topicsInUseSql } from '../../repositories/topic-repository.js';
import type { Db } from './database.js';

const VISIBLE_A = visibleAs('a');

export class SqliteTopicRepository implements TopicRepository {
  private readonly insert;
  private readonly change;
  private readonly remove;
  private readonly byId;
  private readonly bySlug;
  private readonly all;
  private readonly unlinkAll;
  private readonly link;
  private readonly articleIds;
  private readonly visibleArticles;
  private readonly inUse;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO topics (slug, title, intro, cover_image, status, created_at, updated_at)
       VALUES (@slug, @title, @intro, @coverImage, @status, @now, @now)`,
    );
    this.change = db.prepare(
      `UPDATE topics SET slug = @slug, title = @title, intro = @intro, cover_image = @coverImage, status = @status, updated_at = @now
       WHERE id = @id`,
    );
    this.remove = db.prepare('DELETE FROM topics WHERE id = ?');
    this.byId = db.prepare<[number], TopicRow>(`SELECT ${TOPIC_COLUMNS} FROM topics WHERE id = ?`);
    this.bySlug = db.prepare<[string], TopicRow>(`SELECT ${TOPIC_COLUMNS} FROM topics WHERE slug = ?`);
    this.all = db.prepare<[], TopicRow>(`SELECT ${TOPIC_COLUMNS} FROM topics ORDER BY updated_at DESC, id DESC`);
    this.unlinkAll = db.prepare('DELETE FROM topic_articles WHERE topic_id = ?');
    this.link = db.prepare('INSERT INTO topic_articles (topic_id, article_id, position) VALUES (?, ?, ?)');
    this.articleIds = db.prepare<[number], number>('SELECT article_id FROM topic_articles WHERE topic_id = ? ORDER BY position').pluck();
    this.visibleArticles = db.prepare<{ topicId: number; now: number; limit: number }, ArticleSummaryRow>(
      `SELECT a.id, a.category_id, a.title, a.summary, a.cover_image, a.published_at, a.views
       FROM topic_articles x JOIN articles a ON a.id = x.article_id
       WHERE x.topic_id = @topicId AND ${VISIBLE_A} ORDER BY a.published_at DESC, a.id DESC LIMIT @limit`,
    );
    this.inUse = db.prepare<{ now: number; open: number; limit: number }, TopicInUseRow>(
      topicsInUseSql(VISIBLE_A, "(@open = 0 OR t.status <> 'closed')", '@limit'),
    );
  }

  async create(topic: NewTopic, now: number): Promise<number> {
    return Number(this.insert.run({ ...topic, now }).lastInsertRowid);
  }

  async update(id: number, topic: NewTopic, now: number): Promise<boolean> {
    return this.change.run({ ...topic, id, now }).changes > 0;
  }

  async delete(id: number): Promise<boolean> {
    return this.remove.run(id).changes > 0;
  }

  async findById(id: number): Promise<Topic | undefined> {
    const row = this.byId.get(id);
    return row && toTopic(row);
  }

  async findBySlug(slug: string): Promise<Topic | undefined> {
    const row = this.bySlug.get(slug);
    return row && toTopic(row);
  }

  async listAll(): Promise<Topic[]> {
    return this.all.all().map(toTopic);
  }

  async setArticles(topicId: number, articleIds: readonly number[]): Promise<void> {
    this.unlinkAll.run(topicId);
    for (const [position, articleId] of articleIds.entries()) this.link.run(topicId, articleId, position);
  }

  async listArticleIds(topicId: number): Promise<number[]> {
    return this.articleIds.all(topicId);
  }

  async listVisibleArticles(topicId: number, limit: number, now: number): Promise<ArticleSummary[]> {
    return this.visibleArticles.all({ topicId, now, limit }).map(toArticleSummary);
  }

  async listInUse(options: { open: boolean; limit: number }, now: number): Promise<TopicInUse[]> {
    return this.inUse.all({ now, open: options.open ? 1 : 0, limit: options.limit }).map(toTopicInUse);
  }
}
