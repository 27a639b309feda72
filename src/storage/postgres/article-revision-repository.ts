// Revisions of articles in PostgreSQL: a JSON snapshot of the editable fields at every save.
import type { ArticleFields } from '../../repositories/article-repository.js';
import type { ArticleRevision, ArticleRevisionRepository, RevisionRow } from '../../repositories/article-revision-repository.js';
import { toRevision } from '../../repositories/article-revision-repository.js';
import type { Sql } from './sql.js';

// The saving user may have been deleted since (user_id is then NULL): a left join keeps the revision.
const SELECT = `SELECT r.id, r.article_id, r.user_id, u.username, r.snapshot, r.created_at
  FROM article_revisions r LEFT JOIN users u ON u.id = r.user_id`;

export class PostgresArticleRevisionRepository implements ArticleRevisionRepository {
  constructor(private readonly sql: Sql) {}

  async add(articleId: number, userId: number, fields: ArticleFields, now: number): Promise<number> {
    const id = await this.sql.value<number>(
      'INSERT INTO article_revisions (article_id, user_id, snapshot, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [articleId, userId, JSON.stringify(fields), now],
    );
    return id!;
  }

  async listForArticle(articleId: number): Promise<ArticleRevision[]> {
    const rows = await this.sql.rows<RevisionRow>(`${SELECT} WHERE r.article_id = $1 ORDER BY r.id DESC`, [articleId]);
    return rows.map(toRevision);
  }

  async findById(id: number): Promise<ArticleRevision | undefined> {
    const row = await this.sql.row<RevisionRow>(`${SELECT} WHERE r.id = $1`, [id]);
    return row && toRevision(row);
  }
}
