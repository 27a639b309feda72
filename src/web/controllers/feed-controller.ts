// Feeds and sitemaps: RSS 2.0 for the site and each category, the sitemap (an index of parts
// once there are many articles), and the Google News sitemap of the last two days. Serialized
// by fast-xml-parser's XMLBuilder, which escapes & < > " ' in all text and attributes (unlike
// xmlbuilder2, which leaves "&amp;" or "&nbsp;" in a title unescaped); URLs are absolute on the
// site's domain.
import type { Request, Response } from 'express';
import { XMLBuilder } from 'fast-xml-parser';
import type { ArticleSummary, Category } from '../../domain/types.js';
import { notFound } from '../http-error.js';
import { parseId } from '../params.js';
import { SITE_MESSAGES } from '../messages/site.js';
import type { SiteContext } from '../site-context.js';

export const FEED_LENGTH = 30;
/** Article URLs per sitemap file; the protocol allows 50,000. Past this, /sitemap.xml is an index. */
export const ARTICLES_PER_SITEMAP = 10_000;
/** Google News takes articles of the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60_000;
const NEWS_MAX = 1000;

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const XML_TYPE = 'application/xml; charset=utf-8';
const CACHE = 'public, max-age=300';
const PART = /^[1-9]\d{0,5}$/;
const PAGE_SLUG = /^[a-z0-9-]{1,64}$/;
const SITEMAP_TOPICS_MAX = 5000;
/** static pages served at their own address rather than /page/:slug */
const PAGE_PATHS: Record<string, string> = { 'submit-guide': '/submit' };

/** Removes what XML 1.0 cannot carry at all (control characters, lone surrogates). */
export function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/** RFC 822 date (RFC 1123 form, as RSS readers expect): 'Fri, 20 Nov 2026 04:00:00 GMT'. */
export function rfc822(instant: number): string {
  return new Date(instant).toUTCString();
}

/** W3C datetime in UTC without milliseconds: '2026-11-20T04:00:00Z'. */
export function w3cDate(instant: number): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

interface SitemapEntry {
  path: string;
  lastModified?: number;
}

/** An element: '@name' keys are attributes, '#text' its text; arrays repeat the element. */
type XmlNode = { [name: string]: string | XmlNode | XmlNode[] };

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
  suppressEmptyNode: true,
  suppressBooleanAttributes: false, // isPermaLink="true", not a bare isPermaLink
});

function sendXml(res: Response, type: string, root: XmlNode): void {
  res.set('Content-Type', type);
  res.set('Cache-Control', CACHE);
  res.send(builder.build({ '?xml': { '@version': '1.0', '@encoding': 'UTF-8' }, ...root }));
}

