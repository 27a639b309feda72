// Feeds and SEO over HTTP: RSS 2.0 for the site and a category, the sitemap (an index past
// 10,000 articles), the Google News sitemap, robots.txt, and the article page's structured
// data and meta tags. All XML is validated and parsed with fast-xml-parser.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ARTICLES_PER_SITEMAP } from '../../src/web/controllers/feed-controller.js';
import { addArticle } from '../support/fixtures.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

const ORIGIN = 'https://shfz.example.cn';
const HOUR = 3600_000;
const SPECIAL_TITLE = '法治 & <观察> "引号" \'单引号\' ]]> </title> &nbsp; &amp; &#x41; 测试';
const SPECIAL_SUMMARY = '摘要含 <b>标签</b> 与 &amp; 符号';
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const LISTS = new Set(['item', 'url', 'sitemap', 'category']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false, // keep "123" a string
  isArray: (name) => LISTS.has(name),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Xml = any;

async function fetchXml(t: TestApp, url: string, type: RegExp): Promise<{ xml: Xml; text: string }> {
  const response = await fetch(t.baseUrl + url);
  assert.equal(response.status, 200, url);
  assert.match(response.headers.get('content-type') ?? '', type, url);
  const text = await response.text();
  assert.ok(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>'), url);
  assert.equal(XMLValidator.validate(text), true, `${url} is well-formed XML`);
  return { xml: parser.parse(text), text };
}

const RSS = /^application\/rss\+xml; charset=utf-8$/;
const XML = /^application\/xml; charset=utf-8$/;
const articleUrl = (id: number) => `${ORIGIN}/article/${id}`;

describe('feeds and sitemaps', () => {
  let t: TestApp;
  let special: number;
  let hidden: number[];
  let old: number;
  before(async () => {
    t = await makeTestApp();
    const repos = t.repos;
    const now = t.clock();
    const law = (await repos.categories.findBySlug('law'))!.id;
    special = await addArticle(repos, law, now, {
      title: `${SPECIAL_TITLE}\u0001`,
      summary: SPECIAL_SUMMARY,
      publishedAt: now - 10 * 60_000,
    });
    old = await addArticle(repos, law, now, { title: '三天前的文章', publishedAt: now - 72 * HOUR });
    hidden = [
      await addArticle(repos, law, now, { title: '草稿不应出现', status: 'draft', publishedAt: now - HOUR }),
      await addArticle(repos, law, now, { title: '回收站不应出现', publishedAt: now - HOUR }),
      await addArticle(repos, law, now, { title: '定时未到不应出现', status: 'scheduled', publishedAt: now + 24 * HOUR }),
    ];
    await repos.articles.moveToTrash(hidden[1]!, now);
    t.portal.chrome.invalidate();
  });
  after(() => t.close());

  it('/feed.xml: RSS 2.0 of the 30 latest visible articles with absolute links and RFC 822 dates', async () => {
    const { xml, text } = await fetchXml(t, '/feed.xml', RSS);
    assert.equal(xml.rss['@version'], '2.0');
    const channel = xml.rss.channel;
    assert.equal(channel.title, '社会法治观察网');
    assert.equal(channel.link, `${ORIGIN}/`);
    assert.equal(channel.language, 'zh-cn');
    assert.equal(channel['atom:link']['@href'], `${ORIGIN}/feed.xml`);
    assert.equal(channel['atom:link']['@rel'], 'self');
    assert.match(channel.lastBuildDate, RFC822);
    const expected = await t.portal.repositories.articles.listVisible({ limit: 30 }, t.clock());
    assert.equal(expected.length, 30, 'the demo has more than 30 articles');
    assert.deepEqual(
      channel.item.map((i: Xml) => i.link),
      expected.map((a) => articleUrl(a.id)),
    );
    for (const [index, item] of (channel.item as Xml[]).entries()) {
      assert.equal(item.guid['#text'], item.link);
      assert.equal(item.guid['@isPermaLink'], 'true');
      assert.match(item.pubDate, RFC822);
      assert.equal(Date.parse(item.pubDate), Math.floor(expected[index]!.publishedAt / 1000) * 1000);
      assert.equal(item.title, expected[index]!.title.replace(/\u0001/g, ''));
    }
    // the hostile title and summary come back exactly (the control character, invalid in XML, dropped)
    const mine = channel.item.find((i: Xml) => i.link === articleUrl(special));
    assert.equal(mine.title, SPECIAL_TITLE);
    assert.equal(mine.description, SPECIAL_SUMMARY);
    assert.equal(mine.category[0], '法治要闻');
    assert.ok(text.includes('法治 &amp; &lt;观察&gt;'), 'escaped in the source');
    assert.ok(text.includes('&amp;nbsp; &amp;amp; &amp;#x41;'), 'entity-like text is escaped too, not passed through');
    assert.ok(!text.includes('<观察>') && !text.includes('<b>'));
    for (const id of hidden) assert.ok(!text.includes(articleUrl(id) + '<'), `hidden article ${id}`);
  });

  it('/category/:slug/feed.xml: only that category; unknown categories are 404', async () => {
    const { xml } = await fetchXml(t, '/category/law/feed.xml', RSS);
    const channel = xml.rss.channel;
    assert.equal(channel.title, '法治要闻 - 社会法治观察网');
    assert.equal(channel.link, `${ORIGIN}/category/law`);
    assert.equal(channel['atom:link']['@href'], `${ORIGIN}/category/law/feed.xml`);
    const law = (await t.portal.repositories.categories.findBySlug('law'))!;
    const expected = await t.portal.repositories.articles.listVisible({ categoryId: law.id, limit: 30 }, t.clock());
    assert.deepEqual(
      channel.item.map((i: Xml) => i.link),
      expected.map((a) => articleUrl(a.id)),
    );
    assert.ok(channel.item.every((i: Xml) => i.category[0] === '法治要闻'));
    assert.ok(channel.item.some((i: Xml) => i.link === articleUrl(special)));
    assert.equal((await fetch(`${t.baseUrl}/category/no-such/feed.xml`)).status, 404);
  });

  it('/sitemap.xml: home, rankings, categories, static pages and every visible article', async () => {
    const { xml } = await fetchXml(t, '/sitemap.xml', XML);
    assert.equal(xml.urlset['@xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls: Xml[] = xml.urlset.url;
    const locs = urls.map((u) => u.loc);
    assert.equal(new Set(locs).size, locs.length, 'no duplicates');
    assert.ok(locs.length < 50_000);
    const repos = t.repos;
    const now = t.clock();
    const articles = await repos.articles.listVisible({ limit: 1000 }, now);
    const categories = await repos.categories.listAll();
    const pages = await repos.pages.listAll();
    const topics = await repos.topics.listInUse({ open: false, limit: 100 }, now);
    const tags = await repos.tags.listInUse(now);
    assert.ok(topics.length >= 2 && tags.length >= 10, 'the demo content has topics and tags');
    const expected = [
      `${ORIGIN}/`,
      `${ORIGIN}/rank`,
      ...categories.map((c) => `${ORIGIN}/category/${c.slug}`),
      ...pages.map((p) => (p.slug === 'submit-guide' ? `${ORIGIN}/submit` : `${ORIGIN}/page/${p.slug}`)),
      ...topics.map((topic) => `${ORIGIN}/topic/${topic.slug}`),
      ...tags.map((tag) => `${ORIGIN}/tag/${tag.id}`),
      ...articles.map((a) => articleUrl(a.id)),
    ];
    assert.deepEqual([...locs].sort(), [...expected].sort());
    for (const id of hidden) assert.ok(!locs.includes(articleUrl(id)));
    for (const url of urls) if (url.lastmod !== undefined) assert.match(url.lastmod, W3C);
    const home = urls.find((u) => u.loc === `${ORIGIN}/`);
    assert.equal(Date.parse(home.lastmod), Math.floor(articles[0]!.publishedAt / 1000) * 1000);
    // the article parts exist even while /sitemap.xml needs no index
    const part = await fetchXml(t, '/sitemap-articles-1.xml', XML);
    assert.deepEqual(
      part.xml.urlset.url.map((u: Xml) => u.loc),
      articles.map((a) => articleUrl(a.id)).reverse(),
    );
    assert.equal((await fetchXml(t, '/sitemap-pages.xml', XML)).xml.urlset.url.length, expected.length - articles.length);
    for (const bad of ['/sitemap-articles-2.xml', '/sitemap-articles-0.xml', '/sitemap-articles-x.xml', '/sitemap-articles-01.xml']) {
      assert.equal((await fetch(t.baseUrl + bad)).status, 404, bad);
    }
  });

  it('/sitemap-news.xml: only articles of the last 2 days, with publication, date and title', async () => {
    const { xml, text } = await fetchXml(t, '/sitemap-news.xml', XML);
    assert.equal(xml.urlset['@xmlns:news'], 'http://www.google.com/schemas/sitemap-news/0.9');
    const now = t.clock();
    const recent = (await t.portal.repositories.articles.listVisible({ limit: 1000 }, now)).filter((a) => a.publishedAt >= now - 48 * HOUR);
    const all = await t.portal.repositories.articles.countVisible(undefined, now);
    assert.ok(recent.length > 1 && recent.length < all, 'the demo has articles inside and outside the window');
    const urls: Xml[] = xml.urlset.url;
    assert.deepEqual(
      urls.map((u) => u.loc),
      recent.map((a) => articleUrl(a.id)),
    );
    assert.ok(!urls.some((u) => u.loc === articleUrl(old)), 'three days old: out');
    for (const id of hidden) assert.ok(!text.includes(articleUrl(id) + '<'));
    for (const [index, url] of urls.entries()) {
      const news = url['news:news'];
      assert.equal(news['news:publication']['news:name'], '社会法治观察网');
      assert.equal(news['news:publication']['news:language'], 'zh-cn');
      assert.match(news['news:publication_date'], W3C);
      assert.equal(Date.parse(news['news:publication_date']), Math.floor(recent[index]!.publishedAt / 1000) * 1000);
      assert.equal(news['news:title'], recent[index]!.title.replace(/\u0001/g, ''));
    }
    assert.ok(urls.some((u) => u['news:news']['news:title'] === SPECIAL_TITLE));
  });

  it('/robots.txt lists the sitemaps with absolute URLs and keeps the editors area out', async () => {
    const response = await fetch(`${t.baseUrl}/robots.txt`);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    const lines = (await response.text()).split('\n');
    assert.ok(lines.includes('Disallow: /admin/'));
    assert.ok(lines.includes(`Sitemap: ${ORIGIN}/sitemap.xml`));
    assert.ok(lines.includes(`Sitemap: ${ORIGIN}/sitemap-news.xml`));
  });
});

describe('sitemap of a large site', () => {
  let t: TestApp;
  const EXTRA = ARTICLES_PER_SITEMAP + 50;
  before(async () => {
    t = await makeTestApp();
    const repos = t.repos;
    const now = t.clock();
    const categories = await repos.categories.listAll();
    await t.write(async (tx) => {
      for (let i = 0; i < EXTRA; i += 1) {
        await tx.articles.create(
          {
            categoryId: categories[i % categories.length]!.id,
            title: `批量文章 ${i} & <${i}>`,
            author: '',
            source: '',
            summary: '',
            bodyHtml: '<p>x</p>',
            coverImage: null,
            isFeatured: false,
            status: 'published',
            publishedAt: now - 400 * 24 * HOUR + i * 60_000,
          },
          now,
        );
      }
    });
  });
  after(() => t.close());

  it('becomes an index of parts, each valid and under 50,000 URLs, together listing every visible article once', async () => {
    const { xml } = await fetchXml(t, '/sitemap.xml', XML);
    const parts: string[] = xml.sitemapindex.sitemap.map((s: Xml) => s.loc);
    const total = await t.portal.repositories.articles.countVisible(undefined, t.clock());
    assert.ok(total > ARTICLES_PER_SITEMAP);
    assert.deepEqual(parts, [
      `${ORIGIN}/sitemap-pages.xml`,
      ...Array.from({ length: Math.ceil(total / ARTICLES_PER_SITEMAP) }, (_, i) => `${ORIGIN}/sitemap-articles-${i + 1}.xml`),
    ]);
    const seen = new Set<string>();
    for (const part of parts) {
      const { xml: partXml } = await fetchXml(t, part.slice(ORIGIN.length), XML);
      const locs: string[] = partXml.urlset.url.map((u: Xml) => u.loc);
      assert.ok(locs.length <= 50_000, part);
      for (const loc of locs) {
        assert.ok(!seen.has(loc), `${loc} listed once`);
        seen.add(loc);
      }
    }
    const articleLocs = [...seen].filter((loc) => loc.startsWith(`${ORIGIN}/article/`));
    assert.equal(articleLocs.length, total);
    assert.equal((await fetch(`${t.baseUrl}/sitemap-articles-${parts.length}.xml`)).status, 404);
  });
});

describe('structured data and meta tags of article pages', () => {
  let t: TestApp;
  before(async () => {
    t = await makeTestApp();
  });
  after(() => t.close());

  const jsonLdOf = (page: Awaited<ReturnType<TestApp['get']>>) => {
    const scripts = page.$('script[type="application/ld+json"]');
    assert.equal(scripts.length, 1);
    return JSON.parse(scripts.text()) as { '@graph': Xml[] };
  };

  it('JSON-LD parses; its BreadcrumbList matches the visible breadcrumb; NewsArticle matches the page', async () => {
    const [withCover] = (await t.portal.repositories.articles.listVisible({ limit: 40 }, t.clock())).filter((a) => a.coverImage);
    const page = await t.get(`/article/${withCover!.id}`);
    const { $ } = page;
    const graph = jsonLdOf(page)['@graph'];
    const breadcrumb = graph.find((node) => node['@type'] === 'BreadcrumbList');
    const crumbs: { name: string; item: string; position: number }[] = breadcrumb.itemListElement;
    const links = $('.breadcrumb a')
      .map((_, a) => ({ name: $(a).text(), item: ORIGIN + $(a).attr('href') }))
      .get();
    assert.equal(links.length, 2);
    assert.deepEqual(
      crumbs.slice(0, -1).map(({ name, item }) => ({ name, item })),
      links,
    );
    assert.deepEqual(
      crumbs.map((c) => c.position),
      [1, 2, 3],
    );
    assert.equal(crumbs.at(-1)!.name, textOf($, 'article h1'));
    assert.equal(crumbs.at(-1)!.item, $('link[rel=canonical]').attr('href'));
    const news = graph.find((node) => node['@type'] === 'NewsArticle');
    assert.equal(news.headline, textOf($, 'article h1'));
    assert.equal(news.datePublished, $('.article-meta time').attr('datetime'));
    assert.equal(news.mainEntityOfPage['@id'], $('link[rel=canonical]').attr('href'));
    assert.equal(news.publisher.name, '社会法治观察网');
    assert.deepEqual(news.image, [$('meta[property="og:image"]').attr('content')]);
    assert.equal($('meta[property="og:image"]').attr('content'), ORIGIN + withCover!.coverImage);
    assert.equal($('meta[name="twitter:card"]').attr('content'), 'summary_large_image');
    const law = (await t.portal.repositories.categories.findBySlug(new URL(links[1]!.item).pathname.split('/')[2]!))!;
    assert.equal($(`head link[rel=alternate][type="application/rss+xml"][href="/category/${law.slug}/feed.xml"]`).length, 1);
  });

  it('a hostile title stays inside the JSON-LD; no cover: no image, a summary card', async () => {
    const repos = t.repos;
    const law = (await repos.categories.findBySlug('law'))!;
    const title = '坏标题</script><script>alert(1)</script>\u2028<!--';
    const id = await addArticle(repos, law.id, t.clock(), { title });
    const page = await t.get(`/article/${id}`);
    assert.equal(page.status, 200);
    assert.ok(!page.text.includes('<script>alert(1)'));
    assert.equal(page.$('script:not([src]):not([type="application/ld+json"])').length, 0, 'no inline script');
    const news = jsonLdOf(page)['@graph'].find((node) => node['@type'] === 'NewsArticle');
    assert.equal(news.headline, title);
    assert.equal('image' in news, false);
    assert.equal(page.$('meta[property="og:image"]').length, 0);
    assert.equal(page.$('meta[name="twitter:card"]').attr('content'), 'summary');
  });

  it('every reader page links the site feed and has a Twitter card', async () => {
    for (const url of ['/', '/category/law', '/rank', '/page/about']) {
      const { $ } = await t.get(url);
      assert.equal($('head link[rel=alternate][type="application/rss+xml"][href="/feed.xml"]').length, 1, url);
      assert.ok($('meta[name="twitter:card"]').attr('content'), url);
    }
    const { $ } = await t.get('/category/law');
    assert.equal($('head link[rel=alternate][href="/category/law/feed.xml"]').attr('title'), '法治要闻 - 社会法治观察网');
  });
});
