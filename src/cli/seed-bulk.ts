// npm run seed:bulk -- --articles 10000 --comments 100000
// Fills the database at DATABASE_PATH (created and migrated if needed) with generated
// articles, comments and past view counts, for benchmarks and tests.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { generateArticle, generateComment, seededRandom } from '../content/bulk-content.js';
import { seedDemoContentIfEmpty } from '../content/seed.js';
import type { ViewBatch } from '../repositories/view-stats-repository.js';
import { openStorage } from '../storage/open-storage.js';
import { dayKey } from '../services/site-time.js';

const DAY = 24 * 60 * 60_000;
const CHUNK = 2000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      comments: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '42' },
    },
  });
  const articleCount = wholeNumber('--articles', values.articles);
  const commentCount = wholeNumber('--comments', values.comments);
  const random = seededRandom(wholeNumber('--seed', values.seed));
  const config = loadConfig(process.env);
  const started = Date.now();
  const { storage } = await openStorage(config);
  const now = Date.now();
  await seedDemoContentIfEmpty(storage.transaction, now);
  const categories = await storage.repositories.categories.listAll();
  const progress = new Progress(articleCount + commentCount);

  const articleIds: number[] = [];
  for (let done = 0; done < articleCount; done += CHUNK) {
    await storage.transaction(async (tx) => {
      for (let i = done; i < Math.min(articleCount, done + CHUNK); i += 1) {
        const content = generateArticle(random, i + 1);
        const id = await tx.articles.create(
          {
            ...content,
            categoryId: categories[i % categories.length]!.id,
            coverImage: null,
            isFeatured: false,
            status: 'published',
            // spread over the last year, newest last
            publishedAt: now - Math.floor((1 - (i + 1) / articleCount) * 365 * DAY) - Math.floor(random() * 3600_000),
          },
          now,
        );
        articleIds.push(id);
      }
    });
    progress.update(Math.min(articleCount, done + CHUNK));
  }

  for (let done = 0; done < commentCount; done += CHUNK * 5) {
    await storage.transaction(async (tx) => {
      for (let i = done; i < Math.min(commentCount, done + CHUNK * 5); i += 1) {
        const articleId = articleIds[Math.floor(random() * articleIds.length)];
        if (articleId === undefined) break;
        await tx.comments.create(
          { ...generateComment(random), articleId, status: random() < 0.9 ? 'approved' : 'pending', ipHash: '' },
          now - Math.floor(random() * 30 * DAY),
        );
      }
    });
    progress.update(articleCount + Math.min(commentCount, done + CHUNK * 5));
  }

  // Past reads over the last 30 days, so rankings have data to work on.
  const history: ViewBatch = { articleViews: new Map(), pageViews: new Map() };
  for (let daysAgo = 0; daysAgo < 30; daysAgo += 1) {
    const day = dayKey(now - daysAgo * DAY, 'Asia/Shanghai');
    const perArticle = new Map<number, number>();
    for (let n = 0; n < Math.min(500, articleIds.length); n += 1) {
      const id = articleIds[Math.floor(random() * articleIds.length)]!;
      perArticle.set(id, (perArticle.get(id) ?? 0) + 1 + Math.floor(random() * 50));
    }
    history.articleViews.set(day, perArticle);
    history.pageViews.set(day, 2000 + Math.floor(random() * 3000));
  }
  await storage.transaction((tx) => tx.viewStats.applyBatch(history));
  progress.finish();
  await storage.close();
  console.log(
    `seed:bulk: added ${articleCount} articles and ${commentCount} comments to ${config.databasePath} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

class Progress {
  private lastPrinted = 0;
  constructor(private readonly total: number) {}

  update(done: number): void {
    const now = Date.now();
    if (now - this.lastPrinted < 200 && done < this.total) return;
    this.lastPrinted = now;
    const percent = this.total === 0 ? 100 : Math.floor((done / this.total) * 100);
    process.stderr.write(`\rseed:bulk: ${done}/${this.total} rows (${percent}%)`);
  }

  finish(): void {
    process.stderr.write('\n');
  }
}

function wholeNumber(name: string, raw: string | undefined): number {
  if (raw === undefined || !/^\d{1,9}$/.test(raw)) {
    console.error(`${name} must be a whole number, got "${raw}"`);
    process.exit(2);
  }
  return Number(raw);
}

main().catch((err: unknown) => {
  console.error('seed:bulk failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
