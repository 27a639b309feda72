// Where a reader goes after an article (issue 18): 上一篇/下一篇 in its category, 相关阅读 from the
// search index, tags with their pages and feeds, 专题 with the 事件追踪 status (the topic page,
// the box on its articles, the home page block), author pages from linked bylines, the 分享
// block and the reading tools. No link ever points to an article readers cannot see, every
// page changes on the next request after an edit, and bad ids or input give 404 or 422.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ArticleSummary } from '../../src/domain/types.js';
import { ShareCodes } from '../../src/services/share-code.js';
import { loggedIn } from '../support/admin.js';
import type { ReaderSession } from '../support/browser-session.js';
import { multipart } from '../support/multipart.js';
import { makeTestApp, textOf, type Page, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;

describe('reading paths', () => {
  let t: TestApp;
  let chief: ReaderSession;
  let demo: ArticleSummary[];
  let law: number;

  before(async () => {
    t = await makeTestApp();
    chief = await loggedIn(t, 'chief');
    law = (await t.portal.repositories.categories.findBySlug('law'))!.id;
    demo = await t.portal.repositories.articles.listVisible({ limit: 100 }, t.clock());
    for (const article of demo) await t.portal.related.refresh(article.id);
  });
  after(() => t.close());

  const byTitle = (start: string) => {
    const found = demo.find((article) => article.title.startsWith(start));
    assert.ok(found, start);
    return found;
  };
  const links = (page: Page, selector: string) =>
    page
      .$(selector)
      .map((_, a) => page.$(a).attr('href'))
      .get();
  const articleFields = (overrides: Record<string, string> = {}) => ({
    _csrf: chief.csrfToken,
    title: `阅读路径测试 ${Math.random().toString(36).slice(2, 8)}`,
    categoryId: String(law),
    author: '测试记者',
    source: '本网',
    summary: '用于测试的摘要。',
    bodyHtml: '<p>正文。</p>',
    status: 'published',
    publishAt: '',
    version: '0',
    ...overrides,
  });
  async function publish(overrides: Record<string, string> = {}): Promise<number> {
    await chief.get('/admin/articles/new');
    const response = await chief.postMultipart('/admin/articles', multipart(articleFields(overrides)));
    assert.equal(response.status, 303, textOf(response.$, '.notice, .field-error'));
    return Number(/\/admin\/articles\/(\d+)\/edit/.exec(response.headers.get('location')!)![1]);
  }
  async function retract(id: number) {
    await chief.get(`/admin/articles/${id}/edit`);
    const response = await chief.post(`/admin/articles/${id}/retract`, { _csrf: chief.csrfToken, reason: '测试撤稿' });
    assert.equal(response.status, 303);
  }

  it('上一篇/下一篇: the neighbours in the category by publish time, none at the ends, never a withdrawn one', async () => {
    const inLaw = await t.portal.repositories.articles.listVisible({ categoryId: law, limit: 100 }, t.clock());
    const [newest, middle, older] = inLaw;
    const page = await t.get(`/article/${middle!.id}`);
    assert.deepEqual(links(page, '.prev-article a'), [`/article/${older!.id}`]);
    assert.deepEqual(links(page, '.next-article a'), [`/article/${newest!.id}`]);
    assert.equal(textOf(page.$, '.next-article a'), newest!.title);
    assert.equal((await t.get(`/article/${newest!.id}`)).$('.next-article').length, 0, 'none after the newest');
    assert.equal((await t.get(`/article/${inLaw.at(-1)!.id}`)).$('.prev-article').length, 0, 'none before the oldest');

    t.clock.advance(HOUR);
    const added = await publish();
    assert.deepEqual(links(await t.get(`/article/${newest!.id}`), '.next-article a'), [`/article/${added}`], 'on the next request');
    await retract(added);
    assert.equal((await t.get(`/article/${newest!.id}`)).$('.next-article').length, 0, 'a withdrawn article is never linked');
  });

  it('相关阅读 finds related reports on the demo content, and leaves unrelated ones out', async () => {
    const relatedOf = async (title: string) => links(await t.get(`/article/${byTitle(title).id}`), '.related-reading a');
    const related: [string, string][] = [
      ['记者追踪：老旧小区改造工地', '老旧小区改造工地安全追踪'],
      ['校门口“五毛零食”', '开学第一天'],
      ['小区强推“刷脸”门禁', '小区物业擅涨停车费'],
    ];
    for (const [one, other] of related) {
      assert.ok((await relatedOf(one)).includes(`/article/${byTitle(other).id}`), `${one} → ${other}`);
      assert.ok((await relatedOf(other)).includes(`/article/${byTitle(one).id}`), `${other} → ${one}`);
    }
    const unrelated: [string, string][] = [
      ['清晨巡河', '出借银行卡'],
      ['未拴绳宠物犬', '行政复议'],
    ];
    for (const [one, other] of unrelated) {
      assert.ok(!(await relatedOf(one)).includes(`/article/${byTitle(other).id}`), `${one} ↛ ${other}`);
      assert.ok(!(await relatedOf(other)).includes(`/article/${byTitle(one).id}`), `${other} ↛ ${one}`);
    }
    for (const article of demo) assert.ok((await relatedOf(article.title)).length <= 6);
  });

  it('相关阅读 is computed on save, read from storage at render, and never links a withdrawn article', async () => {
    const first = await publish({
      title: '云泽河口湿地保护条例施行 候鸟栖息地划定红线',
      summary: '湿地保护条例施行，候鸟栖息地划定生态保护红线。',
    });
    t.clock.advance(60_000);
    const second = await publish({
      title: '湿地保护条例施行首月 候鸟栖息地巡查发现三起违法',
      summary: '候鸟栖息地巡查中发现违法行为，湿地保护执法持续。',
    });
    assert.ok(links(await t.get(`/article/${second}`), '.related-reading a').includes(`/article/${first}`), 'computed when saved');
    await t.portal.related.refresh(first);
    assert.ok(links(await t.get(`/article/${first}`), '.related-reading a').includes(`/article/${second}`), 'and when refreshed');
    await retract(second);
    assert.ok(!links(await t.get(`/article/${first}`), '.related-reading a').includes(`/article/${second}`), 'filtered at render');
    assert.deepEqual(await t.portal.repositories.related.listIds(first), [second], 'the stored list is left to the next refresh');
  });

  it('tags: typed in the editor, cleaned and merged; each tag’s page and feed list its articles, paginated', async () => {
    const id = await publish({ tags: ' 湿地保护 、候鸟，湿地保护\n生态\u0007环境 ' });
    assert.deepEqual(
      (await t.portal.repositories.tags.listForArticle(id)).map((tag) => tag.name),
      ['湿地保护', '候鸟', '生态环境'],
      'trimmed, control characters removed, repeats merged, in order',
    );
    const page = await t.get(`/article/${id}`);
    const tagLinks = links(page, '.article-tags a');
    assert.equal(tagLinks.length, 3);
    const keywords = JSON.parse(page.$('script[type="application/ld+json"]').text())['@graph'][0].keywords;
    assert.equal(keywords, '湿地保护,候鸟,生态环境');

    const tagPage = await t.get(tagLinks[0]!);
    assert.equal(tagPage.status, 200);
    assert.equal(textOf(tagPage.$, 'h1'), '标签：湿地保护');
    assert.ok(links(tagPage, '.article-list .article-item-title a').includes(`/article/${id}`));
    const feed = await t.get(`${tagLinks[0]}/feed.xml`);
    assert.match(feed.headers.get('content-type')!, /rss/);
    assert.match(feed.text, new RegExp(`/article/${id}<`));

    // paginated, 20 a page
    const tagId = Number(tagLinks[1]!.split('/').pop());
    for (let i = 0; i < 21; i++) {
      t.clock.advance(1000);
      await publish({ tags: '候鸟' });
    }
    const second = await t.get(`/tag/${tagId}?page=2`);
    assert.equal(second.$('.article-list .article-item').length, 2);
    assert.equal((await t.get(`/tag/${tagId}?page=3`)).status, 404);

    const tooMany = await chief.postMultipart('/admin/articles', multipart(articleFields({ tags: 'a,b,c,d,e,f,g,h,i,j,k' })));
    assert.equal(tooMany.status, 422);
    assert.match(textOf(tooMany.$, '.field-error'), /最多 10 个标签/);
    assert.equal(tooMany.$('input[name=tags]').val(), 'a,b,c,d,e,f,g,h,i,j,k', 'the input is kept');
    const tooLong = await chief.postMultipart(
      '/admin/articles',
      multipart(articleFields({ tags: '一二三四五六七八九十一二三四五六七八九十一' })),
    );
    assert.equal(tooLong.status, 422);
    assert.match(textOf(tooLong.$, '.field-error'), /不超过 20 个字/);

    for (const path of ['/tag/999999', '/tag/abc', '/tag/999999/feed.xml']) {
      const missing = await t.get(path);
      assert.equal(missing.status, 404, path);
    }
    assert.equal((await t.get('/tag/999999')).$('.main-nav').length, 1, 'with the site chrome');
  });

  it('专题: editors gather articles; the topic page, the box on each article and the home block show the status', async () => {
    const [one, two, three] = [byTitle('出借银行卡'), byTitle('酒后挪车'), byTitle('行政复议')];
    await chief.get('/admin/topics/new');
    const form = {
      _csrf: chief.csrfToken,
      title: '法治观察：身边的法律风险',
      slug: 'legal-risks',
      intro: '几件身边的案子。',
      coverImage: '',
      status: 'investigating',
      articleIds: `${one.id}\n${two.id}, ${three.id}`,
    };
    const created = await chief.post('/admin/topics', form);
    assert.equal(created.status, 303, textOf(created.$, '.field-error, .notice'));
    const taken = await chief.post('/admin/topics', { ...form, title: '另一个' });
    assert.equal(taken.status, 422);
    assert.match(textOf(taken.$, '.field-error'), /已被另一个专题使用/);
    assert.equal(taken.$('input[name=title]').val(), '另一个', 'the input is kept');
    const unknown = await chief.post('/admin/topics', { ...form, slug: 'other', articleIds: '999999' });
    assert.equal(unknown.status, 422);
    const badSlug = await chief.post('/admin/topics', { ...form, slug: 'Not A Slug' });
    assert.equal(badSlug.status, 422);

    const topicPage = await t.get('/topic/legal-risks');
    assert.equal(topicPage.status, 200);
    assert.equal(textOf(topicPage.$, '.topic-header .topic-status'), '调查中');
    assert.deepEqual(
      links(topicPage, '.topic-timeline a'),
      [one, two, three].sort((a, b) => b.publishedAt - a.publishedAt).map((a) => `/article/${a.id}`),
      'newest first',
    );
    const articlePage = await t.get(`/article/${two.id}`);
    assert.match(textOf(articlePage.$, '.topic-box h2'), /本文所属专题：法治观察：身边的法律风险 调查中/);
    assert.equal(articlePage.$('.topic-latest li').length, 3);
    const home = await t.get('/');
    assert.ok(links(home, '.topics-block .topic-card-title a').includes('/topic/legal-risks'));

    // closed: it stays, but leaves the home page; the feed and the sitemap list it
    const topic = (await t.portal.repositories.topics.findBySlug('legal-risks'))!;
    await chief.get(`/admin/topics/${topic.id}/edit`);
    assert.equal((await chief.post(`/admin/topics/${topic.id}`, { ...form, _csrf: chief.csrfToken, status: 'closed' })).status, 303);
    assert.ok(!links(await t.get('/'), '.topics-block a').includes('/topic/legal-risks'), 'on the next request');
    assert.equal(textOf((await t.get('/topic/legal-risks')).$, '.topic-header .topic-status'), '已结案');
    assert.match((await t.get('/topic/legal-risks/feed.xml')).text, new RegExp(`/article/${one.id}<`));
    const sitemap = (await t.get('/sitemap.xml')).text;
    assert.match(sitemap, /\/topic\/legal-risks</);
    assert.match(sitemap, /\/tag\/\d+</);
    for (const path of ['/topic/nope', '/topic/nope/feed.xml']) assert.equal((await t.get(path)).status, 404, path);
    assert.equal((await chief.get('/admin/topics/999999/edit')).status, 404);
  });

  it('a withdrawn article leaves its topic’s page and boxes', async () => {
    const id = await publish({ title: '专题撤稿测试' });
    await chief.get('/admin/topics/new');
    await chief.post('/admin/topics', {
      _csrf: chief.csrfToken,
      title: '撤稿测试专题',
      slug: 'retraction-check',
      intro: '',
      coverImage: '',
      status: 'none',
      articleIds: `${id}\n${byTitle('出借银行卡').id}`,
    });
    assert.ok(links(await t.get('/topic/retraction-check'), '.topic-timeline a').includes(`/article/${id}`));
    await retract(id);
    assert.ok(!links(await t.get('/topic/retraction-check'), '.topic-timeline a').includes(`/article/${id}`));
    assert.ok(!links(await t.get(`/article/${byTitle('出借银行卡').id}`), '.topic-latest a').includes(`/article/${id}`));
  });

  it('author pages: a linked byline opens the staff card (never the card number) and their articles; others stay plain', async () => {
    const linked = byTitle('小区物业擅涨停车费');
    const page = await t.get(`/article/${linked.id}`);
    const href = page.$('.article-meta a.author-link').attr('href')!;
    assert.match(href, /^\/author\/\d+$/);
    const author = await t.get(href);
    assert.equal(author.status, 200);
    assert.match(textOf(author.$, '.author-card'), /陈思远.*舆论监督部.*首席记者.*在职/);
    assert.doesNotMatch(author.text, /SHFZ-2020-0032/, 'the card number stays the proof 人员查询 asks for');
    assert.ok(links(author, '.article-list .article-item-title a').includes(`/article/${linked.id}`));
    assert.equal((await t.get(`/article/${byTitle('清晨巡河').id}`)).$('.article-meta a.author-link').length, 0, 'a plain byline');

    const staffId = Number(href.split('/').pop());
    const member = (await t.portal.repositories.staff.findById(staffId))!;
    await t.storage.transaction((tx) => tx.staff.update(staffId, { ...member, status: 'left' }));
    assert.match(textOf((await t.get(href)).$, '.author-card'), /离职/, 'the page changes on the next request');

    const id = await publish({ authorStaffId: String(staffId) });
    assert.equal((await t.get(`/article/${id}`)).$('.article-meta a.author-link').attr('href'), href, 'editors link a byline');
    const refused = await chief.postMultipart('/admin/articles', multipart(articleFields({ authorStaffId: '999999' })));
    assert.equal(refused.status, 422);
    for (const path of ['/author/999999', '/author/x']) assert.equal((await t.get(path)).status, 404, path);
  });

  it('分享 and the reading tools: a QR code drawn on the server, 字号 anchors, the print address; odd sizes are never reflected', async () => {
    const { id } = byTitle('清晨巡河');
    const page = await t.get(`/article/${id}`);
    assert.equal(page.$('.share-qr svg path').length, 1);
    assert.match(page.$('.share-qr svg path').attr('d')!, /^(M\d+ \d+\.5h\d+(m\d+ 0h\d+)*)+$/);
    assert.match(page.$('#share-url').val() as string, new RegExp(`/article/${id}$`));
    assert.match(textOf(page.$, '.print-url'), new RegExp(`本文网址：.*/article/${id}`));
    assert.deepEqual(links(page, '.size-links a'), ['#size-large', '#size-medium', '#size-small']);
    assert.equal(page.$('#size-large.size-anchor').length, 1);
    const drawnOnTheFly = page.$('.share-qr svg path').attr('d');
    assert.ok((await new ShareCodes(t.storage, t.clock).drawMissing()) >= demo.length, 'drawn once for every visible article');
    const read = await t.portal.repositories.articlePages.findVisible(id, t.clock(), { latestFloors: 1, repliesPerFloor: 1 });
    assert.equal(read!.reading.shareCode?.url, page.$('#share-url').val());
    assert.equal(await new ShareCodes(t.storage, t.clock).drawMissing(), 0, 'and not again');
    assert.equal((await t.get(`/article/${id}?page=1`)).$('.share-qr svg path').attr('d'), drawnOnTheFly, 'the stored drawing is the same');
    const odd = await t.get(`/article/${id}?size=%3Cscript%3Ehuge`);
    assert.equal(odd.status, 200);
    assert.doesNotMatch(odd.text, /huge/);
  });
});
