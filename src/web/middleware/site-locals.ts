// Puts the shared page data (site chrome) and view helpers into res.locals for every
// reader page, so controllers only add what their own page shows.
import { siteOrigin } from '../../services/site-settings.js';
import type { NextFunction, Request, Response } from 'express';
import type { ArticleSummary, Category, SiteSettings } from '../../domain/types.js';
import type { SiteChrome, SiteChromeService } from '../../services/site-chrome.js';
import { formatDateTime, formatMonthDay, yearOf } from '../../services/site-time.js';
import type { Clock } from '../../services/clock.js';
import type { ChromeFragments } from '../chrome-fragments.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      chrome: SiteChrome;
      site: SiteSettings;
      origin: string;
      currentPath: string;
      categoryOf: (article: ArticleSummary) => Category | undefined;
      /** partials/_sidebar.ejs and _footer.ejs as rendered for the current chrome */
      sidebarHtml: string;
      footerHtml: string;
    }
  }
}

export function siteLocals(
  chromeService: SiteChromeService,
  clock: Clock,
  fragmentsOf: (chrome: SiteChrome, locals: object) => Promise<ChromeFragments>,
) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const chrome = await chromeService.get();
    const { settings } = chrome;
    const zone = settings.timeZone;
    const origin = siteOrigin(settings);
    Object.assign(res.locals, {
      chrome,
      site: settings,
      origin,
      currentPath: req.path,
      currentYear: yearOf(clock(), zone),
      formatDateTime: (instant: number) => formatDateTime(instant, zone),
      formatMonthDay: (instant: number) => formatMonthDay(instant, zone),
      ellipsis,
      categoryOf: (article: ArticleSummary) => chrome.categoryById.get(article.categoryId),
      articleUrl: (article: { id: number }) => `/article/${article.id}`,
    });
    const { sidebar, footer } = await fragmentsOf(chrome, res.locals);
    res.locals.sidebarHtml = sidebar;
    res.locals.footerHtml = footer;
    next();
  };
}

/** Cuts text to at most `max` characters (by code point), ending with … when cut. */
export function ellipsis(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
