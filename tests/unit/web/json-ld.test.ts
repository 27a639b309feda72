// JSON-LD for article pages: what it says, and that no text can break out of its <script> element.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as cheerio from 'cheerio';
import ejs from 'ejs';
import path from 'node:path';
import type { Article, Category } from '../../../src/domain/types.js';
import { viewsDir } from '../../../src/paths.js';
import { articleJsonLd, articlePageJsonLd, serializeJsonLd } from '../../../src/web/json-ld.js';

const ORIGIN = 'https://shfz.example.cn';
const EVIL = '标题</script><script>alert(1)</script>\u2028换行\u2029段落 & <!-- ]]> "引号" \\';

function article(overrides: Partial<Article> = {}): Article {
  return {
    id: 42,
    categoryId: 3,
    title: '法院发布典型案例',
    summary: '摘要',
    coverImage: '/images/demo/cover-court.jpg',
    publishedAt: Date.UTC(2026, 10, 20, 3, 0, 0),
    views: 10,
    author: '本网记者 李明远',
    source: '本网',
    bodyHtml: '<p>正文</p>',
    isFeatured: false,
    status: 'published',
    homePin: 'none',
    pinnedUntil: null,
    hideCover: false,
    commentPolicy: 'category',
    responsibleEditor: '',
    correctedAt: null,
    reprint: null,
    authorStaffId: null,
    createdAt: Date.UTC(2026, 10, 19, 0, 0, 0),
    updatedAt: Date.UTC(2026, 10, 20, 5, 30, 0),
    ...overrides,
  };
}

const category: Category = {
  id: 3,
  slug: 'cases',
  name: '案例解读',
  description: '',
  sortOrder: 1,
  commentPolicy: 'open',
  reviewLevels: 2,
};

describe('serializeJsonLd', () => {
  it('escapes < > & U+2028 U+2029 so the text stays inside the JSON', () => {
    const out = serializeJsonLd({ headline: EVIL });
    assert.doesNotMatch(out, /[<>&\u2028\u2029]/);
    assert.ok(!out.toLowerCase().includes('</script'));
    assert.match(out, /\\u003c\/script\\u003e\\u003cscript\\u003ealert\(1\)\\u003c\/script\\u003e/);
    assert.match(out, /\\u2028.*\\u2029/);
    assert.deepEqual(JSON.parse(out), { headline: EVIL }, 'the same data to a JSON parser');
  });

  it('printed by the partial, a hostile title stays in one ld+json element', async () => {
    const jsonLd = articlePageJsonLd({
      article: article({ title: EVIL, author: EVIL }),
      category: { ...category, name: EVIL },
      site: { siteName: EVIL },
      origin: ORIGIN,
    });
    const html = await ejs.renderFile(path.join(viewsDir, 'partials', '_json-ld.ejs'), { jsonLd });
    const $ = cheerio.load(`<body>${html}</body>`);
    assert.equal($('script').length, 1, 'no second script element');
    assert.equal($('script').attr('type'), 'application/ld+json');
    const data = JSON.parse($('script').text());
    assert.equal(data['@graph'][0].headline, EVIL);
    assert.equal(data['@graph'][1].itemListElement[1].name, EVIL);
  });

  it('the partial prints nothing without data', async () => {
    assert.equal((await ejs.renderFile(path.join(viewsDir, 'partials', '_json-ld.ejs'), {})).trim(), '');
  });

  it('refuses what JSON cannot represent', () => {
    assert.throws(() => serializeJsonLd(undefined), TypeError);
  });
});

describe('articleJsonLd', () => {
  it('NewsArticle with headline, dates, author, publisher, image and the page it is about', () => {
    const [news] = articleJsonLd({ article: article(), category, site: { siteName: '社会法治观察网' }, origin: ORIGIN })[
      '@graph'
    ] as Record<string, unknown>[];
    assert.deepEqual(news, {
      '@type': 'NewsArticle',
      '@id': `${ORIGIN}/article/42#article`,
      headline: '法院发布典型案例',
      description: '摘要',
      url: `${ORIGIN}/article/42`,
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${ORIGIN}/article/42` },
      datePublished: '2026-11-20T03:00:00.000Z',
      dateModified: '2026-11-20T05:30:00.000Z',
      author: { '@type': 'Person', name: '本网记者 李明远' },
      publisher: { '@type': 'Organization', name: '社会法治观察网', url: `${ORIGIN}/` },
      image: [`${ORIGIN}/images/demo/cover-court.jpg`],
      articleSection: '案例解读',
      inLanguage: 'zh-CN',
    });
  });

  it('no image without a cover; the site as author when none is named; modified never before published', () => {
    const [news] = articleJsonLd({
      article: article({ coverImage: null, author: '', updatedAt: Date.UTC(2026, 10, 1) }),
      category,
      site: { siteName: '社会法治观察网' },
      origin: ORIGIN,
    })['@graph'] as Record<string, unknown>[];
    assert.equal('image' in news!, false);
    assert.deepEqual(news!.author, { '@type': 'Organization', name: '社会法治观察网', url: `${ORIGIN}/` });
    assert.equal(news!.dateModified, news!.datePublished);
  });

  it('BreadcrumbList: site > category > article, or site > article without a category', () => {
    const trail = (c: typeof category | undefined) =>
      (
        (
          articleJsonLd({ article: article(), category: c, site: { siteName: '社会法治观察网' }, origin: ORIGIN })['@graph'] as Record<
            string,
            unknown
          >[]
        )[1]!.itemListElement as { position: number; name: string; item: string }[]
      ).map((e) => [e.position, e.name, e.item]);
    assert.deepEqual(trail(category), [
      [1, '社会法治观察网', `${ORIGIN}/`],
      [2, '案例解读', `${ORIGIN}/category/cases`],
      [3, '法院发布典型案例', `${ORIGIN}/article/42`],
    ]);
    assert.deepEqual(trail(undefined), [
      [1, '社会法治观察网', `${ORIGIN}/`],
      [2, '法院发布典型案例', `${ORIGIN}/article/42`],
    ]);
  });
});
