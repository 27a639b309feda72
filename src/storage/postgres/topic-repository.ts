// 专题 in PostgreSQL.
import { visibleAs } from './article-repository.js';
import type { ArticleSummary, Topic } from '../../domain/types.js';
import { type ArticleSummaryRow, toArticleSummary } from '../../repositories/article-rows.js';
import type { NewTopic, TopicInUse, TopicInUseRow, TopicRepository, TopicRow } from '../../repositories/topic-repository.js';
import { TOPIC_COLUMNS, toTopic, toTopicInUse, topicsInUseSql } from '../../repositories/topic-repository.js';
import type { Sql } from './sql.js';

const VISIBLE_A = visibleAs('a');

export class PostgresTopicRepository implements TopicRepository {
  constructor(private readonly sql: Sql) {}

  async create(topic: NewTopic, now: number): Promise<number> {
    const id = await this.sql.value<number>(
      `INSERT INTO topics (slug, title, intro, cover_image, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
      [topic.slug, topic.title, topic.intro, topic.coverImage, topic.status, now],
    );
    return id!;
  }

  async update(id: number, topic: NewTopic, now: number): Promise<boolean> {
    const changed = await this.sql.run(
      'UPDATE topics SET slug = $1, title = $2, intro = $3, cover_image = $4, status = $5, updated_at = $6 WHERE id = $7',
      [topic.slug, topic.title, topic.intro, topic.coverImage, topic.status, now, id],
    );
    return changed > 0;
  }

  async delete(id: number): Promise<boolean> {
    return (await this.sql.run('DELETE FROM topics WHERE id = $1', [id])) > 0;
  }

  async findById(id: number): Promise<Topic | undefined> {
    const row = await this.sql.row<TopicRow>(`SELECT ${TOPIC_COLUMNS} FROM topics WHERE id = $1`, [id]);
    return row && toTopic(row);
  }

  async findBySlug(slug: string): Promise<Topic | undefined> {
    const row = await this.sql.row<TopicRow>(`SELECT ${TOPIC_COLUMNS} FROM topics WHERE slug = $1`, [slug]);
    return row && toTopic(row);
  }

  async listAll(): Promise<Topic[]> {
    return (await this.sql.rows<TopicRow>(`SELECT ${TOPIC_COLUMNS} FROM topics ORDER BY updated_at DESC, id DESC`)).map(toTopic);
  }

  async setArticles(topicId: number, articleIds: readonly number[]): Promise<void> {
    await this.sql.run('DELETE FROM topic_articles WHERE topic_id = $1', [topicId]);
    if (articleIds.length === 0) return;
    await this.sql.run(
      `INSERT INTO topic_articles (topic_id, article_id, position)
       SELECT $1, given.id, given.position - 1 FROM unnest($2::bigint[]) WITH ORDINALITY AS given (id, position)`,
      [topicId, articleIds],
    );
  }

  async listArticleIds(topicId: number): Promise<number[]> {
    const rows = await this.sql.rows<{ article_id: number }>(
      'SELECT article_id FROM topic_articles WHERE topic_id = $1 ORDER BY position',
      [topicId],
    );
    return rows.map((row) => row.article_id);
  }

  async listVisibleArticles(topicId: number, limit: number, now: number): Promise<ArticleSummary[]> {
    const rows = await this.sql.rows<ArticleSummaryRow>(
      `SELECT a.id, a.category_id, a.title, a.summary, a.cover_image, a.published_at, a.views
       FROM topic_articles x JOIN articles a ON a.id = x.article_id
       WHERE x.topic_id = $2 AND ${VISIBLE_A} ORDER BY a.published_at DESC, a.id DESC LIMIT $3`,
      [now, topicId, limit],
    );
    return rows.map(toArticleSummary);
  }

  async listInUse(options: { open: boolean; limit: number }, now: number): Promise<TopicInUse[]> {
    const rows = await this.sql.rows<TopicInUseRow>(topicsInUseSql(VISIBLE_A, "($2 = 0 OR t.status <> 'closed')", '$3'), [
      now,
      options.open ? 1 : 0,
      options.limit,
    ]);
    return rows.map(toTopicInUse);
  }
}
