// The article page read in SQLite: the article and comment statements, one after the other
// (in-process, so several statements cost no more than one), and one statement for the links
// after the article (tags, 上一篇/下一篇, 相关阅读, 专题, the byline's staff record, as JSON) and
// its stored 分享 QR code. That statement takes the article's category and publish time as
// parameters: correlated with the article's row instead, SQLite could no longer bound the
// neighbours' index search by them. The neighbours are named the index of visible articles by
// category (which carries their titles): left to itself, the planner takes the plain category
// index and visits each neighbour's row.
import { visibleAs } from './article-repository.js';
import type { ArticlePageRead, ArticlePageRepository, ReadingLinks } from '../../repositories/article-page-repository.js';
import { TOPIC_BOX_ARTICLES, toReadingLinks } from '../../repositories/article-page-repository.js';
import type { ArticleRepository } from '../../repositories/article-repository.js';
import type { CommentRepository } from '../../repositories/comment-repository.js';
import type { Db } from './database.js';

const VISIBLE_A = visibleAs('a');
const LINK = "json_object('id', a.id, 'title', a.title, 'publishedAt', a.published_at)";
const NEIGHBOURS = 'articles a INDEXED BY articles_visible_by_category';
const LINKS = "json_group_array(json_object('id', id, 'title', title, 'publishedAt', published_at))";

interface ReadingParams {
  id: number;
  categoryId: number;
  publishedAt: number;
  staffId: number | null;
  now: number;
}

type ReadingRow = { [K in 'tags' | 'previous' | 'next' | 'related' | 'topics' | 'author' | 'shareUrl' | 'shareDrawing']: string | null };

export class SqliteArticlePageRepository implements ArticlePageRepository {
  private readonly readingLinks;

  constructor(
    db: Db,
    private readonly articles: ArticleRepository,
    private readonly comments: CommentRepository,
  ) {
    this.readingLinks = db.prepare<ReadingParams, ReadingRow>(
      `SELECT
         (SELECT json_group_array(json_object('id', id, 'name', name)) FROM (
            SELECT t.id, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = @id ORDER BY x.position)) AS tags,
         (SELECT ${LINK} FROM ${NEIGHBOURS} WHERE a.category_id = @categoryId AND ${VISIBLE_A}
            AND (a.published_at < @publishedAt OR (a.published_at = @publishedAt AND a.id < @id))
            ORDER BY a.published_at DESC, a.id DESC LIMIT 1) AS previous,
         (SELECT ${LINK} FROM ${NEIGHBOURS} WHERE a.category_id = @categoryId AND ${VISIBLE_A}
            AND (a.published_at > @publishedAt OR (a.published_at = @publishedAt AND a.id > @id))
            ORDER BY a.published_at, a.id LIMIT 1) AS next,
         (SELECT ${LINKS} FROM (
            SELECT a.id, a.title, a.published_at FROM article_related r JOIN articles a ON a.id = r.related_id
            WHERE r.article_id = @id AND ${VISIBLE_A} ORDER BY r.rank)) AS related,
         (SELECT json_group_array(json_object('id', id, 'slug', slug, 'title', title, 'status', status, 'latest', json(latest))) FROM (
            SELECT t.id, t.slug, t.title, t.status, (SELECT ${LINKS} FROM (
                SELECT a.id, a.title, a.published_at FROM topic_articles y JOIN articles a ON a.id = y.article_id
                WHERE y.topic_id = t.id AND ${VISIBLE_A} ORDER BY a.published_at DESC, a.id DESC LIMIT ${TOPIC_BOX_ARTICLES})) AS latest
            FROM topic_articles x JOIN topics t ON t.id = x.topic_id WHERE x.article_id = @id ORDER BY t.id)) AS topics,
         (SELECT json_object('id', s.id, 'name', s.name) FROM staff s WHERE s.id = @staffId) AS author,
         c.url AS shareUrl, c.drawing AS shareDrawing
       FROM (SELECT 1) LEFT JOIN article_share_codes c ON c.article_id = @id`,
    );
  }

  async findVisible(
    id: number,
    now: number,
    options: { latestFloors: number; repliesPerFloor: number },
  ): Promise<ArticlePageRead | undefined> {
    const article = await this.articles.findVisibleById(id, now);
    if (!article) return undefined;
    const latestFloors = await this.comments.listFloors(id, { limit: options.latestFloors, newestFirst: true });
    return {
      article,
      latestFloors,
      replies: await this.comments.listReplies(
        latestFloors.map((floor) => floor.id),
        options.repliesPerFloor,
      ),
      approvedComments: await this.comments.countApproved(id),
      reading: this.reading({ id, categoryId: article.categoryId, publishedAt: article.publishedAt, staffId: article.authorStaffId, now }),
    };
  }

  private reading(params: ReadingParams): ReadingLinks {
    return toReadingLinks(this.readingLinks.get(params)!);
  }
}
