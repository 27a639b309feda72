// Where an article shows: editors choose the 头条 and what is 置顶 on the home page (with an
// optional end), the article page shows the cover once, and 预览 is the reader's page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loggedIn } from '../support/admin.js';
import type { ReaderSession } from '../support/browser-session.js';
import { multipart } from '../support/multipart.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';
import { toLocalInputValue } from '../../src/services/site-time.js';

const HOUR = 3_600_000;

describe('article placement', () => {
  let t: TestApp;
  let editor: ReaderSession;
  before(async () => {
    t = await makeTestApp();
    editor = await loggedIn(t, 'chief');
  });
  after(() => t.close());

  /** The article's edit form as posted back, with some fields changed. */
  async function save(id: number, changes: Record<string, string>) {
    const form = await editor.get(`/admin/articles/${id}/edit`);
    const fields: Record<string, string> = {};
    form
      .$('#article-form')
      .find('input, textarea, select')
      .each((_, el) => {
        const name = form.$(el).attr('name');
        const type = form.$(el).attr('type');
        if (!name || type === 'file') return;
        if (type === 'checkbox') {
          if (form.$(el).attr('checked') !== undefined) fields[name] = form.$(el).attr('value') ?? '1';
        } else if (el.tagName === 'select')
          fields[name] = form.$(el).find('option[selected]').attr('value') ?? form.$(el).find('option').first().attr('value') ?? '';
        else if (el.tagName === 'textarea') fields[name] = form.$(el).text();
        else fields[name] = form.$(el).attr('value') ?? '';
      });
    for (const [key, value] of Object.entries(changes)) {
      if (value === '') delete fields[key];
      else fields[key] = value;
    }
    return editor.postMultipart(`/admin/articles/${id}`, multipart({ ...fields, _csrf: editor.csrfToken }));
  }

  const home = () => t.get('/');
  const headlineOf = async () => (await home()).$('.headline h2 a').attr('href');
  const localTime = (instant: number) => toLocalInputValue(instant, 'Asia/Shanghai');

  describe('头条 and 置顶 on the home page', () => {
    it('without a pin the newest article with a cover leads', async () => {
      const [newestWithCover] = (await t.portal.repositories.articles.listVisible({ limit: 50 }, t.clock())).filter((a) => a.coverImage);
      assert.equal(await headlineOf(), `/article/${newestWithCover!.id}`);
      assert.equal((await home()).$('.pin-tag').length, 0);
    });

    it('a 头条 leads from the next request on, 置顶 articles open the list, and clearing them restores the default', async () => {
      const visible = await t.portal.repositories.articles.listVisible({ limit: 50 }, t.clock());
      const defaultHeadline = await headlineOf();
      const [old, older, oldest] = visible.slice(-3); // three of the oldest articles, newest first
      const cached = await home();
      assert.equal((await home()).headers.get('x-page-cache'), 'hit', 'the home page is cached before the change');

      assert.equal((await save(old!.id, { homePin: 'headline' })).status, 303);
      const page = await home();
      assert.equal(page.headers.get('x-page-cache'), 'miss', 'the change emptied the cache');
      assert.equal(page.$('.headline h2 a').attr('href'), `/article/${old!.id}`);
      assert.notEqual(page.text, cached.text);

      assert.equal((await save(older!.id, { homePin: 'top' })).status, 303);
      assert.equal((await save(oldest!.id, { homePin: 'top' })).status, 303);
      const withTops = await home();
      const first = withTops.$('.latest-list li').slice(0, 2);
      assert.deepEqual(
        first.map((_, li) => withTops.$(li).find('a:not(.tag)').attr('href')).get(),
        [`/article/${older!.id}`, `/article/${oldest!.id}`],
        'newest 置顶 first',
      );
      assert.deepEqual(
        first.map((_, li) => textOf(withTops.$, `.latest-list li:nth-child(${withTops.$(li).index() + 1}) .pin-tag`)).get(),
        ['置顶', '置顶'],
      );
      assert.equal(withTops.$('.headline h2 a').attr('href'), `/article/${old!.id}`, '头条 stays above 置顶');
      assert.equal(withTops.$(`.latest-list a[href="/article/${old!.id}"]`).length, 0, 'the headline is not listed again');

      // two 头条: the newer leads, the other opens the list
      assert.equal((await save(older!.id, { homePin: 'headline' })).status, 303);
      const twoHeadlines = await home();
      assert.equal(twoHeadlines.$('.headline h2 a').attr('href'), `/article/${old!.id}`, 'old was published after older');
      assert.equal(twoHeadlines.$('.latest-list li').first().find('a:not(.tag)').attr('href'), `/article/${older!.id}`);

      for (const article of [old!, older!, oldest!]) assert.equal((await save(article.id, { homePin: 'none' })).status, 303);
      assert.equal(await headlineOf(), defaultHeadline);
      assert.equal((await home()).$('.pin-tag').length, 0);
    });

    it('a pin with an end time ends by itself: the next request after it shows the default again', async () => {
      const defaultHeadline = await headlineOf();
      const visible = await t.portal.repositories.articles.listVisible({ limit: 50 }, t.clock());
      const pinned = visible.at(-1)!;
      const response = await save(pinned.id, { homePin: 'headline', pinnedUntil: localTime(t.clock() + 2 * HOUR) });
      assert.equal(response.status, 303);
      assert.equal(await headlineOf(), `/article/${pinned.id}`);
      assert.equal((await home()).headers.get('x-page-cache'), 'hit');
      const list = await editor.get(`/admin/articles?q=${encodeURIComponent(pinned.title)}`);
      assert.match(textOf(list.$, `tr:has(a[href="/admin/articles/${pinned.id}/edit"]) .status-pinned`), /^头条 至 /);

      t.clock.advance(HOUR);
      assert.equal(await headlineOf(), `/article/${pinned.id}`, 'still pinned an hour later');
      t.clock.advance(HOUR + 1000);
      const after = await home();
      assert.equal(after.headers.get('x-page-cache'), 'miss', 'the pin’s end is a turning point of the cache');
      assert.equal(after.$('.headline h2 a').attr('href'), defaultHeadline, 'no write needed: the pin ended');
      assert.equal(
        (await editor.get(`/admin/articles/${pinned.id}/edit`)).$('#article-homePin option[selected]').attr('value'),
        'headline',
        'the form still shows what the editor chose',
      );
    });

    it('refuses a pin end in the past or an unknown position with 422, keeping the input, changing nothing', async () => {
      const article = (await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock()))[0]!;
      const before = await t.portal.repositories.articles.findById(article.id);
      const past = await save(article.id, { homePin: 'headline', pinnedUntil: localTime(t.clock() - HOUR), title: '改过的标题' });
      assert.equal(past.status, 422);
      assert.match(textOf(past.$, '#article-pinnedUntil-error'), /必须晚于现在/);
      assert.equal(past.$('#article-title').attr('value'), '改过的标题');
      assert.equal(past.$('#article-homePin option[selected]').attr('value'), 'headline');
      const unknown = await save(article.id, { homePin: 'top-of-the-world' });
      assert.equal(unknown.status, 422);
      const repeatedForm = multipart({ _csrf: editor.csrfToken, homePin: 'top' });
      repeatedForm.append('homePin', 'headline');
      assert.equal((await editor.postMultipart(`/admin/articles/${article.id}`, repeatedForm)).status, 400, 'a repeated field');
      assert.deepEqual(await t.portal.repositories.articles.findById(article.id), before);
    });
  });

  describe('the cover, once', () => {
    const uploaded = '/uploads/202612-0123456789abcdef01234567-cover.webp';

    it('shows the cover above the body by default, and not when the body shows the same upload', async () => {
      const categoryId = (await t.portal.repositories.categories.findBySlug('law'))!.id;
      const create = (bodyHtml: string, extra: Record<string, unknown> = {}) =>
        t.repos.articles.create(
          {
            categoryId,
            title: '封面测试',
            author: '',
            source: '',
            summary: '',
            bodyHtml,
            coverImage: uploaded,
            isFeatured: false,
            status: 'published',
            publishedAt: t.clock() - HOUR,
            ...extra,
          },
          t.clock(),
        );
      const plain = await create('<p>正文没有图片。</p>');
      const repeating = await create('<p>正文</p><p><img src="/uploads/202612-0123456789abcdef01234567.webp" alt=""></p>');
      const otherPicture = await create('<p><img src="/uploads/202612-fedcba9876543210fedcba98.webp" alt=""></p>');
      const hidden = await create('<p>编辑选择不在文章页显示封面。</p>', { hideCover: true });
      const cover = async (id: number) => (await t.get(`/article/${id}`)).$('.article-cover img').attr('src');
      assert.equal(await cover(plain), uploaded);
      assert.equal(await cover(repeating), undefined, 'the body already shows this picture');
      assert.equal(await cover(otherPicture), uploaded, 'another picture in the body');
      assert.equal(await cover(hidden), undefined, 'hidden by the editor');
      const hiddenPage = await t.get(`/article/${hidden}`);
      assert.equal(
        hiddenPage.$('meta[property="og:image"]').attr('content'),
        `https://${(await t.portal.chrome.get()).settings.siteDomain}${uploaded}`,
        'shares still use it',
      );
    });

    it('editors hide the cover on the article page with a box in the editor', async () => {
      const withCover = (await t.portal.repositories.articles.listVisible({ limit: 50 }, t.clock())).find(
        (a) => a.coverImage && a.title !== '封面测试',
      )!;
      assert.equal((await t.get(`/article/${withCover.id}`)).$('.article-cover').length, 1);
      assert.equal((await save(withCover.id, { hideCover: '1' })).status, 303);
      assert.equal((await t.get(`/article/${withCover.id}`)).$('.article-cover').length, 0);
      assert.equal((await t.portal.repositories.articles.findById(withCover.id))!.hideCover, true);
      assert.equal((await editor.get(`/admin/articles/${withCover.id}/edit`)).$('input[name=hideCover]').attr('checked'), 'checked');
      assert.equal((await save(withCover.id, { hideCover: '' })).status, 303);
      assert.equal((await t.get(`/article/${withCover.id}`)).$('.article-cover').length, 1);
    });
  });

  describe('预览', () => {
    it('is the reader’s article page with a 预览 banner, for drafts too, never cached or indexed', async () => {
      const categoryId = (await t.portal.repositories.categories.findBySlug('law'))!.id;
      const draft = await t.repos.articles.create(
        {
          categoryId,
          title: '尚未发布的草稿',
          author: '记者甲',
          source: '本网',
          summary: '摘要',
          bodyHtml: '<h2>小标题</h2><p>草稿正文。</p>',
          coverImage: null,
          isFeatured: false,
          status: 'draft',
          publishedAt: null,
        },
        t.clock(),
      );
      const preview = await editor.get(`/admin/articles/${draft}/preview`);
      assert.equal(preview.status, 200);
      const { $ } = preview;
      assert.match(textOf($, '.preview-banner'), /^预览\s*草稿 · /);
      assert.equal($('.preview-banner a').attr('href'), `/admin/articles/${draft}/edit`);
      assert.equal(textOf($, 'article.article h1'), '尚未发布的草稿');
      assert.match(textOf($, '.article-meta'), /发布日期：尚未确定/);
      assert.equal($('.article-body h2').text(), '小标题');
      assert.equal($('header.masthead').length, 1, 'the site’s own header');
      assert.equal($('nav.main-nav a[aria-current=page]').text(), '法治要闻');
      assert.equal($('aside.sidebar').length, 1);
      assert.equal($('footer.site-footer').length, 1);
      assert.equal($('link[href*="/css/admin"]').length, 0, 'not the admin styling');
      assert.ok($('link[href*="/css/site"]').length === 1);
      assert.equal($('iframe.comment-frame').length, 0, 'no comment form for an unpublished article');
      assert.equal($('meta[name=robots]').attr('content'), 'noindex, nofollow');
      assert.equal($('script[type="application/ld+json"]').length, 0);
      assert.match(preview.headers.get('cache-control') ?? '', /no-store/);
      assert.equal(preview.headers.get('x-page-cache'), null);
      assert.equal((await t.get(`/admin/articles/${draft}/preview`)).status, 303, 'editors only');
    });
  });
});
