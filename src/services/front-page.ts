// The home page's lists: the headline, the newest articles and a block per category. The same
// for every reader until content changes, so app.ts keeps them in a SharedSnapshot (built once
// per change, like the site chrome) instead of running several queries per request.
//
// Editors choose what leads: articles pinned as 头条 or 置顶 (until their pin ends) come first,
// 头条 before 置顶 and newest first within each; the first of them is the headline, the others
// open the 最新资讯 list. Without any pin the newest article with a cover is the headline.
import type { ArticleSummary, Category } from '../domain/types.js';
import type { Repositories } from '../repositories/index.js';
import type { TopicInUse } from '../repositories/topic-repository.js';
import { daySpan } from './site-time.js';

export const LATEST_COUNT = 12;
export const PER_CATEGORY = 6;
/** 本周热读 in the home page's right column: the most read of the last 7 days */
export const WEEK_TOP_COUNT = 8;

export interface FrontPage {
  headline: ArticleSummary | undefined;
  latest: ArticleSummary[];
  /** the articles of `latest` (and the headline) that editors pinned there */
  pinnedIds: ReadonlySet<number>;
  blocks: { category: Category; articles: ArticleSummary[] }[];
  weekTop: ArticleSummary[];
  /** 专题: topics still followed (not 已结案), the one with the newest article first */
  topics: TopicInUse[];
}

export const HOME_TOPICS = 4;

export async function buildFrontPage(
  { articles, categories, rankings, topics }: Repositories,
  now: number,
  timeZone: string,
): Promise<FrontPage> {
  const pinned = await articles.listPinned(LATEST_COUNT + 1, now);
  const newest = await articles.listVisible({ limit: LATEST_COUNT + 1 + pinned.length }, now);
  const headline = pinned[0] ?? newest.find((a) => a.coverImage) ?? newest[0];
  const pinnedIds = new Set(pinned.map((a) => a.id));
  const rest = newest.filter((a) => !pinnedIds.has(a.id) && a.id !== headline?.id);
  const latest = [...pinned.slice(1), ...rest].slice(0, LATEST_COUNT);
  const blocks = [];
  for (const category of await categories.listAll()) {
    blocks.push({ category, articles: await articles.listVisible({ categoryId: category.id, limit: PER_CATEGORY }, now) });
  }
  const weekTop = await rankings.topInDays(daySpan(now, timeZone, 7), { limit: WEEK_TOP_COUNT }, now);
  const activeTopics = await topics.listInUse({ open: true, limit: HOME_TOPICS }, now);
  return { headline, latest, pinnedIds, blocks, weekTop, topics: activeTopics };
}
