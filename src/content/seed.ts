// Demo content for a new site: categories, original articles with covers, a poll, staff
// records, static pages, settings and a few comments. Runs only on an empty database.
import type { Repositories } from '../repositories/index.js';
import type { Transact } from '../storage/storage.js';
import type { ViewBatch } from '../repositories/view-stats-repository.js';
import { sanitizeArticleHtml } from '../services/html-sanitizer.js';
import { DEFAULT_SETTINGS, toSettingRows } from '../services/site-settings.js';
import { dayKey } from '../services/site-time.js';
import { demoArticlesA } from './demo/articles-a.js';
import { demoArticlesB } from './demo/articles-b.js';
import { browserHelpPages } from './demo/browser-help-pages.js';
import { demoPages } from './demo/pages.js';
import { demoCategories, demoComments, demoPolls, demoReplies, demoResponsibleEditors, demoStaff } from './demo/site-data.js';
import type { DemoArticle } from './demo/types.js';
import { demoAuthorLinks, demoTags, demoTopics } from './demo/reading-paths.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

export const demoArticles: DemoArticle[] = [...demoArticlesA, ...demoArticlesB];

/**
 * Seeds demo content when the database has no categories yet; returns whether it did. One
 * transaction: several processes starting on an empty database seed it once.
 */
export function seedDemoContentIfEmpty(transaction: Transact, now: number): Promise<boolean> {
  return transaction(async (tx) => {
    if ((await tx.categories.listAll()).length > 0) return false;
    await seedDemoContent(tx, now);
    return true;
  });
}

async function seedDemoContent(repositories: Repositories, now: number): Promise<void> {
  const { articles, categories, comments, pages, polls, settings, staff, tags, topics, viewStats } = repositories;
  await settings.setMany(toSettingRows(DEFAULT_SETTINGS));

  const categoryIds = new Map<string, number>();
  for (const [index, category] of demoCategories.entries()) {
    categoryIds.set(category.slug, await categories.create({ commentPolicy: 'open', ...category, sortOrder: index + 1 }));
  }

  // staff first: bylines link to their records
  for (const member of demoStaff) await staff.create(member, now);
  const staffIdOf = async (byline: string) => {
    const cardNumber = demoAuthorLinks[byline];
    return cardNumber === undefined ? null : ((await staff.findByCardNumber(cardNumber))?.id ?? null);
  };

  const history: ViewBatch = { articleViews: new Map(), pageViews: new Map() };
  const idByTitle = new Map<string, number>();
  const articleIds: number[] = [];
  // Oldest first, so ids grow with publish time as they would on a real site.
  const byAge = [...demoArticles].sort((a, b) => b.hoursAgo - a.hoursAgo);
  for (const [index, demo] of byAge.entries()) {
    const categoryId = categoryIds.get(demo.category);
    if (categoryId === undefined) throw new Error(`demo article "${demo.title}" has unknown category ${demo.category}`);
    const publishedAt = now - demo.hoursAgo * HOUR;
    const id = await articles.create(
      {
        categoryId,
        title: demo.title,
        author: demo.author,
        source: demo.source,
        summary: demo.summary,
        bodyHtml: sanitizeArticleHtml(demo.bodyHtml),
        coverImage: demo.cover ? `/images/demo/${demo.cover}` : null,
        isFeatured: demo.featured === true && demo.cover !== undefined,
        status: 'published',
        publishedAt,
        authorStaffId: await staffIdOf(demo.author),
      },
      now,
      // signed off when it was published, by a chief editor who has no account on a new site
      { responsibleEditor: demoResponsibleEditors[index % demoResponsibleEditors.length]! },
    );
    articleIds.push(id);
    idByTitle.set(demo.title, id);
    await tags.setForArticle(id, demoTags[demo.title] ?? [], now);
    addPastReads(history, id, publishedAt, now, index);
  }
  await viewStats.applyBatch(history);
  for (const topic of demoTopics) {
    const { articles: titles, ...fields } = topic;
    const topicId = await topics.create({ ...fields, coverImage: null }, now);
    await topics.setArticles(
      topicId,
      titles.map((title) => idByTitle.get(title)!),
    );
  }

  for (const page of [...demoPages, ...browserHelpPages]) {
    await pages.save({ ...page, bodyHtml: sanitizeArticleHtml(page.bodyHtml) }, now);
  }
  for (const poll of demoPolls) await polls.create({ ...poll, startsAt: now - 10 * DAY, endsAt: null }, now);

  // The newest articles get a comment each, a few minutes apart, and the first two get replies.
  const newestFirst = [...articleIds].reverse();
  const commentIds: { id: number; articleId: number; at: number }[] = [];
  for (const [index, comment] of demoComments.entries()) {
    const articleId = newestFirst[index % newestFirst.length]!;
    const at = now - (index + 1) * 7 * 60_000;
    commentIds.push({ id: await comments.create({ ...comment, articleId, status: 'approved', ipHash: '' }, at), articleId, at });
  }
  for (const [index, { to, ...reply }] of demoReplies.entries()) {
    const parent = commentIds[to]!;
    await comments.create(
      { ...reply, articleId: parent.articleId, parentId: parent.id, status: 'approved', ipHash: '' },
      parent.at + (index + 1) * 60_000,
    );
  }
}

/**
 * Plausible past reads for a demo article, spread over the days since it was published, so
 * rankings and 网站访问统计 have something to show. Deterministic (no randomness in seeds).
 */
function addPastReads(history: ViewBatch, articleId: number, publishedAt: number, now: number, index: number): void {
  const popularity = 40 + ((index * 37) % 23) * 9;
  for (let day = publishedAt; day <= now; day += DAY) {
    const ageInDays = Math.floor((now - day) / DAY);
    const reads = Math.max(1, Math.round(popularity / (1 + (day - publishedAt) / DAY)));
    const key = dayKey(day, DEFAULT_SETTINGS.timeZone);
    const perArticle = history.articleViews.get(key) ?? new Map<number, number>();
    perArticle.set(articleId, (perArticle.get(articleId) ?? 0) + reads);
    history.articleViews.set(key, perArticle);
    history.pageViews.set(key, (history.pageViews.get(key) ?? 0) + reads * 3 + ageInDays);
  }
}
