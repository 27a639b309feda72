// The columns of an article that lists show, and their mapping to ArticleSummary; shared by
// the repositories that list articles (articles, rankings, search).
import type { ArticleSummary } from '../domain/types.js';

export interface ArticleSummaryRow {
  id: number;
  category_id: number;
  title: string;
  summary: string;
  cover_image: string | null;
  published_at: number;
  views: number;
}

export function toArticleSummary(row: ArticleSummaryRow): ArticleSummary {
  return {
    id: row.id,
    categoryId: row.category_id,
    title: row.title,
    summary: row.summary,
    coverImage: row.cover_image,
    publishedAt: row.published_at,
    views: row.views,
  };
}
