// Revisions of articles in SQLite: a JSON snapshot of the editable fields at every save.
import type { Db } from './database.js';
import type { ArticleFields } from '../../repositories/article-repository.js';
import type { ArticleRevision, ArticleRevisionRepository, RevisionRow } from '../../repositories/article-revision-repository.js';
import { toRevision } from '../../repositories/article-revision-repository.js';

export class SqliteArticleRevisionRepository implements ArticleRevisionRepository {
  private readonly insert;
  private readonly ofArticle;
  private readonly byId;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO article_revisions (article_id, user_id, snapshot, created_at) VALUES (?, ?, ?, ?)');
    const select = `SELECT r.id, r.article_id, r.user_id, u.username, r.snapshot, r.created_at
                    FROM article_revisions r LEFT JOIN users u ON u.id = r.user_id`;
    this.ofArticle = db.prepare<[number], RevisionRow>(`${select} WHERE r.article_id = ? ORDER BY r.id DESC`);
    this.byId = db.prepare<[number], RevisionRow>(`${select} WHERE r.id = ?`);
  }

  async add(articleId: number, userId: number, fields: ArticleFields, now: number): Promise<number> {
    return Number(this.insert.run(articleId, userId, JSON.stringify(fields), now).lastInsertRowid);
  }

  async listForArticle(articleId: number): Promise<ArticleRevision[]> {
    return this.ofArticle.all(articleId).map(toRevision);
  }

  async findById(id: number): Promise<ArticleRevision | undefined> {
    const row = this.byId.get(id);
    return row && toRevision(row);
  }
}
