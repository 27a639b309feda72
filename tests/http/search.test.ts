// Site search (/search?q=) over HTTP: Chinese queries of every length against a substring
// oracle, mixed Chinese/English, ranking, paging, safe highlighting, visibility, the index
// following every write, FTS syntax read as text, and the odd inputs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { NewArticle } from '../../src/domain/types.js';
import { sanitizeArticleHtml } from '../../src/services/html-sanitizer.js';
import { htmlToPlainText, normalizeForSearch, searchTerms } from '../../src/lib/search-tokens.js';
import { assertSiteChrome } from '../support/site-chrome.js';
import { makeTestApp, textOf, type Page, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;

describe('site search', () => {
  let t: TestApp;
  let categoryId: number;
  const ids: Record<string, number> = {};

  async function add(fields: Partial<NewArticle>): Promise<number> {
    return t.repos.articles.create(
      {
        categoryId,
        title: '测试文章',
        author: '记者',
        source: '本网',
        summary: '',
        bodyHtml: '<p>正文</p>',
        coverImage: null,
        isFeatured: false,
        status: 'published',
        publishedAt: t.clock() - 24 * HOUR,
        ...fields,
      },
      t.clock(),
    );
  }

  const search = (q: string, more = '') => t.get(`/search?q=${encodeURIComponent(q)}${more}`);
  const resultIds = (page: Page) =>
    page
      .$('.search-result-title a')
      .map((_, a) => Number(page.$(a).attr('href')!.replace('/article/', '')))
      .get();
  const repoIds = async (q: string) =>
    (await t.portal.repositories.articles.search(searchTerms(q), { limit: 1000, offset: 0 }, t.clock())).hits.map((h) => h.id);

  before(async () => {
    t = await makeTestApp();
    categoryId = (await t.portal.repositories.categories.findBySlug('law'))!.id;
    // together, and apart
    ids.together = await add({ title: '琥珀湾码头扩建听证会举行', bodyHtml: '<p>琥珀湾码头将新增两个泊位。</p>' });
    ids.apart = await add({
      title: '码头工人讲述琥珀与湾区的故事',
      summary: '琥珀，湾区，码头。',
      bodyHtml: '<p>琥珀色的<strong>海湾</strong></p>',
    });
    ids.acrossBlocks = await add({ title: '两段文字', bodyHtml: '<p>他说琥珀</p><p>湾区很美</p>' });
    // mixed Chinese and English
    ids.mixed = await add({ title: 'iPhone 16 手机维修纠纷调解成功', bodyHtml: '<p>消费者购买的 Apple 手机出现故障。</p>' });
    // ranking: a title hit above a newer body-only hit; identical texts newest first
    ids.titleHit = await add({
      title: '翡翠谷景区门票纠纷',
      bodyHtml: '<p>游客投诉景区收费。</p>',
      publishedAt: t.clock() - 30 * 24 * HOUR,
    });
    ids.bodyHit = await add({ title: '景区收费调查', bodyHtml: '<p>记者走访了翡翠谷等多个景区。</p>', publishedAt: t.clock() - HOUR });
    ids.olderTwin = await add({ title: '珊瑚礁保护条例施行', publishedAt: t.clock() - 3 * HOUR });
    ids.newerTwin = await add({ title: '珊瑚礁保护条例施行', publishedAt: t.clock() - 2 * HOUR });
    // escaping
    ids.markup = await add({
      title: '<b>粗体</b>标题里的蜃楼',
      summary: '摘要里也有<i>蜃楼</i>',
      bodyHtml: sanitizeArticleHtml('<p>&lt;script&gt;alert("蜃楼")&lt;/script&gt; 正文</p>'),
    });
    // never shown
    ids.visible = await add({ title: '雪松岭林场改制完成' });
    ids.draft = await add({ title: '雪松岭林场草稿', status: 'draft' });
    ids.scheduled = await add({ title: '雪松岭林场定时发布', status: 'scheduled', publishedAt: t.clock() + HOUR });
    ids.trashed = await add({ title: '雪松岭林场已删除' });
    await t.repos.articles.moveToTrash(ids.trashed, t.clock());
  });
  after(() => t.close());

  it('finds exactly the visible articles containing 1-, 2-, 3- and 4+-character Chinese queries', async () => {
    const now = t.clock();
    const visible = await t.portal.repositories.articles.listVisible({ limit: 10_000 }, now);
    const texts = new Map<number, string[]>();
    for (const summary of visible) {
      const article = (await t.portal.repositories.articles.findVisibleById(summary.id, now))!;
      texts.set(article.id, [article.title, article.summary, htmlToPlainText(article.bodyHtml)].map(normalizeForSearch));
    }
    const oracle = (q: string) =>
      [...texts]
        .filter(([, fields]) => fields.some((f) => f.includes(q)))
        .map(([id]) => id)
        .sort((a, b) => a - b);
    // fixed queries, and pieces of demo titles of every length, and characters taken apart
    const queries = [
      '法',
      '律',
      '院',
      '法院',
      '调解',
      '劳动争',
      '消费者',
      '法院判决',
      '个人信息保护',
      '人民调解委员会',
      '琥',
      '琥珀',
      '琥珀湾',
      '琥珀湾码头',
    ];
    for (const [i, summary] of visible.slice(0, 30).entries()) {
      const chars = Array.from(summary.title.replace(/[^\p{Script=Han}]/gu, ''));
      const length = 1 + (i % 6);
      const start = (i * 7) % Math.max(1, chars.length - length);
      queries.push(chars.slice(start, start + length).join(''));
      queries.push(`${chars[0]}${chars[chars.length - 1]}`, `${chars[chars.length - 1]}${chars[0]}${chars[1]}`);
    }
    let nonEmpty = 0;
    for (const q of new Set(queries.filter((q) => q !== ''))) {
      const expected = oracle(q);
      assert.deepEqual(
        (await repoIds(q)).sort((a, b) => a - b),
        expected,
        q,
      );
      if (expected.length > 0) nonEmpty += 1;
    }
    assert.ok(nonEmpty >= 30, `most queries find something (${nonEmpty})`);

    // and over HTTP, with the count
    const page = await search('琥珀湾');
    assert.equal(page.status, 200);
    assert.deepEqual(resultIds(page), [ids.together]);
    assert.match(textOf(page.$, '.search-count'), /找到 1 篇与“琥珀湾”相关的文章/);
    assert.deepEqual((await repoIds('琥珀')).sort(), [ids.together, ids.apart, ids.acrossBlocks].sort(), 'two characters');
    assert.deepEqual((await repoIds('琥')).sort(), [ids.together, ids.apart, ids.acrossBlocks].sort(), 'one character');
    assert.deepEqual(await repoIds('琥珀湾码头'), [ids.together], 'five characters');
  });

  it('never matches characters that only appear apart (法院 … 判决, across punctuation or paragraphs)', async () => {
    for (const q of ['琥珀湾', '珀湾', '湾区码头', '琥珀湾区']) {
      const found = await repoIds(q);
      assert.ok(!found.includes(ids.apart!) && !found.includes(ids.acrossBlocks!), q);
    }
    assert.deepEqual(await repoIds('珀湾'), [ids.together]);
    // demo articles that say 法院 and 判决, but not 法院判决, are not found by 法院判决
    const together = await repoIds('法院判决');
    const apart = (await repoIds('法院 判决')).filter((id) => !together.includes(id));
    assert.ok(together.length >= 2 && apart.length >= 2, `${together.length} together, ${apart.length} apart`);
    for (const id of together) {
      const article = (await t.portal.repositories.articles.findVisibleById(id, t.clock()))!;
      assert.ok(
        [article.title, article.summary, htmlToPlainText(article.bodyHtml)].some((f) => f.includes('法院判决')),
        `article ${id}`,
      );
    }
  });

  it('mixes Chinese and English (any case, full-width), each term required', async () => {
    for (const q of ['iphone手机', 'IPHONE 维修', 'iPhone16 手机', 'ｉＰｈｏｎｅ', 'apple 故障', '手机 Apple']) {
      const found = await repoIds(q);
      if (q === 'iPhone16 手机') assert.deepEqual(found, [], 'iphone16 is one word, the text has iPhone 16');
      else assert.deepEqual(found, [ids.mixed], q);
    }
    assert.deepEqual(await repoIds('android手机'), []);
    assert.deepEqual(await repoIds('iphon'), [], 'whole words only');
    const page = await search('iPhone 维修');
    assert.deepEqual(resultIds(page), [ids.mixed]);
    assert.deepEqual(
      page
        .$('.search-result-title mark')
        .map((_, m) => page.$(m).text())
        .get(),
      ['iPhone', '维修'],
    );
  });

  it('ranks a title hit above a body-only hit, and the newer of two equals first', async () => {
    assert.deepEqual(await repoIds('翡翠谷'), [ids.titleHit, ids.bodyHit]);
    assert.deepEqual(await repoIds('珊瑚礁保护'), [ids.newerTwin, ids.olderTwin]);
    const page = await search('翡翠谷');
    assert.deepEqual(resultIds(page), [ids.titleHit, ids.bodyHit]);
    // the body-only hit shows the body sentence with the hit marked
    assert.match(page.$('.search-result').eq(1).find('.search-result-snippet').text(), /记者走访了翡翠谷等多个景区/);
    assert.equal(page.$('.search-result').eq(1).find('.search-result-snippet mark').text(), '翡翠谷');
  });

  it('pages 20 results at a time with page links and a count', async () => {
    const made: number[] = [];
    for (let i = 0; i < 45; i += 1) made.push(await add({ title: `潮汐站观测记录第${i}号`, publishedAt: t.clock() - (i + 1) * 60_000 }));
    const first = await search('潮汐站');
    assert.equal(first.status, 200);
    assertSiteChrome(first);
    assert.match(textOf(first.$, '.search-count'), /找到 45 篇与“潮汐站”相关的文章，这是第 1\/3 页/);
    assert.equal(first.$('.search-result').length, 20);
    const base = `/search?q=${encodeURIComponent('潮汐站')}`;
    assert.equal(first.$('.pagination a[rel=next]').attr('href'), `${base}&page=2`);
    assert.equal(first.$(`.pagination a[href="${base}&page=3"]`).length, 1);
    assert.match(textOf(first.$, '.pagination .page-count'), /共 45 条/);
    const second = await search('潮汐站', '&page=2');
    const third = await search('潮汐站', '&page=3');
    assert.equal(third.$('.search-result').length, 5);
    assert.equal(third.$('.pagination .current').text(), '3');
    const all = [...resultIds(first), ...resultIds(second), ...resultIds(third)];
    assert.deepEqual(all, made, 'equal scores: newest first, no repeats, none missing');
    assert.equal((await search('潮汐站', '&page=4')).status, 404);
    assert.equal((await search('潮汐站', '&page=0')).status, 400);
    assert.equal((await search('潮汐站', '&page=x')).status, 400);
    assert.match(first.$('link[rel=canonical]').attr('href') ?? '', /\/search\?q=%E6%BD%AE%E6%B1%90%E7%AB%99$/);
    assert.match(first.$('title').text(), /^潮汐站 - 搜索结果 - 社会法治观察网$/);
  });

  it('highlights hits as text inside <mark> and never prints markup from titles, bodies or the query', async () => {
    const page = await search('蜃楼');
    const { $ } = page;
    assert.deepEqual(resultIds(page), [ids.markup]);
    assert.equal($('.search-result-title').text(), '<b>粗体</b>标题里的蜃楼');
    assert.equal($('.search-results b, .search-results i, main script').length, 0);
    assert.ok(page.text.includes('&lt;b&gt;粗体&lt;/b&gt;标题里的'));
    assert.ok($('mark').length >= 2);
    $('mark').each((_, mark) => {
      assert.equal($(mark).children().length, 0, 'a mark holds text only');
      assert.equal($(mark).text(), '蜃楼');
      assert.ok($(mark).closest('.search-results').length === 1, 'marks only in results');
    });

    const scripted = await search('<script>');
    assert.equal(scripted.status, 200);
    assert.deepEqual(resultIds(scripted), [ids.markup], 'the body text says <script>');
    assert.equal(scripted.$('main script, main b').length, 0);
    assert.ok(!scripted.text.includes('<script>'), 'no raw <script> anywhere');
    assert.equal(scripted.$('#search-q').val(), '<script>', 'the query is echoed escaped');
    assert.equal(scripted.$('#site-search-q').val(), '<script>', 'and kept in the header box');
    scripted.$('.search-results mark').each((_, mark) => assert.equal(scripted.$(mark).text().toLowerCase(), 'script'));
    assert.match(scripted.$('.search-result-snippet').text(), /<script>alert\("蜃楼"\)<\/script>/);

    const attack = await search('"><img src=x onerror=alert(1)>法院');
    assert.equal(attack.status, 200);
    assert.equal(attack.$('img[onerror], main img[src=x]').length, 0);
  });

  it('never finds drafts, scheduled articles before their time, or the trash', async () => {
    assert.deepEqual(await repoIds('雪松岭'), [ids.visible]);
    const page = await search('雪松岭林场');
    assert.deepEqual(resultIds(page), [ids.visible]);
    const start = t.clock();
    t.clock.advance(2 * HOUR);
    try {
      assert.deepEqual((await repoIds('雪松岭')).sort(), [ids.visible, ids.scheduled].sort(), 'scheduled: found once its time comes');
    } finally {
      t.clock.set(start);
    }
  });

  it('follows create, update, publish, trash, restore and purge', async () => {
    const articles = t.repos.articles;
    const id = await add({ title: '银杏坡古树名录公布', status: 'draft' });
    assert.deepEqual(await repoIds('银杏坡'), [], 'a draft is not found');
    const current = async () => {
      const { version, categoryId, title, author, source, summary, bodyHtml, coverImage, isFeatured, status, publishedAt } =
        (await articles.findById(id))!;
      return { version, fields: { categoryId, title, author, source, summary, bodyHtml, coverImage, isFeatured, status, publishedAt } };
    };
    const save = async (changes: Partial<NewArticle>) => {
      const { version, fields } = await current();
      assert.ok(await articles.update(id, version, { ...fields, ...changes }, t.clock()));
    };
    await save({ status: 'published', publishedAt: t.clock() - HOUR });
    assert.deepEqual(await repoIds('银杏坡'), [id], 'published');
    await save({ title: '梧桐坡古树名录公布', bodyHtml: '<p>名录收录百年梧桐。</p>' });
    assert.deepEqual(await repoIds('银杏坡'), [], 'the old title is gone from the index');
    assert.deepEqual(await repoIds('梧桐坡'), [id]);
    assert.deepEqual(await repoIds('百年梧桐'), [id], 'the new body is indexed');
    assert.equal(await articles.update(id, 1, { ...(await current()).fields, title: '冲突' }, t.clock()), false, 'stale version');
    assert.deepEqual(await repoIds('冲突'), [], 'a refused save changes nothing');
    await save({ status: 'draft' });
    assert.deepEqual(await repoIds('梧桐坡'), [], 'back to draft');
    await save({ status: 'published' });
    assert.ok(await articles.moveToTrash(id, t.clock()));
    assert.deepEqual(await repoIds('梧桐坡'), [], 'trashed');
    assert.ok(await articles.restoreFromTrash(id, t.clock()));
    assert.deepEqual(await repoIds('梧桐坡'), [id], 'restored');
    assert.equal((await search('梧桐坡')).$('.search-result').length, 1);
    assert.ok(await articles.moveToTrash(id, t.clock()));
    assert.ok(await articles.purge(id));
    assert.deepEqual(await repoIds('梧桐坡'), [], 'purged');
    assert.equal((await search('梧桐坡')).$('.search-result').length, 0);
  });

  it('reads FTS syntax, %, _ and quotes as plain text, never as operators (and never a 500)', async () => {
    const law = await repoIds('法院');
    assert.ok(law.length > 3);
    for (const q of [
      '法院*',
      '"法院"',
      '法院"',
      '(法院)',
      '^法院',
      '-法院',
      '+法院',
      '法院:',
      'title:法院',
      '%法院%',
      '_法院_',
      "'法院'",
      '{title}法院',
      '法院;',
    ]) {
      const page = await search(q);
      assert.equal(page.status, 200, q);
      const asksForTitle = searchTerms(q).some((term) => term.text === 'title');
      assert.deepEqual(await repoIds(q), asksForTitle ? [] : law, q);
    }
    // operators are words that must appear in the text
    for (const q of ['法院 OR 判决', 'NEAR(法院 判决)', '法院 NOT 判决', '法院 AND 判决', "' OR 1=1 --", '法院 - 判决']) {
      const page = await search(q);
      assert.equal(page.status, 200, q);
      assert.deepEqual(
        await repoIds(q),
        await repoIds(
          searchTerms(q)
            .map((term) => term.text)
            .join(' '),
        ),
        q,
      );
    }
    assert.deepEqual(await repoIds('法院 OR 判决'), [], 'nothing says "or"');
    const withNul = await t.get('/search?q=%00%E6%B3%95%E9%99%A2%1B');
    assert.equal(withNul.status, 200);
    assert.equal(withNul.$('.search-result').length, Math.min(20, law.length));
    assert.ok(!/[\u0000\u001b]/.test(withNul.text), 'control characters are not echoed');
    assert.equal((await t.get('/search?q=%ED%A0%80%FF')).status, 200, 'bytes that are not UTF-8');
    for (const q of ['%', '_', '"', '""', '*', "'", '\\', '()', 'NEAR', '^', ':', '-']) {
      const page = await search(q);
      assert.equal(page.status, 200, q);
      assert.doesNotMatch(page.text, /Error|at .*\.ts:\d+/, q);
      if (searchTerms(q).length === 0) assert.equal(page.$('.search-hint').length, 1, q);
    }
  });

  it('shows the search page with a hint for an empty query', async () => {
    for (const url of ['/search', '/search?q=', '/search?q=%20%20', '/search?q=%E3%80%80']) {
      const page = await t.get(url);
      assert.equal(page.status, 200, url);
      assertSiteChrome(page);
      assert.equal(textOf(page.$, 'main h1'), '站内搜索');
      assert.match(textOf(page.$, '.search-hint'), /请输入要查找的词语/);
      assert.equal(page.$('.search-results, .search-count').length, 0);
    }
  });

  it('refuses repeated q parameters and queries over 100 characters with 400', async () => {
    assert.equal((await t.get('/search?q=a&q=b')).status, 400);
    const long = await search('法'.repeat(101));
    assert.equal(long.status, 400);
    assert.match(textOf(long.$, '.field-error'), /最多 100 个字/);
    assertSiteChrome(long);
    const longest = await search(`${'琥珀湾码头'.repeat(20)}`);
    assert.equal(longest.status, 200, '100 characters are fine');
    assert.equal(longest.$('.search-result').length, 0);
    assert.equal((await search(`  ${'法'.repeat(100)}  `)).status, 200, 'spaces around do not count');
    assert.equal((await t.get('/search?q[]=x')).status, 200, 'not the q parameter: ignored');
  });

  it('puts a labelled search box in the header of every reader page', async () => {
    for (const url of ['/', '/category/law', `/article/${ids.visible}`, '/search?q=%E7%90%A5']) {
      const { $ } = await t.get(url);
      const form = $('header form[role=search]');
      assert.equal(form.attr('method'), 'get', url);
      assert.equal(form.attr('action'), '/search');
      const input = form.find('input[name=q]');
      assert.equal($(`label[for="${input.attr('id')}"]`).text(), '搜索本站文章');
      assert.equal(form.find('button[type=submit]').text(), '搜索');
    }
    const { $ } = await t.get('/search?q=%E7%90%A5');
    assert.equal($('#site-search-q').val(), '琥');
  });
});