export function feedController({ repositories, clock }: SiteContext) {
  function sendRss(
    res: Response,
    channel: { title: string; path: string; feedPath: string; description: string },
    articles: ArticleSummary[],
  ): void {
    const { origin, chrome } = res.locals;
    const items = articles.map((article): XmlNode => {
      const url = xmlSafe(`${origin}/article/${article.id}`);
      const category = chrome.categoryById.get(article.categoryId);
      return {
        title: xmlSafe(article.title),
        link: url,
        guid: { '@isPermaLink': 'true', '#text': url },
        pubDate: rfc822(article.publishedAt),
        ...(article.summary ? { description: xmlSafe(article.summary) } : {}),
        ...(category ? { category: xmlSafe(category.name) } : {}),
      };
    });
    const rss: XmlNode = {
      rss: {
        '@version': '2.0',
        '@xmlns:atom': 'http://www.w3.org/2005/Atom',
        channel: {
          title: xmlSafe(channel.title),
          link: xmlSafe(origin + channel.path),
          description: xmlSafe(channel.description),
          language: 'zh-cn',
          // The feed changes when an article appears: its newest item dates it (stable for caches).
          lastBuildDate: rfc822(articles[0]?.publishedAt ?? clock()),
          'atom:link': { '@href': xmlSafe(origin + channel.feedPath), '@rel': 'self', '@type': 'application/rss+xml' },
          item: items,
        },
      },
    };
    sendXml(res, RSS_TYPE, rss);
  }

  function sendUrlset(res: Response, entries: SitemapEntry[]): void {
    const url = entries.map((entry): XmlNode => ({
      loc: xmlSafe(res.locals.origin + entry.path),
      ...(entry.lastModified !== undefined ? { lastmod: w3cDate(entry.lastModified) } : {}),
    }));
    const urlset: XmlNode = { urlset: { '@xmlns': SITEMAP_NS, url } };
    sendXml(res, XML_TYPE, urlset);
  }

  /** Home, rankings, categories and static pages. */
  async function siteEntries(res: Response, now: number): Promise<SitemapEntry[]> {
    const categories: Category[] = res.locals.chrome.categories;
    const [newest, perCategory, pages, topics, tags] = await Promise.all([
      repositories.articles.listVisible({ limit: 1 }, now),
      Promise.all(categories.map((c) => repositories.articles.listVisible({ categoryId: c.id, limit: 1 }, now))),
      repositories.pages.listAll(),
      repositories.topics.listInUse({ open: false, limit: SITEMAP_TOPICS_MAX }, now),
      repositories.tags.listInUse(now),
    ]);
    return [
      { path: '/', lastModified: newest[0]?.publishedAt },
      { path: '/rank' },
      ...categories.map((c, i) => ({ path: `/category/${encodeURIComponent(c.slug)}`, lastModified: perCategory[i]?.[0]?.publishedAt })),
      ...pages
        .filter((p) => PAGE_SLUG.test(p.slug))
        .map((p) => ({ path: PAGE_PATHS[p.slug] ?? `/page/${p.slug}`, lastModified: p.updatedAt })),
      ...topics.map((t) => ({ path: `/topic/${encodeURIComponent(t.slug)}`, lastModified: Math.max(t.updatedAt, t.latest.publishedAt) })),
      ...tags.map((t) => ({ path: `/tag/${t.id}`, lastModified: t.lastPublishedAt })),
    ];
  }

  // Articles have no lastmod: summaries carry the publish time, not the last edit, and a
  // lastmod older than the real change would tell crawlers not to come back.
  const articleEntry = (article: ArticleSummary): SitemapEntry => ({ path: `/article/${article.id}` });

  /** Number of article parts: oldest first, so a part keeps its URLs as new articles arrive. */
  const partCount = (total: number) => Math.max(1, Math.ceil(total / ARTICLES_PER_SITEMAP));

  return {
    async siteFeed(_req: Request, res: Response) {
      const { site } = res.locals;
      const articles = await repositories.articles.listVisible({ limit: FEED_LENGTH }, clock());
      sendRss(res, { title: site.siteName, path: '/', feedPath: '/feed.xml', description: site.siteDescription }, articles);
    },

    async categoryFeed(req: Request<{ slug: string }>, res: Response) {
      const category = res.locals.chrome.categoryBySlug.get(req.params.slug);
      if (!category) throw notFound(SITE_MESSAGES.categoryNotFound);
      const articles = await repositories.articles.listVisible({ categoryId: category.id, limit: FEED_LENGTH }, clock());
      const path = `/category/${encodeURIComponent(category.slug)}`;
      sendRss(
        res,
        {
          title: `${category.name} - ${res.locals.site.siteName}`,
          path,
          feedPath: `${path}/feed.xml`,
          description: category.description || category.name,
        },
        articles,
      );
    },

    async tagFeed(req: Request<{ id: string }>, res: Response) {
      const tag = await repositories.tags.findById(parseId(req.params.id));
      if (!tag) throw notFound(SITE_MESSAGES.tagNotFound);
      const articles = await repositories.tags.listVisibleArticles(tag.id, { limit: FEED_LENGTH, offset: 0 }, clock());
      const path = `/tag/${tag.id}`;
      const title = SITE_MESSAGES.tagTitle(tag.name);
      sendRss(res, { title: `${title} - ${res.locals.site.siteName}`, path, feedPath: `${path}/feed.xml`, description: title }, articles);
    },

    async topicFeed(req: Request<{ slug: string }>, res: Response) {
      const topic = await repositories.topics.findBySlug(req.params.slug);
      if (!topic) throw notFound(SITE_MESSAGES.topicNotFound);
      const articles = await repositories.topics.listVisibleArticles(topic.id, FEED_LENGTH, clock());
      const path = `/topic/${encodeURIComponent(topic.slug)}`;
      sendRss(
        res,
        {
          title: `${SITE_MESSAGES.topicTitle(topic.title)} - ${res.locals.site.siteName}`,
          path,
          feedPath: `${path}/feed.xml`,
          description: topic.intro || topic.title,
        },
        articles,
      );
    },

    /** One urlset while it fits in a file; past that, an index of /sitemap-pages.xml and the article parts. */
    async sitemap(_req: Request, res: Response) {
      const now = clock();
      const total = await repositories.articles.countVisible(undefined, now);
      if (total <= ARTICLES_PER_SITEMAP) {
        const articles = await repositories.articles.listVisible({ limit: ARTICLES_PER_SITEMAP }, now);
        sendUrlset(res, [...(await siteEntries(res, now)), ...articles.map(articleEntry)]);
        return;
      }
      const parts = ['/sitemap-pages.xml'];
      for (let part = 1; part <= partCount(total); part += 1) parts.push(`/sitemap-articles-${part}.xml`);
      const index: XmlNode = {
        sitemapindex: { '@xmlns': SITEMAP_NS, sitemap: parts.map((path) => ({ loc: xmlSafe(res.locals.origin + path) })) },
      };
      sendXml(res, XML_TYPE, index);
    },

    async sitemapPages(_req: Request, res: Response) {
      sendUrlset(res, await siteEntries(res, clock()));
    },

    /** Part N holds the Nth oldest block of visible articles (part 1: the oldest). */
    async sitemapArticles(req: Request<{ part: string }>, res: Response) {
      if (!PART.test(req.params.part)) throw notFound();
      const part = Number(req.params.part);
      const now = clock();
      const total = await repositories.articles.countVisible(undefined, now);
      if (part > partCount(total)) throw notFound();
      // Articles are listed newest first: part N is the slice counted from the oldest end.
      const end = total - (part - 1) * ARTICLES_PER_SITEMAP;
      const start = Math.max(0, end - ARTICLES_PER_SITEMAP);
      const articles = end > 0 ? await repositories.articles.listVisible({ limit: end - start, offset: start }, now) : [];
      sendUrlset(res, articles.reverse().map(articleEntry));
    },

    async newsSitemap(_req: Request, res: Response) {
      const now = clock();
      const { origin, site } = res.locals;
      const recent = (await repositories.articles.listVisible({ limit: NEWS_MAX }, now)).filter(
        (a) => a.publishedAt >= now - NEWS_WINDOW_MS,
      );
      const url = recent.map((article): XmlNode => ({
        loc: xmlSafe(`${origin}/article/${article.id}`),
        'news:news': {
          'news:publication': { 'news:name': xmlSafe(site.siteName), 'news:language': 'zh-cn' },
          'news:publication_date': w3cDate(article.publishedAt),
          'news:title': xmlSafe(article.title),
        },
      }));
      const urlset: XmlNode = { urlset: { '@xmlns': SITEMAP_NS, '@xmlns:news': NEWS_NS, url } };
      sendXml(res, XML_TYPE, urlset);
    },
  };
}
