// Attack battery (issue 7), XSS over the real HTTP server: every payload of the corpus through
// every field a stranger can fill (comment nickname and body, the submission form, the staff
// lookup, the search, the poll page's query) and through the admin article editor. On the
// parsed HTML nothing may be able to run script, both where the text is stored and shown and
// where it is echoed back into a form that failed validation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as cheerio from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sanitizeArticleHtml } from '../../src/services/html-sanitizer.js';
import { cleanLine as cleanNickname, cleanText as cleanBody } from '../../src/web/forms/text-input.js';
import { loggedIn } from '../support/admin.js';
import {
  asParsed,
  assertNoScriptVectors,
  assertSameText,
  assertStillServing,
  cut,
  label,
  mapLimit,
  postSubmission,
  scriptVectors,
} from '../support/attack.js';
import { ReaderSession } from '../support/browser-session.js';
import { allComments, firstPollId, latestComment, latestSubmissionId } from '../support/records.js';
import { multipart } from '../support/multipart.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';
import { ALL_XSS_PAYLOADS } from '../support/xss-payloads.js';

const ANSWER = 'K7PX';
const PAYLOADS = ALL_XSS_PAYLOADS;
/** Visible text of an element whose lines are separated by <br> (as comments and submissions are shown). */
const linesOf = (text: string) => text.split('\n').join('');

