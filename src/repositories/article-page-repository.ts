// The reader's article page in one read: the visible article with its latest floors, the replies
// under them and the count of approved comments. One read, because on a database server each
// query is a round trip, and the page is rendered on every cache miss.
import type { Article, ArticleLink, Comment, Tag, TopicStatus } from '../domain/types.js';

export interface ArticlePageRead {
  article: Article;
  /** the newest floors (approved or removed, as readers see them), newest first */
  latestFloors: Comment[];
  /** the approved replies to those floors, oldest first, at most `repliesPerFloor` of each */
  replies: Comment[];
  /** how many approved comments (floors and replies) the article has */
  approvedComments: number;
  /** where the reader can go next */
  reading: ReadingLinks;
}

/** A 专题 the article belongs to, with its latest visible articles (本文所属专题). */
export interface TopicBox {
  id: number;
  slug: string;
  title: string;
  status: TopicStatus;
  latest: ArticleLink[];
}

/** The links after an article; every linked article is visible (the read filters them). */
export interface ReadingLinks {
  tags: Tag[];
  /** 上一篇: the article of the same category published just before; null at the end */
  previous: ArticleLink | null;
  /** 下一篇: the one published just after */
  next: ArticleLink | null;
  /** 相关阅读, best first */
  related: ArticleLink[];
  topics: TopicBox[];
  /** the staff record the byline links to (/author/:id) */
  author: { id: number; name: string } | null;
  /** the 分享 QR code as stored for an address (services/share-code.ts); null until drawn */
  shareCode: { url: string; drawing: string } | null;
}

/** How many of a topic's latest articles the article page shows in its 专题 box. */
export const TOPIC_BOX_ARTICLES = 3;

type JsonValue<T> = T | string | null;
const parsed = <T>(value: JsonValue<T>): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** The reading links from the JSON the backends build (SQLite hands it over as text, PostgreSQL parsed). */
export function toReadingLinks(raw: {
  tags: JsonValue<Tag[]>;
  previous: JsonValue<ArticleLink>;
  next: JsonValue<ArticleLink>;
  related: JsonValue<ArticleLink[]>;
  topics: JsonValue<TopicBox[]>;
  author: JsonValue<{ id: number; name: string }>;
  shareUrl: string | null;
  shareDrawing: string | null;
}): ReadingLinks {
  return {
    tags: parsed(raw.tags) ?? [],
    previous: parsed(raw.previous),
    next: parsed(raw.next),
    related: parsed(raw.related) ?? [],
    topics: (parsed(raw.topics) ?? []).map((topic) => ({ ...topic, latest: parsed<ArticleLink[]>(topic.latest) ?? [] })),
    author: parsed(raw.author),
    shareCode: raw.shareUrl !== null && raw.shareDrawing !== null ? { url: raw.shareUrl, drawing: raw.shareDrawing } : null,
  };
}

export interface ArticlePageRepository {
  /** The article as readers see it at `now` (undefined if it is not visible), with its latest comments. */
  findVisible(id: number, now: number, options: { latestFloors: number; repliesPerFloor: number }): Promise<ArticlePageRead | undefined>;
}
