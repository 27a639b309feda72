// Revisions of articles: a snapshot of the editable fields at every save.
import type { ArticleFields } from './article-repository.js';

export interface ArticleRevision {
  id: number;
  articleId: number;
  userId: number | null;
  username: string | null;
  fields: ArticleFields;
  createdAt: number;
}

export interface ArticleRevisionRepository {
  add(articleId: number, userId: number, fields: ArticleFields, now: number): Promise<number>;
  listForArticle(articleId: number): Promise<ArticleRevision[]>;
  findById(id: number): Promise<ArticleRevision | undefined>;
}

export interface RevisionRow {
  id: number;
  article_id: number;
  user_id: number | null;
  username: string | null;
  snapshot: string;
  created_at: number;
}

export function toRevision(row: RevisionRow): ArticleRevision {
  return {
    id: row.id,
    articleId: row.article_id,
    userId: row.user_id,
    username: row.username,
    fields: JSON.parse(row.snapshot) as ArticleFields,
    createdAt: row.created_at,
  };
}