describe('attack battery: XSS through every field', () => {
  let t: TestApp;
  let articleId: number;
  let pollId: number;
  let optionId: number;
  let editor: ReaderSession;
  let address = 0;
  /** A distinct client address for rate-limited lookups (the app trusts loopback's X-Forwarded-For). */
  const nextAddress = () => {
    address += 1;
    return `198.51.${100 + Math.floor(address / 250)}.${(address % 250) + 1}`;
  };
  const get = (path: string, headers: Record<string, string> = {}) =>
    t.get(path, { headers: { 'x-forwarded-for': nextAddress(), ...headers } });

  before(async () => {
    t = await makeTestApp({ captchaText: () => ANSWER, env: { TRUST_PROXY: 'loopback' } });
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    articleId = newest!.id;
    pollId = await firstPollId(t.storage.repositories);
    optionId = Math.min(...(await t.storage.repositories.polls.findById(pollId))!.options.map((option) => option.id));
    editor = await loggedIn(t, 'chief');
  });
  after(() => t?.close());

  it(`has at least 60 payloads (${PAYLOADS.length}), and the checker catches each kind of script vector`, () => {
    assert.ok(PAYLOADS.length >= 60);
    const bad = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href=" jav&#x09;ascript:alert(1)">x</a>',
      '<a href="data:text/html,x">x</a>',
      '<form><button formaction="vbscript:x">x</button></form>',
      '<iframe src="//evil.example"></iframe>',
      '<iframe srcdoc="x" src="/ok"></iframe>',
      '<object data="x"></object>',
      '<embed src="x">',
      '<svg><animate attributeName="href" values="javascript:alert(1)"></animate></svg>',
      '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
      '<script type="application/ld+json">{"a":"</script><script>alert(1)</script>"}</script>',
      '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
      '<div style="background:url(javascript:alert(1))"></div>',
      '<base href="//evil.example/">',
      '<script src="/uploads/x.js"></script>',
    ];
    for (const html of bad) assert.notDeepEqual(scriptVectors(cheerio.load(html)), [], `the checker misses ${html}`);
    const own =
      '<base target="_top"><script src="/js/site.0123456789.js" defer></script><script type="application/ld+json">{"a":"\\u003c/script\\u003e"}</script><iframe src="/article/1/comment-form"></iframe><a href="https://example.org/">x</a><img src="data:image/png;base64,AAAA">';
    assert.deepEqual(scriptVectors(cheerio.load(own)), []);
  });

  describe('comments (nickname and body)', () => {
    const posted: { id: number; payload: string }[] = [];

    it('stored and shown as text on the article page, on 查看所有评论 and in the admin comment queue', async () => {
      for (const [index, payload] of PAYLOADS.entries()) {
        t.clock.advance(4 * 60_000); // under the per-address limits (15 s apart, 20 an hour)
        const reader = new ReaderSession(t);
        await reader.openCommentForm(articleId);
        await reader.captcha();
        const response = await reader.post(`/article/${articleId}/comments`, {
          _csrf: reader.csrfToken,
          nickname: cut(payload, 20),
          body: `${index}:${payload}`,
          captcha: ANSWER,
        });
        assert.equal(response.status, 303, `comment ${index} ${label(payload)} is accepted`);
        const row = (await latestComment(t.storage.repositories))!;
        assert.match(row.body, new RegExp(`^${index}:`), `comment ${index} stored`);
        posted.push({ id: row.id, payload });
        const page = await reader.get(`/article/${articleId}`);
        assertNoScriptVectors(page.$, `article page with comment ${index} ${label(payload)}`);
        if (row.status === 'approved') {
          const shown = page.$(`.comment#comment-${row.id}`);
          assert.equal(shown.length, 1, `comment ${index} ${label(payload)} is on the article page`);
          assertSameText(shown.find('.comment-nickname').text(), row.nickname, `nickname ${label(payload)} shown as text`);
          assertSameText(shown.find('.comment-body').text(), linesOf(row.body), `body ${label(payload)} shown as text`);
          assert.deepEqual(
            shown
              .find('.comment-body *')
              .map((_, el) => el.tagName)
              .get()
              .filter((name) => name !== 'br'),
            [],
            `body ${label(payload)}: only <br> inside`,
          );
        }
      }

      const rows = new Map(
        (await allComments(t.storage.repositories)).filter((comment) => comment.articleId === articleId).map((r) => [r.id, r]),
      );
      const payloadOf = new Map(posted.map((p) => [p.id, p.payload]));
      editor = await loggedIn(t, 'chief'); // the clock moved on: a session of today
      // 查看所有评论: every page, both orders
      for (const order of ['oldest', 'newest']) {
        const seen = new Set<number>();
        for (let page = 1; ; page += 1) {
          const list = await t.get(`/article/${articleId}/comments?order=${order}&page=${page}`);
          if (list.status === 404 && page > 1) break;
          assert.equal(list.status, 200, `/article/${articleId}/comments?order=${order}&page=${page}`);
          assertNoScriptVectors(list.$, `all comments, ${order}, page ${page}`);
          list.$('.comment').each((_, el) => {
            const id = Number(el.attribs.id?.replace('comment-', ''));
            const row = rows.get(id);
            if (!row || !payloadOf.has(id)) return;
            seen.add(id);
            const what = label(payloadOf.get(id)!);
            assertSameText(list.$(el).find('.comment-nickname').text(), row.nickname, `all comments: nickname ${what}`);
            assertSameText(list.$(el).find('.comment-body').text(), linesOf(row.body), `all comments: body ${what}`);
          });
          if (list.$('.pagination a[rel=next]').length === 0) break;
        }
        const approved = posted.filter((p) => rows.get(p.id)!.status === 'approved').map((p) => p.id);
        assert.deepEqual(
          approved.filter((id) => !seen.has(id)),
          [],
          `every approved payload comment is listed (${order})`,
        );
      }
      // the admin queue, every tab that holds payload comments
      for (const status of ['approved', 'pending']) {
        const ids = posted.filter((p) => rows.get(p.id)!.status === status).map((p) => p.id);
        const seen = new Set<number>();
        for (let page = 1; ; page += 1) {
          const queue = await editor.get(`/admin/comments?status=${status}&page=${page}`);
          if (queue.status === 404 && page > 1) break;
          assert.equal(queue.status, 200, `/admin/comments?status=${status}&page=${page}`);
          assertNoScriptVectors(queue.$, `admin comment queue ${status} page ${page}`);
          queue.$('tr[data-comment-id]').each((_, el) => {
            const id = Number(el.attribs['data-comment-id']);
            const row = rows.get(id);
            if (!row || !payloadOf.has(id)) return;
            seen.add(id);
            assertSameText(queue.$(el).find('.comment-nickname').text(), row.nickname, `queue: nickname ${label(payloadOf.get(id)!)}`);
            assertSameText(queue.$(el).find('.comment-body').text(), linesOf(row.body), `queue: body ${label(payloadOf.get(id)!)}`);
          });
          if (queue.$('.pagination a[rel=next]').length === 0) break;
        }
        assert.deepEqual(
          ids.filter((id) => !seen.has(id)),
          [],
          `every ${status} payload comment is in the admin queue`,
        );
      }
      await assertStillServing(t, 'stored comment payloads');
    });

    it('echoed back as text into the comment form that failed validation', async () => {
      await mapLimit(PAYLOADS, 6, async (payload) => {
        const reader = new ReaderSession(t);
        await reader.openCommentForm(articleId);
        const posted = await reader.post(`/article/${articleId}/comments`, {
          _csrf: reader.csrfToken,
          nickname: payload,
          body: payload,
          captcha: 'wrong',
        });
        assert.equal(posted.status, 303, `comment echo ${label(payload)}`);
        const response = await reader.get(`/article/${articleId}/comments/new`);
        assertNoScriptVectors(response.$, `comment form echo of ${label(payload)}`);
        assertSameText(response.$('textarea[name=body]').text(), cleanBody(payload), `body echoed as text: ${label(payload)}`);
        assertSameText(
          response.$('input[name=nickname]').attr('value'),
          cleanNickname(payload),
          `nickname echoed as text: ${label(payload)}`,
        );
      });
      await assertStillServing(t, 'echoed comment payloads');
    });
  });

  describe('submissions (/submit: name, contact, title, body)', () => {
    it('stored and shown as text in the admin submission inbox, each submission and drafts made from them', async () => {
      const ids: { id: number; payload: string }[] = [];
      for (const [index, payload] of PAYLOADS.entries()) {
        t.clock.advance(13 * 60_000); // under the hourly cap of 5
        const reader = new ReaderSession(t);
        await reader.get('/submit');
        await reader.captcha('submission');
        const response = await postSubmission(reader, index, payload, ANSWER);
        assert.equal(response.status, 303, `submission ${index} ${label(payload)} is accepted`);
        ids.push({ id: await latestSubmissionId(t.storage.repositories), payload });
      }
      editor = await loggedIn(t, 'chief'); // the clock moved on: a session of today
      const seen = new Set<number>();
      for (const status of ['new', 'read']) {
        for (let page = 1; ; page += 1) {
          const inbox = await editor.get(`/admin/submissions?status=${status}&page=${page}`);
          if (inbox.status === 404 && page > 1) break;
          assert.equal(inbox.status, 200);
          assertNoScriptVectors(inbox.$, `submission inbox ${status} page ${page}`);
          inbox.$('tr[data-submission-id]').each((_, el) => void seen.add(Number(el.attribs['data-submission-id'])));
          if (inbox.$('.pagination a[rel=next]').length === 0) break;
        }
      }
      assert.deepEqual(
        ids.filter(({ id }) => !seen.has(id)).map(({ payload }) => label(payload)),
        [],
        'every submission is listed in the inbox',
      );

      const categoryId = (await t.storage.repositories.categories.findBySlug('law'))!.id;
      await mapLimit(ids, 4, async ({ id, payload }, index) => {
        const row = (await t.storage.repositories.submissions.findById(id))!;
        const shown = await editor.get(`/admin/submissions/${id}`);
        assert.equal(shown.status, 200);
        assertNoScriptVectors(shown.$, `submission ${id} ${label(payload)}`);
        assertSameText(shown.$('h1').text(), row.title, `submission title as text: ${label(payload)}`);
        assertSameText(shown.$('.submission-name').text(), row.name, `submission name as text: ${label(payload)}`);
        assertSameText(shown.$('.submission-contact').text(), row.contact, `submission contact as text: ${label(payload)}`);
        assertSameText(shown.$('.submission-body').text(), linesOf(row.body), `submission body as text: ${label(payload)}`);
        if (index % 7 !== 0) return; // a sample becomes draft articles (plain text -> paragraphs)
        const draft = await editor.post(`/admin/submissions/${id}/draft`, { _csrf: editor.csrfToken, categoryId: String(categoryId) });
        assert.equal(draft.status, 303, `draft from submission ${label(payload)}`);
        const articlePath = draft.headers.get('location')!;
        const edit = await editor.get(articlePath);
        assertNoScriptVectors(edit.$, `draft editor from ${label(payload)}`);
        const preview = await editor.get(articlePath.replace(/\/edit$/, '/preview'));
        assertNoScriptVectors(preview.$, `draft preview from ${label(payload)}`);
        const firstLine = cleanBody(payload).split('\n')[0]!.trim();
        assert.ok(preview.$('.article-body').text().includes(asParsed(firstLine)), `draft body keeps ${label(payload)} as text`);
      });
      await assertStillServing(t, 'stored submission payloads');
    });

    it('echoed back as text into the submission form that failed validation (422)', async () => {
      await mapLimit(PAYLOADS, 6, async (payload) => {
        const reader = new ReaderSession(t);
        await reader.get('/submit');
        const response = await reader.post('/submit', {
          _csrf: reader.csrfToken,
          captcha: 'wrong',
          name: payload,
          contact: payload,
          title: payload,
          body: payload,
        });
        assert.equal(response.status, 422, `submission echo ${label(payload)}`);
        assertNoScriptVectors(response.$, `submission form echo of ${label(payload)}`);
        for (const name of ['name', 'contact', 'title']) {
          assertSameText(
            response.$(`form.submission-form input[name=${name}]`).attr('value'),
            cleanNickname(payload),
            `${name} echoed as text: ${label(payload)}`,
          );
        }
        assertSameText(response.$('textarea[name=body]').text(), cleanBody(payload), `body echoed as text: ${label(payload)}`);
      });
      await assertStillServing(t, 'echoed submission payloads');
    });
  });

  it('staff lookup (/staff?q=): the query is echoed as text, found or not, short or too long', async () => {
    await mapLimit(PAYLOADS, 6, async (payload) => {
      const page = await get(`/staff?q=${encodeURIComponent(payload)}`);
      assert.ok(page.status === 200 || page.status === 422, `/staff?q=${label(payload)} answered ${page.status}`);
      assertNoScriptVectors(page.$, `staff lookup ${label(payload)}`);
      assertSameText(page.$('input#staff-q').attr('value'), payload.slice(0, 200), `staff query echoed as text: ${label(payload)}`);
      assert.equal(page.$('.staff-card').length, 0, `no staff record for ${label(payload)}`);
    });
    await assertStillServing(t, 'staff lookup payloads');
  });

  it('search (/search?q=): the query is echoed as text in the form, heading and title', async () => {
    await mapLimit(PAYLOADS, 6, async (payload) => {
      const page = await get(`/search?q=${encodeURIComponent(payload)}`);
      assert.ok(page.status === 200 || page.status === 400, `/search?q=${label(payload)} answered ${page.status}`);
      assertNoScriptVectors(page.$, `search ${label(payload)}`);
      const query = payload.replace(/\p{Cc}/gu, ' ').trim();
      const expected = page.status === 400 ? '' : query;
      assertSameText(page.$('input#search-q').attr('value') ?? '', expected, `search query echoed as text: ${label(payload)}`);
    });
    await assertStillServing(t, 'search payloads');
  });

  it('poll page (/polls/:id) with payloads in its query parameters and in the id', async () => {
    // every payload as the option; a sample (every 4th) in the other places, which never echo it
    const paths = PAYLOADS.flatMap((payload, index) => {
      const x = encodeURIComponent(payload);
      const all = [[payload, `/polls/${pollId}?option=${x}`]] as const;
      if (index % 4 !== 0) return all;
      return [
        ...all,
        [payload, `/polls/${pollId}?option=${optionId}&option=${x}`],
        [payload, `/polls/${pollId}?${x}=${x}`],
        [payload, `/polls/${x}`],
      ] as const;
    });
    await mapLimit(paths, 8, async ([payload, path]) => {
      const page = await get(path);
      assert.ok(page.status < 500, `${path} answered ${page.status}`);
      assertNoScriptVectors(page.$, `poll page ${path} (${label(payload)})`);
    });
    await assertStillServing(t, 'poll payloads');
  });

  it('other reflected parameters: error pages, rankings, comment order, login `next`', async () => {
    // every payload in the login's `next` (echoed into the form); a sample (every 4th) elsewhere
    const paths = PAYLOADS.flatMap((payload, index) => {
      const x = encodeURIComponent(payload);
      const echoed = [
        [payload, `/admin/login?next=${x}`],
        [payload, `/admin/login?next=${encodeURIComponent(`/admin?${payload}`)}`],
      ] as const;
      if (index % 4 !== 0) return echoed;
      return [
        ...echoed,
        [payload, `/rank?period=${x}`],
        [payload, `/rank?category=${x}`],
        [payload, `/article/${articleId}/comments?order=${x}`],
        [payload, `/category/law?page=${x}`],
        [payload, `/page/${x}`],
        [payload, `/category/${x}`],
        [payload, `/?${x}=${x}`],
      ] as const;
    });
    await mapLimit(paths, 8, async ([payload, path]) => {
      const page = await get(path);
      assert.ok(page.status < 500, `${path} answered ${page.status}`);
      assertNoScriptVectors(page.$, `${path} (${label(payload)})`);
    });
    await assertStillServing(t, 'reflected parameters');
  });

  describe('admin article editor (title, author, source, summary, body HTML)', () => {
    let categoryId: number;
    before(async () => {
      categoryId = (await t.storage.repositories.categories.findBySlug('law'))!.id;
    });
    const fields = (index: number, payload: string) => ({
      _csrf: editor.csrfToken,
      title: cut(`${index} ${payload}`, 120),
      categoryId: String(categoryId),
      author: cut(payload, 60),
      source: cut(payload, 60),
      summary: cut(`${payload}`, 300),
      bodyHtml: `<p>正文${index}</p>${payload}<p>${payload}</p>`,
      status: 'published',
      publishAt: '',
      version: '0',
    });

    it('published articles show the fields as text and the body sanitized, on every page that lists them', async () => {
      editor = await loggedIn(t, 'chief'); // the clock moved on: a session of today
      const created: { id: number; payload: string }[] = [];
      await mapLimit([...PAYLOADS.entries()], 4, async ([index, payload]) => {
        const response = await editor.postMultipart('/admin/articles', multipart(fields(index, payload)));
        assert.equal(response.status, 303, `article with ${label(payload)} is saved`);
        created.push({ id: Number(/\/admin\/articles\/(\d+)\/edit/.exec(response.headers.get('location') ?? '')?.[1]), payload });
      });
      t.portal.chrome.invalidate();
      await mapLimit(created, 6, async ({ id, payload }) => {
        const stored = (await t.portal.repositories.articles.findById(id))!;
        const page = await t.get(`/article/${id}`);
        assert.equal(page.status, 200, `/article/${id}`);
        assertNoScriptVectors(page.$, `article page of ${label(payload)}`);
        assertSameText(page.$('h1#article-title').text(), stored.title, `title as text: ${label(payload)}`);
        assert.ok(page.$('.article-meta').text().includes(asParsed(stored.author)), `author as text: ${label(payload)}`);
        assert.ok(page.$('.article-meta').text().includes(asParsed(stored.source)), `source as text: ${label(payload)}`);
        assertSameText(page.$('meta[name=description]').attr('content'), stored.summary, `summary as text: ${label(payload)}`);
        const jsonLd = page.$('script[type="application/ld+json"]').text();
        const graph = (JSON.parse(jsonLd) as { '@graph': { headline?: string }[] })['@graph'];
        assert.equal(graph[0]!.headline, stored.title, `JSON-LD headline is the title: ${label(payload)}`);

        const form = await new ReaderSession(t).openCommentForm(id); // the comment form names the article too
        assert.equal(form.status, 200, `comment form of ${id}`);
        assertNoScriptVectors(form.$, `comment form of the article titled ${label(payload)}`);

        const edit = await editor.get(`/admin/articles/${id}/edit`);
        assertNoScriptVectors(edit.$, `admin editor of ${label(payload)}`);
        assertSameText(edit.$('input[name=title]').attr('value'), stored.title, `editor title: ${label(payload)}`);
        assertSameText(edit.$('textarea[name=bodyHtml]').text(), stored.bodyHtml, `editor body HTML as text: ${label(payload)}`);
        for (const path of [`/admin/articles/${id}/preview`, `/admin/articles/${id}/revisions`]) {
          const admin = await editor.get(path);
          assert.equal(admin.status, 200, path);
          assertNoScriptVectors(admin.$, `${path} of ${label(payload)}`);
        }
      });
      // pages that list the titles and summaries: home (and every page's sidebar), category, rankings, search, admin list
      const lists = [
        '/',
        '/category/law',
        '/category/law?page=2',
        '/category/law?page=5',
        '/rank?period=all',
        '/search?q=%E6%AD%A3%E6%96%87',
        '/search?q=alert',
        '/search?q=script',
      ];
      for (const path of lists) {
        const page = await t.get(path);
        assert.equal(page.status, 200, path);
        assertNoScriptVectors(page.$, path);
      }
      // the feeds carry the titles too: still well-formed XML, each title verbatim
      for (const path of ['/feed.xml', '/category/law/feed.xml']) {
        const feed = await t.get(path);
        assert.equal(feed.status, 200, path);
        assert.equal(XMLValidator.validate(feed.text), true, `${path} is well-formed XML`);
        assert.doesNotMatch(feed.text, /<script/i, `${path}: markup from the titles stays escaped`);
        const titles = new Set(
          ([] as { title: string }[])
            .concat(
              (new XMLParser({ parseTagValue: false }).parse(feed.text) as { rss: { channel: { item: { title: string }[] } } }).rss.channel
                .item,
            )
            .map((item) => String(item.title)),
        );
        const expected = await Promise.all(created.map(async ({ id }) => (await t.storage.repositories.articles.findById(id))!.title));
        assert.ok(
          expected.some((title) => titles.has(title.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''))),
          `${path} lists payload titles verbatim`,
        );
      }
      for (let page = 1; page <= Math.ceil(PAYLOADS.length / 20); page += 1) {
        const list = await editor.get(`/admin/articles?page=${page}`);
        assertNoScriptVectors(list.$, `admin article list page ${page}`);
      }
      const dashboard = await editor.get('/admin');
      assertNoScriptVectors(dashboard.$, 'admin dashboard', { allowSvg: 'svg.bar-chart' });
      await assertStillServing(t, 'admin-authored payload articles');
    });

    it('echoed back into the editor form that failed validation (422; the body sanitized as on save)', async () => {
      await mapLimit([...PAYLOADS.entries()], 6, async ([index, payload]) => {
        const invalid = { ...fields(index, payload), categoryId: '', title: payload, author: payload, source: payload, summary: payload };
        const response = await editor.postMultipart('/admin/articles', multipart(invalid));
        assert.equal(response.status, 422, `editor echo ${label(payload)}`);
        assertNoScriptVectors(response.$, `editor form echo of ${label(payload)}`);
        assertSameText(response.$('input[name=title]').attr('value'), payload.trim(), `title echoed as text: ${label(payload)}`);
        assertSameText(
          response.$('textarea[name=bodyHtml]').text(),
          sanitizeArticleHtml(invalid.bodyHtml),
          `the body echoed as it would be saved (sanitized): ${label(payload)}`,
        );
      });
      await assertStillServing(t, 'echoed editor payloads');
    });
  });
});
