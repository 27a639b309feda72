// The article page read in PostgreSQL: one statement (one round trip) brings the article, its
// latest floors and the replies under them (as JSON), the count of approved comments and the
// links after the article (tags, 上一篇/下一篇, 相关阅读, 专题, the byline's staff record).
import type { ArticlePageRead, ArticlePageRepository } from '../../repositories/article-page-repository.js';
import { TOPIC_BOX_ARTICLES, toReadingLinks } from '../../repositories/article-page-repository.js';
import type { ArticleLink, Tag } from '../../domain/types.js';
import type { TopicBox } from '../../repositories/article-page-repository.js';
import { type FullArticleRow, toArticle } from '../../repositories/article-repository.js';
import { COMMENT_COLUMNS, type CommentRow, toComment, toShownFloor } from '../../repositories/comment-repository.js';
import { VISIBLE, visibleAs } from './article-repository.js';
import type { Sql } from './sql.js';

interface ArticlePageRow extends FullArticleRow {
  latest_floors: CommentRow[];
  replies: CommentRow[];
  approved_comments: number;
  reading_tags: Tag[];
  reading_previous: ArticleLink | null;
  reading_next: ArticleLink | null;
  reading_related: ArticleLink[];
  reading_topics: TopicBox[];
  reading_author: { id: number; name: string } | null;
  share_url: string | null;
  share_drawing: string | null;
}

const VISIBLE_A = visibleAs('a');
const LINK = "json_build_object('id', a.id, 'title', a.title, 'publishedAt', a.published_at)";
const READING_LINKS = `
  (SELECT COALESCE(json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY x.position), '[]')
     FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = articles.id) AS reading_tags,
  (SELECT ${LINK} FROM articles a WHERE a.category_id = articles.category_id AND ${VISIBLE_A}
     AND (a.published_at, a.id) < (articles.published_at, articles.id) ORDER BY a.published_at DESC, a.id DESC LIMIT 1) AS reading_previous,
  (SELECT ${LINK} FROM articles a WHERE a.category_id = articles.category_id AND ${VISIBLE_A}
     AND (a.published_at, a.id) > (articles.published_at, articles.id) ORDER BY a.published_at, a.id LIMIT 1) AS reading_next,
  (SELECT COALESCE(json_agg(${LINK} ORDER BY r.rank), '[]')
     FROM article_related r JOIN articles a ON a.id = r.related_id WHERE r.article_id = articles.id AND ${VISIBLE_A}) AS reading_related,
  (SELECT COALESCE(json_agg(json_build_object('id', t.id, 'slug', t.slug, 'title', t.title, 'status', t.status, 'latest',
       (SELECT COALESCE(json_agg(json_build_object('id', l.id, 'title', l.title, 'publishedAt', l.published_at)
                                 ORDER BY l.published_at DESC, l.id DESC), '[]')
        FROM (SELECT a.id, a.title, a.published_at FROM topic_articles y JOIN articles a ON a.id = y.article_id
              WHERE y.topic_id = t.id AND ${VISIBLE_A} ORDER BY a.published_at DESC, a.id DESC LIMIT ${TOPIC_BOX_ARTICLES}) l)
     ) ORDER BY t.id), '[]')
     FROM topic_articles x JOIN topics t ON t.id = x.topic_id WHERE x.article_id = articles.id) AS reading_topics,
  (SELECT json_build_object('id', s.id, 'name', s.name) FROM staff s WHERE s.id = articles.author_staff_id) AS reading_author,
  share.url AS share_url, share.drawing AS share_drawing`;

export class PostgresArticlePageRepository implements ArticlePageRepository {
  constructor(private readonly sql: Sql) {}

  async findVisible(
    id: number,
    now: number,
    options: { latestFloors: number; repliesPerFloor: number },
  ): Promise<ArticlePageRead | undefined> {
    const row = await this.sql.row<ArticlePageRow>(
      `WITH floors AS (
         SELECT ${COMMENT_COLUMNS} FROM comments WHERE article_id = $2 AND floor IS NOT NULL ORDER BY floor DESC LIMIT $3
       ), replies AS (
         SELECT ${COMMENT_COLUMNS} FROM (
           SELECT *, ROW_NUMBER() OVER (PARTITION BY parent_id ORDER BY created_at, id) AS n FROM comments
           WHERE parent_id IN (SELECT id FROM floors) AND status = 'approved'
         ) AS numbered WHERE n <= $4
       )
       SELECT articles.*,
         (SELECT COUNT(*) FROM comments WHERE article_id = articles.id AND status = 'approved') AS approved_comments,
         (SELECT COALESCE(json_agg(floors ORDER BY floors.floor DESC), '[]') FROM floors) AS latest_floors,
         (SELECT COALESCE(json_agg(replies ORDER BY replies.parent_id, replies.created_at, replies.id), '[]') FROM replies) AS replies,
         ${READING_LINKS}
       FROM articles LEFT JOIN article_share_codes share ON share.article_id = articles.id
       WHERE articles.id = $2 AND ${VISIBLE}`,
      [now, id, options.latestFloors, options.repliesPerFloor],
    );
    if (!row) return undefined;
    const {
      latest_floors: floors,
      replies,
      approved_comments: approved,
      reading_tags: tags,
      reading_previous: previous,
      reading_next: next,
      reading_related: related,
      reading_topics: topics,
      reading_author: author,
      share_url: shareUrl,
      share_drawing: shareDrawing,
      ...article
    } = row;
    return {
      article: toArticle(article),
      latestFloors: floors.map(toShownFloor),
      replies: replies.map(toComment),
      approvedComments: approved,
      reading: toReadingLinks({ tags, previous, next, related, topics, author, shareUrl, shareDrawing }),
    };
  }
}
