// The data every reader page shows around its content: settings, navigation and the
// sidebars (热门·图文, 点击·排行, 最新·发布, 投票·调查, 网站访问统计). Computed once and shared
// by all requests until content changes (the change feed calls invalidate) or it gets older
// than maxAgeMs (which brings scheduled articles and flushed view counts in without a signal).
import type { ArticleSummary, Category, Poll, SiteSettings, SiteTraffic } from '../domain/types.js';
import type { Repositories } from '../repositories/index.js';
import type { Clock } from './clock.js';
import { DEFAULT_SETTINGS, toSiteSettings } from './site-settings.js';
import { SharedSnapshot } from './shared-snapshot.js';
import { dayKey } from './site-time.js';

export interface SiteChrome {
  settings: SiteSettings;
  categories: Category[];
  categoryById: Map<number, Category>;
  categoryBySlug: Map<string, Category>;
  /** visible articles per category id (for category pages' page counts) */
  articleCounts: Map<number, number>;
  hotPictures: ArticleSummary[];
  mostViewed: ArticleSummary[];
  latest: ArticleSummary[];
  poll: Poll | undefined;
  traffic: SiteTraffic;
  builtAt: number;
}

export const SIDEBAR_LIST_LENGTH = 10;
const HOT_PICTURES = 4;

export class SiteChromeService {
  private readonly snapshot: SharedSnapshot<SiteChrome>;

  constructor(
    private readonly repositories: Repositories,
    clock: Clock,
    /** applies content changes made since the last look (they call invalidate) */
    catchUpWithChanges: () => void = () => {},
    /** when a scheduled change next happens (the change feed knows) */
    nextScheduledChange: (now: number) => number | undefined = () => undefined,
    maxAgeMs = 5000,
  ) {
    this.snapshot = new SharedSnapshot((now) => this.build(now), clock, maxAgeMs, catchUpWithChanges, nextScheduledChange);
  }

  get(): Promise<SiteChrome> {
    return this.snapshot.get();
  }

  /** The site's time zone as last loaded (the default before the first load). */
  timeZone(): string {
    return this.snapshot.last?.settings.timeZone ?? DEFAULT_SETTINGS.timeZone;
  }

  /** Call after any change that the chrome shows (articles, settings, polls, categories). */
  invalidate(): void {
    this.snapshot.invalidate();
  }

  private async build(now: number): Promise<SiteChrome> {
    const { articles, categories, settings, viewStats } = this.repositories;
    const siteSettings = toSiteSettings(await settings.getAll());
    const allCategories = await categories.listAll();
    return {
      settings: siteSettings,
      categories: allCategories,
      categoryById: new Map(allCategories.map((c) => [c.id, c])),
      categoryBySlug: new Map(allCategories.map((c) => [c.slug, c])),
      articleCounts: await articles.countVisibleByCategory(now),
      hotPictures: await articles.listFeaturedWithCover(HOT_PICTURES, now),
      mostViewed: await articles.listMostViewed(SIDEBAR_LIST_LENGTH, now),
      latest: await articles.listVisible({ limit: SIDEBAR_LIST_LENGTH }, now),
      poll: await this.sidebarPoll(siteSettings, now),
      traffic: await viewStats.siteTraffic(dayKey(now, siteSettings.timeZone)),
      builtAt: now,
    };
  }

  private async sidebarPoll(settings: SiteSettings, now: number): Promise<Poll | undefined> {
    const chosenId = Number(settings.sidebarPollId);
    if (Number.isSafeInteger(chosenId) && chosenId > 0) {
      const chosen = await this.repositories.polls.findById(chosenId);
      if (chosen) return chosen;
    }
    return this.repositories.polls.findLatestOpen(now);
  }
}
