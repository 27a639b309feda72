// The article page read in PostgreSQL: one statement (one round trip) brings the article, its
// latest approved comments (as JSON) and their count.
import type { ArticlePageRead, ArticlePageRepository } from '../../repositories/article-page-repository.js';
import { type FullArticleRow, toArticle } from '../../repositories/article-repository.js';
import { type CommentRow, toComment } from '../../repositories/comment-repository.js';
import { VISIBLE } from './article-repository.js';
import type { Sql } from './sql.js';

interface ArticlePageRow extends FullArticleRow {
  latest_comments: CommentRow[];
  approved_comments: number;
}

export class PostgresArticlePageRepository implements ArticlePageRepository {
  constructor(private readonly sql: Sql) {}

  async findVisible(id: number, now: number, options: { latestComments: number }): Promise<ArticlePageRead | undefined> {
    const row = await this.sql.row<ArticlePageRow>(
      `SELECT articles.*,
         (SELECT COUNT(*) FROM comments WHERE article_id = articles.id AND status = 'approved') AS approved_comments,
         (SELECT COALESCE(json_agg(latest ORDER BY latest.created_at DESC, latest.id DESC), '[]')
            FROM (SELECT id, article_id, nickname, body, status, created_at, ip_region FROM comments
                  WHERE article_id = articles.id AND status = 'approved'
                  ORDER BY created_at DESC, id DESC LIMIT $3) AS latest) AS latest_comments
       FROM articles WHERE id = $2 AND ${VISIBLE}`,
      [now, id, options.latestComments],
    );
    if (!row) return undefined;
    const { latest_comments: latest, approved_comments: approved, ...article } = row;
    return { article: toArticle(article), latestComments: latest.map(toComment), approvedComments: approved };
  }
}
