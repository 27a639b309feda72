// The article page read in PostgreSQL: one statement (one round trip) brings the article, its
// latest floors and the replies under them (as JSON) and the count of approved comments.
import type { ArticlePageRead, ArticlePageRepository } from '../../repositories/article-page-repository.js';
import { type FullArticleRow, toArticle } from '../../repositories/article-repository.js';
import { COMMENT_COLUMNS, type CommentRow, toComment, toShownFloor } from '../../repositories/comment-repository.js';
import { VISIBLE } from './article-repository.js';
import type { Sql } from './sql.js';

interface ArticlePageRow extends FullArticleRow {
  latest_floors: CommentRow[];
  replies: CommentRow[];
  approved_comments: number;
}

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
         (SELECT COALESCE(json_agg(replies ORDER BY replies.parent_id, replies.created_at, replies.id), '[]') FROM replies) AS replies
       FROM articles WHERE id = $2 AND ${VISIBLE}`,
      [now, id, options.latestFloors, options.repliesPerFloor],
    );
    if (!row) return undefined;
    const { latest_floors: floors, replies, approved_comments: approved, ...article } = row;
    return {
      article: toArticle(article),
      latestFloors: floors.map(toShownFloor),
      replies: replies.map(toComment),
      approvedComments: approved,
    };
  }
}
