// 专题 (topics): a story's articles gathered on one page, with the follow-up status of a 事件追踪.
import type { ArticleLink, ArticleSummary, Topic, TopicStatus } from '../domain/types.js';

export interface NewTopic {
  slug: string;
  title: string;
  intro: string;
  coverImage: string | null;
  status: TopicStatus;
}

/** A topic with at least one visible article: how many, and the newest. */
export interface TopicInUse extends Topic {
  articles: number;
  latest: ArticleLink;
}

export interface TopicRepository {
  create(topic: NewTopic, now: number): Promise<number>;
  update(id: number, topic: NewTopic, now: number): Promise<boolean>;
  delete(id: number): Promise<boolean>;
  findById(id: number): Promise<Topic | undefined>;
  findBySlug(slug: string): Promise<Topic | undefined>;
  /** every topic, the latest changed first (for editors) */
  listAll(): Promise<Topic[]>;
  /** Makes these the topic's articles, in this order. */
  setArticles(topicId: number, articleIds: readonly number[]): Promise<void>;
  /** the topic's articles in the editors' order, whatever their state */
  listArticleIds(topicId: number): Promise<number[]>;
  /** the topic's visible articles, newest first (its timeline) */
  listVisibleArticles(topicId: number, limit: number, now: number): Promise<ArticleSummary[]>;
  /**
   * Topics with a visible article, the one with the newest article first; `open`: only those
   * still followed (not 已结案), for the home page.
   */
  listInUse(options: { open: boolean; limit: number }, now: number): Promise<TopicInUse[]>;
}

export interface TopicRow {
  id: number;
  slug: string;
  title: string;
  intro: string;
  cover_image: string | null;
  status: TopicStatus;
  created_at: number;
  updated_at: number;
}

export const TOPIC_COLUMNS = 'id, slug, title, intro, cover_image, status, created_at, updated_at';

export function toTopic(row: TopicRow): Topic {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    intro: row.intro,
    coverImage: row.cover_image,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface TopicInUseRow extends TopicRow {
  articles: number;
  latest_id: number;
  latest_title: string;
  latest_published_at: number;
}

export function toTopicInUse(row: TopicInUseRow): TopicInUse {
  return {
    ...toTopic(row),
    articles: row.articles,
    latest: { id: row.latest_id, title: row.latest_title, publishedAt: row.latest_published_at },
  };
}

/**
 * The SELECT of topics in use, for both backends: `visible` is the visibility condition on
 * `a`, `open` the status condition, `limit` the placeholder of the limit.
 */
export function topicsInUseSql(visible: string, open: string, limit: string): string {
  return `SELECT t.id, t.slug, t.title, t.intro, t.cover_image, t.status, t.created_at, t.updated_at,
      stats.articles, latest.id AS latest_id, latest.title AS latest_title, latest.published_at AS latest_published_at
    FROM topics t
    JOIN (SELECT x.topic_id, COUNT(*) AS articles, MAX(a.published_at) AS newest
          FROM topic_articles x JOIN articles a ON a.id = x.article_id WHERE ${visible} GROUP BY x.topic_id) stats
      ON stats.topic_id = t.id
    JOIN articles latest ON latest.id = (
      SELECT a.id FROM topic_articles x JOIN articles a ON a.id = x.article_id
      WHERE x.topic_id = t.id AND ${visible} ORDER BY a.published_at DESC, a.id DESC LIMIT 1)
    WHERE ${open}
    ORDER BY stats.newest DESC, t.id DESC
    LIMIT ${limit}`;
}
