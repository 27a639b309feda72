// Tags in SQLite.
import { visibleAs } from './article-repository.js';
import type { ArticleSummary, Tag } from '../../domain/types.js';
import { type ArticleSummaryRow, toArticleSummary } from '../../repositories/article-rows.js';
import type { TagInUse, TagRepository } from '../../repositories/tag-repository.js';
import type { Db } from './database.js';

const VISIBLE_A = visibleAs('a');
const SUMMARY_OF_A = 'a.id, a.category_id, a.title, a.summary, a.cover_image, a.published_at, a.views';

export class SqliteTagRepository implements TagRepository {
  private readonly insertName;
  private readonly idOfName;
  private readonly unlinkAll;
  private readonly link;
  private readonly ofArticle;
  private readonly byId;
  private readonly popular;
  private readonly visibleArticles;
  private readonly countVisible;
  private readonly inUse;

  constructor(db: Db) {
    this.insertName = db.prepare('INSERT INTO tags (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING');
    this.idOfName = db.prepare<[string], number>('SELECT id FROM tags WHERE name = ?').pluck();
    this.unlinkAll = db.prepare('DELETE FROM article_tags WHERE article_id = ?');
    this.link = db.prepare('INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, ?, ?)');
    this.ofArticle = db.prepare<[number], Tag>(
      'SELECT t.id, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = ? ORDER BY x.position',
    );
    this.byId = db.prepare<[number], Tag>('SELECT id, name FROM tags WHERE id = ?');
    this.popular = db.prepare<[number], Tag>(
      `SELECT t.id, t.name FROM tags t JOIN article_tags x ON x.tag_id = t.id
       GROUP BY t.id ORDER BY COUNT(*) DESC, t.name LIMIT ?`,
    );
    this.visibleArticles = db.prepare<{ tagId: number; now: number; limit: number; offset: number }, ArticleSummaryRow>(
      `SELECT ${SUMMARY_OF_A} FROM article_tags x JOIN articles a ON a.id = x.article_id
       WHERE x.tag_id = @tagId AND ${VISIBLE_A} ORDER BY a.published_at DESC, a.id DESC LIMIT @limit OFFSET @offset`,
    );
    this.countVisible = db
      .prepare<{ tagId: number; now: number }, number>(
        `SELECT COUNT(*) FROM article_tags x JOIN articles a ON a.id = x.article_id WHERE x.tag_id = @tagId AND ${VISIBLE_A}`,
      )
      .pluck();
    this.inUse = db.prepare<{ now: number }, { id: number; name: string; articles: number; last_published_at: number }>(
      `SELECT t.id, t.name, COUNT(*) AS articles, MAX(a.published_at) AS last_published_at
       FROM tags t JOIN article_tags x ON x.tag_id = t.id JOIN articles a ON a.id = x.article_id
       WHERE ${VISIBLE_A} GROUP BY t.id ORDER BY t.id`,
    );
  }

  async setForArticle(articleId: number, names: readonly string[], now: number): Promise<void> {
    this.unlinkAll.run(articleId);
    for (const [position, name] of names.entries()) {
      this.insertName.run(name, now);
      this.link.run(articleId, this.idOfName.get(name)!, position);
    }
  }

  async listForArticle(articleId: number): Promise<Tag[]> {
    return this.ofArticle.all(articleId);
  }

  async findById(id: number): Promise<Tag | undefined> {
    return this.byId.get(id);
  }

  async listPopular(limit: number): Promise<Tag[]> {
    return this.popular.all(limit);
  }

  async listVisibleArticles(tagId: number, page: { limit: number; offset: number }, now: number): Promise<ArticleSummary[]> {
    return this.visibleArticles.all({ tagId, now, ...page }).map(toArticleSummary);
  }

  async countVisibleArticles(tagId: number, now: number): Promise<number> {
    return this.countVisible.get({ tagId, now }) ?? 0;
  }

  async listInUse(now: number): Promise<TagInUse[]> {
    return this.inUse
      .all({ now })
      .map((row) => ({ id: row.id, name: row.name, articles: row.articles, lastPublishedAt: row.last_published_at }));
  }
}
