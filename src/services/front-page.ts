// The home page's lists: the newest articles and a block per category. The same for every
// reader until content changes, so app.ts keeps them in a SharedSnapshot (built once per
// change, like the site chrome) instead of running seven queries per request.
import type { ArticleSummary, Category } from '../domain/types.js';
import type { Repositories } from '../repositories/index.js';

export const LATEST_COUNT = 12;
export const PER_CATEGORY = 6;

export interface FrontPage {
  /** the newest article with a cover, else the newest article */
  headline: ArticleSummary | undefined;
  latest: ArticleSummary[];
  blocks: { category: Category; articles: ArticleSummary[] }[];
}

export async function buildFrontPage({ articles, categories }: Repositories, now: number): Promise<FrontPage> {
  const newest = await articles.listVisible({ limit: LATEST_COUNT + 1 }, now);
  const headline = newest.find((a) => a.coverImage) ?? newest[0];
  const blocks = [];
  for (const category of await categories.listAll()) {
    blocks.push({ category, articles: await articles.listVisible({ categoryId: category.id, limit: PER_CATEGORY }, now) });
  }
  return { headline, latest: newest.filter((a) => a !== headline).slice(0, LATEST_COUNT), blocks };
}
