// Tags in PostgreSQL.
import { visibleAs } from './article-repository.js';
import type { ArticleSummary, Tag } from '../../domain/types.js';
import { type ArticleSummaryRow, toArticleSummary } from '../../repositories/article-rows.js';
import type { TagInUse, TagRepository } from '../../repositories/tag-repository.js';
import type { Sql } from './sql.js';

const VISIBLE_A = visibleAs('a');
const SUMMARY_OF_A = 'a.id, a.category_id, a.title, a.summary, a.cover_image, a.published_at, a.views';

export class PostgresTagRepository implements TagRepository {
  constructor(private readonly sql: Sql) {}

  async setForArticle(articleId: number, names: readonly string[], now: number): Promise<void> {
    await this.sql.run('DELETE FROM article_tags WHERE article_id = $1', [articleId]);
    if (names.length === 0) return;
    await this.sql.run('INSERT INTO tags (name, created_at) SELECT unnest($1::text[]), $2 ON CONFLICT (name) DO NOTHING', [names, now]);
    await this.sql.run(
      `INSERT INTO article_tags (article_id, tag_id, position)
       SELECT $1, t.id, given.position - 1 FROM unnest($2::text[]) WITH ORDINALITY AS given (name, position)
       JOIN tags t ON t.name = given.name`,
      [articleId, names],
    );
  }

  async listForArticle(articleId: number): Promise<Tag[]> {
    return this.sql.rows<Tag>(
      'SELECT t.id, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = $1 ORDER BY x.position',
      [articleId],
    );
  }

  async findById(id: number): Promise<Tag | undefined> {
    return this.sql.row<Tag>('SELECT id, name FROM tags WHERE id = $1', [id]);
  }

  async listPopular(limit: number): Promise<Tag[]> {
    return this.sql.rows<Tag>(
      `SELECT t.id, t.name FROM tags t JOIN article_tags x ON x.tag_id = t.id
       GROUP BY t.id ORDER BY COUNT(*) DESC, t.name LIMIT $1`,
      [limit],
    );
  }

  async listVisibleArticles(tagId: number, page: { limit: number; offset: number }, now: number): Promise<ArticleSummary[]> {
    const rows = await this.sql.rows<ArticleSummaryRow>(
      `SELECT ${SUMMARY_OF_A} FROM article_tags x JOIN articles a ON a.id = x.article_id
       WHERE x.tag_id = $2 AND ${VISIBLE_A} ORDER BY a.published_at DESC, a.id DESC LIMIT $3 OFFSET $4`,
      [now, tagId, page.limit, page.offset],
    );
    return rows.map(toArticleSummary);
  }

  async countVisibleArticles(tagId: number, now: number): Promise<number> {
    return (
      (await this.sql.value<number>(
        `SELECT COUNT(*) FROM article_tags x JOIN articles a ON a.id = x.article_id WHERE x.tag_id = $2 AND ${VISIBLE_A}`,
        [now, tagId],
      )) ?? 0
    );
  }

  async listInUse(now: number): Promise<TagInUse[]> {
    const rows = await this.sql.rows<{ id: number; name: string; articles: number; last_published_at: number }>(
      `SELECT t.id, t.name, COUNT(*) AS articles, MAX(a.published_at) AS last_published_at
       FROM tags t JOIN article_tags x ON x.tag_id = t.id JOIN articles a ON a.id = x.article_id
       WHERE ${VISIBLE_A} GROUP BY t.id ORDER BY t.id`,
      [now],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, articles: row.articles, lastPublishedAt: row.last_published_at }));
  }
}
