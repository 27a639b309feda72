// Posting comments: the form without JavaScript, validation, captcha rules (single use,
// expiry, session binding, concurrency), moderation, abuse limits and bad input.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ReaderSession } from '../support/browser-session.js';
import { allComments, commentCount } from '../support/records.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

const ANSWER = 'K7PX';

describe('posting a comment', () => {
  let t: TestApp;
  let articleId: number;
  let captchaText = ANSWER;

  before(async () => {
    t = await makeTestApp({ captchaText: () => captchaText, commentModeration: 'auto' });
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    articleId = newest!.id;
  });
  after(() => t.close());
  beforeEach(() => {
    captchaText = ANSWER;
    t.clock.advance(60 * 60_000); // out of the previous test's per-address windows
  });

  /** the article's comments of every status, oldest first */
  const commentsOf = async (id: number) =>
    (await allComments(t.storage.repositories))
      .filter((comment) => comment.articleId === id)
      .map(({ nickname, body, status }) => ({ nickname, body, status }));

  /** A reader who opened the article and got a captcha, ready to post. */
  async function readyReader(id = articleId, headers?: Record<string, string>): Promise<ReaderSession> {
    const reader = new ReaderSession(t, headers);
    await reader.openCommentForm(id);
    await reader.captcha();
    return reader;
  }

  const postAs = (reader: ReaderSession, fields: Record<string, string>, id = articleId) =>
    reader.post(`/article/${id}/comments`, { _csrf: reader.csrfToken, captcha: ANSWER, ...fields });

  /**
   * A post that fails: 303 back to the form on the article page (post/redirect/get, so a reload
   * resends nothing); the form frame then shows why, with what the reader typed.
   */
  async function postFailing(reader: ReaderSession, fields: Record<string, string>, id = articleId) {
    const response = await postAs(reader, fields, id);
    assert.equal(response.status, 303, 'a failed post redirects to the form');
    assert.equal(response.headers.get('location'), `/article/${id}/comments/new`);
    return reader.get(`/article/${id}/comments/new`);
  }

  it('stores the comment, redirects 303 with a flash, and shows it', async () => {
    const before = (await commentsOf(articleId)).length;
    const reader = await readyReader();
    const response = await postAs(reader, { nickname: '  云泽读者 ', body: '第一行\r\n第二行 <b>不是粗体</b>' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `/article/${articleId}#comments`);
    const page = await reader.get(`/article/${articleId}`);
    assert.equal(page.$('#comments .notice').length, 0, 'the article page is the same for everyone: no flash in it');
    const form = await reader.openCommentForm(articleId);
    assert.match(textOf(form.$, '.notice'), /^评论已发表，感谢您的参与。您的申诉码：/, 'the flash shows in the comment form frame');
    const latest = page.$('.comment').first();
    assert.equal(latest.find('.comment-nickname').text(), '云泽读者');
    assert.equal(latest.find('.comment-body').html(), '第一行<br>第二行 &lt;b&gt;不是粗体&lt;/b&gt;');
    assert.equal(latest.find('.comment-body b').length, 0);
    assert.equal((await commentsOf(articleId)).length, before + 1);
    assert.equal(textOf((await reader.openCommentForm(articleId)).$, '.notice'), '', 'the flash shows once');
  });

  it('answers are compared case-insensitively', async () => {
    const reader = await readyReader();
    assert.equal((await postAs(reader, { nickname: '小写', body: '小写验证码也可以', captcha: 'k7px' })).status, 303);
  });

  it('comes back to the form with an error summary, the input kept (but not the captcha) and a fresh captcha', async () => {
    const reader = await readyReader();
    const before = (await commentsOf(articleId)).length;
    const { $ } = await postFailing(reader, { nickname: '', body: '好', captcha: 'K7PX' });
    const summary = $('#comment-form-errors');
    assert.equal(summary.attr('role'), 'alert');
    assert.equal(summary.attr('tabindex'), '-1');
    assert.notEqual(summary.attr('autofocus'), undefined, 'the summary takes the focus without JavaScript');
    assert.deepEqual(
      summary
        .find('li a')
        .map((_, a) => `${$(a).attr('href')} ${$(a).text()}`)
        .get(),
      ['#comment-nickname 请填写网名。', '#comment-body 评论内容至少 2 个字。'],
    );
    assert.equal(textOf($, '#comment-nickname-error'), '请填写网名。');
    assert.match(textOf($, '#comment-body-error'), /至少 2 个字/);
    assert.equal($('textarea[name=body]').text(), '好');
    assert.equal($('input[name=captcha]').attr('value'), undefined, 'the captcha is never refilled');
    assert.match($('img.captcha-image').attr('src') ?? '', /^\/captcha\?purpose=comment/);
    assert.equal((await commentsOf(articleId)).length, before);

    assert.equal($('h1').text().trim().startsWith('发表评论'), true, 'a page of its own, with the site chrome');
    assert.equal($('.breadcrumb a[href="/article/' + articleId + '"]').length, 1);
    assert.equal($('.comment-terms li').length, 5);
    const reloaded = await reader.get(`/article/${articleId}/comments/new`);
    assert.equal(reloaded.headers.get('cache-control'), 'no-store');
    assert.equal(reloaded.$('#comment-form-errors').length, 0, 'the reason shows once');
    assert.equal(reloaded.$('textarea[name=body]').text(), '好', 'the text stays after a reload');
    const frame = await reader.openCommentForm(articleId);
    assert.equal(frame.$('textarea[name=body]').text(), '好', 'and in the article page’s form');
    assert.equal(frame.$('#comment-form-errors').length, 0);
    const other = new ReaderSession(t);
    assert.equal((await other.get(`/article/${articleId}/comments/new`)).$('textarea[name=body]').text(), '', 'kept for that reader only');
    assert.equal((await other.openCommentForm(articleId)).$('textarea[name=body]').text(), '');
    const otherArticle = (await t.portal.repositories.articles.listVisible({ limit: 2 }, t.clock()))[1]!;
    assert.equal((await reader.openCommentForm(otherArticle.id)).$('textarea[name=body]').text(), '', 'and for that article only');

    const tooLong = await readyReader();
    const long = await postFailing(tooLong, { nickname: '网'.repeat(21), body: '字'.repeat(1001) });
    assert.match(textOf(long.$, '#comment-nickname-error'), /不能超过 20/);
    assert.match(textOf(long.$, '#comment-body-error'), /不能超过 1000/);
    assert.equal(long.$('input[name=nickname]').val(), '网'.repeat(21));
  });

  it('offers the nickname again on the reader’s next comment, and forgets the posted text', async () => {
    const reader = await readyReader();
    await postFailing(reader, { nickname: '回头读者', body: '第一次没填验证码', captcha: '' });
    await reader.captcha();
    assert.equal((await postAs(reader, { nickname: '回头读者', body: '第一次没填验证码' })).status, 303);
    const next = await reader.openCommentForm(articleId);
    assert.equal(next.$('input[name=nickname]').val(), '回头读者');
    assert.equal(next.$('textarea[name=body]').text(), '');
    assert.equal(next.$('#comment-form-errors').length, 0);
  });

  it('keeps CJK and emoji, removes control and bidi-override characters', async () => {
    const reader = await readyReader();
    const nickname = '👨‍👩‍👧读者\u202Eevil\u0007';
    assert.equal((await postAs(reader, { nickname, body: '表情👍🏽也能显示\u200F' })).status, 303);
    const stored = (await commentsOf(articleId)).at(-1)!;
    assert.equal(stored.nickname, '👨‍👩‍👧读者evil');
    assert.equal(stored.body, '表情👍🏽也能显示');
    const twenty = await readyReader();
    t.clock.advance(16_000);
    assert.equal((await postAs(twenty, { nickname: '😀'.repeat(20), body: '二十个表情的网名' })).status, 303, 'emoji count as one each');
  });

  it('unknown or unpublished articles: 404 and nothing stored', async () => {
    const reader = await readyReader();
    const draft = await t.repos.articles.create(
      {
        categoryId: 1,
        title: '草稿',
        author: '',
        source: '',
        summary: '',
        bodyHtml: '<p>x</p>',
        coverImage: null,
        isFeatured: false,
        status: 'draft',
        publishedAt: null,
      },
      t.clock(),
    );
    const total = () => commentCount(t.storage.repositories);
    const before = await total();
    for (const id of ['999999', String(draft), 'abc']) {
      const response = await reader.post(`/article/${id}/comments`, {
        _csrf: reader.csrfToken,
        nickname: '甲',
        body: '评论内容',
        captcha: ANSWER,
      });
      assert.equal(response.status, 404, id);
    }
    assert.equal(await total(), before);
  });

  describe('captcha', () => {
    it('a wrong answer uses the captcha up: the right one fails afterwards', async () => {
      const reader = await readyReader();
      const wrong = await postFailing(reader, { nickname: '甲', body: '先输错验证码', captcha: 'ZZZZ' });
      assert.equal(textOf(wrong.$, '#comment-captcha-error'), '验证码不正确，请看新图片重新输入。');
      assert.equal(textOf(wrong.$, '#comment-form-errors a[href="#comment-captcha"]'), '验证码不正确，请看新图片重新输入。');
      const retry = await postFailing(reader, { nickname: '甲', body: '先输错验证码' });
      assert.match(textOf(retry.$, '#comment-captcha-error'), /已失效/);
      assert.equal(retry.$('textarea[name=body]').text(), '先输错验证码');
    });

    it('a solved captcha cannot be replayed', async () => {
      const reader = await readyReader();
      assert.equal((await postAs(reader, { nickname: '甲', body: '第一次提交' })).status, 303);
      t.clock.advance(16_000);
      assert.match(textOf((await postFailing(reader, { nickname: '甲', body: '重放同一个验证码' })).$, '#comment-captcha-error'), /已失效/);
    });

    it('expires after a few minutes', async () => {
      const reader = await readyReader();
      t.clock.advance(5 * 60_000 + 1);
      const response = await postFailing(reader, { nickname: '甲', body: '过期的验证码' });
      assert.match(textOf(response.$, '#comment-captcha-error'), /已过期/);
    });

    it('is bound to the session that fetched it', async () => {
      const owner = await readyReader();
      const other = new ReaderSession(t);
      await other.openCommentForm(articleId);
      const response = await postFailing(other, { nickname: '乙', body: '别人的验证码' });
      assert.ok(textOf(response.$, '#comment-captcha-error') !== '');
      assert.equal((await postAs(owner, { nickname: '甲', body: '自己的验证码' })).status, 303, 'the owner’s challenge was untouched');
    });

    it('a new image voids the previous answer', async () => {
      const reader = await readyReader();
      captchaText = 'NEW5';
      await reader.captcha();
      assert.ok(textOf((await postFailing(reader, { nickname: '甲', body: '旧图片的答案' })).$, '#comment-captcha-error') !== '');
    });

    it('20 concurrent posts with one solved captcha store exactly one comment', async () => {
      const reader = await readyReader();
      const before = (await commentsOf(articleId)).length;
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => postAs(reader, { nickname: `并发${i}`, body: `并发提交第${i}条` })),
      );
      const landings = responses.map((r) => `${r.status} ${r.headers.get('location')}`).sort();
      assert.deepEqual(
        landings,
        [`303 /article/${articleId}#comments`, ...Array(19).fill(`303 /article/${articleId}/comments/new`)].sort(),
      );
      assert.equal((await commentsOf(articleId)).length, before + 1);
    });

    it('GET /captcha: a PNG, never cached, with no readable text, rate-limited', async () => {
      const limited = await makeTestApp({ captchaRequestsPerMinute: 30 });
      try {
        const reader = new ReaderSession(limited);
        const response = await reader.captcha();
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type'), 'image/png');
        assert.equal(response.headers.get('cache-control'), 'no-store');
        const bytes = Buffer.from(await response.arrayBuffer());
        assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
        assert.doesNotMatch(bytes.toString('latin1'), /<svg|<path|\bd="/);
        assert.ok(reader.hasSession(), 'the captcha is bound to a new session');
        assert.equal((await limited.get('/captcha?purpose=nonsense')).status, 400);
        assert.equal((await limited.get('/captcha?purpose=comment&purpose=poll')).status, 400);
        let last = 200;
        for (let i = 0; i < 30; i += 1) last = (await reader.captcha()).status;
        assert.equal(last, 429);
      } finally {
        await limited.close();
      }
    });
  });

  describe('moderation', () => {
    it('flags sensitive words however disguised, and more than two links', async () => {
      const cases: [string, string][] = [
        ['可以代开发票，联系我', 'pending'],
        ['可以代*开*发*票', 'pending'],
        ['可以代 开 发 票', 'pending'],
        ['可以代\u200B开\u200B发\u200B票', 'pending'],
        ['ｗｗｗ刷单返利来了', 'pending'],
        ['看 https://a.example https://b.example https://c.example', 'pending'],
        ['参考 https://a.example 和 https://b.example', 'approved'],
        ['开发票的流程应该规范', 'approved'],
      ];
      for (const [body, expected] of cases) {
        t.clock.advance(16_000);
        const reader = await readyReader();
        assert.equal((await postAs(reader, { nickname: '审核测试', body })).status, 303, body);
        assert.equal((await commentsOf(articleId)).at(-1)!.status, expected, body);
      }
      const page = await t.get(`/article/${articleId}/comments?order=newest`);
      assert.doesNotMatch(page.text, /代\*开|刷单返利/, 'pending comments are not shown');
    });

    it('"everything waits for review" holds every comment, with a message saying so', async () => {
      await t.repos.settings.setMany({ commentModeration: 'review' });
      t.portal.chrome.invalidate();
      try {
        const reader = await readyReader();
        assert.equal((await postAs(reader, { nickname: '甲', body: '需要审核的评论' })).status, 303);
        assert.equal((await commentsOf(articleId)).at(-1)!.status, 'pending');
        const page = await reader.get(`/article/${articleId}`);
        assert.match(textOf((await reader.openCommentForm(articleId)).$, '.notice'), /^评论已提交，审核通过后将显示。/);
        assert.doesNotMatch(textOf(page.$, '.comment-list'), /需要审核的评论/);
      } finally {
        await t.repos.settings.setMany({ commentModeration: 'auto' });
        t.portal.chrome.invalidate();
      }
    });
  });

  describe('abuse limits', () => {
    it('one comment per address per 15 s, whatever X-Forwarded-For says', async () => {
      const first = await readyReader();
      assert.equal((await postAs(first, { nickname: '甲', body: '十五秒内第一条' })).status, 303);
      t.clock.advance(5_000);
      const second = await readyReader(articleId, { 'user-agent': 'another browser', 'x-forwarded-for': '198.51.100.77' });
      const response = await postFailing(second, { nickname: '乙', body: '十五秒内第二条' });
      assert.match(textOf(response.$, '#comment-form-errors'), /15 秒/);
      assert.equal(response.$('textarea[name=body]').text(), '十五秒内第二条', 'the input is kept');
      t.clock.advance(11_000);
      const third = await readyReader();
      assert.equal((await postAs(third, { nickname: '乙', body: '十五秒后再发' })).status, 303);
    });

    it('an hourly cap per address', async () => {
      for (let i = 0; i < 20; i += 1) {
        t.clock.advance(16_000);
        const reader = await readyReader();
        assert.equal((await postAs(reader, { nickname: '勤快', body: `一小时内第${i + 1}条` })).status, 303);
      }
      t.clock.advance(16_000);
      const reader = await readyReader();
      const response = await postFailing(reader, { nickname: '勤快', body: '第二十一条' });
      assert.match(textOf(response.$, '#comment-form-errors'), /一小时/);
    });

    it('the same text twice on one article: refused, saying so', async () => {
      const reader = await readyReader();
      assert.equal((await postAs(reader, { nickname: '甲', body: '一模一样的评论' })).status, 303);
      t.clock.advance(16_000);
      const again = await readyReader();
      const response = await postFailing(again, { nickname: '乙', body: '一模一样的评论' });
      assert.match(textOf(response.$, '#comment-form-errors'), /重复/);
    });

    it('with TRUST_PROXY the forwarded address counts', async () => {
      const proxied = await makeTestApp({ captchaText: () => ANSWER, commentModeration: 'auto', env: { TRUST_PROXY: 'loopback' } });
      try {
        const [article] = await proxied.portal.repositories.articles.listVisible({ limit: 1 }, proxied.clock());
        for (const address of ['198.51.100.1', '198.51.100.2']) {
          const reader = new ReaderSession(proxied, { 'user-agent': 'x', 'x-forwarded-for': address });
          await reader.openCommentForm(article!.id);
          await reader.captcha();
          const response = await reader.post(`/article/${article!.id}/comments`, {
            _csrf: reader.csrfToken,
            nickname: '甲',
            body: `来自 ${address}`,
            captcha: ANSWER,
          });
          assert.equal(response.status, 303, address);
        }
      } finally {
        await proxied.close();
      }
    });
  });

  describe('bad input never stores or changes anything', () => {
    // every column of every comment, the hashed address too (which no repository returns)
    const snapshot = async () => JSON.stringify(await t.sql.all('SELECT * FROM comments ORDER BY id'));

    it('missing or wrong CSRF token, or no session: 403', async () => {
      const before = await snapshot();
      const reader = await readyReader();
      assert.equal(
        (await reader.post(`/article/${articleId}/comments`, { nickname: '甲', body: '没有令牌', captcha: ANSWER })).status,
        403,
      );
      assert.equal(
        (await reader.post(`/article/${articleId}/comments`, { _csrf: 'forged', nickname: '甲', body: '伪造令牌', captcha: ANSWER }))
          .status,
        403,
      );
      const stranger = new ReaderSession(t);
      const response = await stranger.post(`/article/${articleId}/comments`, {
        _csrf: reader.csrfToken,
        nickname: '甲',
        body: '别人的令牌',
        captcha: ANSWER,
      });
      assert.equal(response.status, 403);
      assert.match(textOf(response.$, 'main'), /页面已过期/);
      assert.equal(await snapshot(), before);
    });

    it('over-long bodies 413, malformed encodings and repeated fields 400, other types 415', async () => {
      const before = await snapshot();
      const reader = await readyReader();
      const token = encodeURIComponent(reader.csrfToken);
      const raw = (body: string, type = 'application/x-www-form-urlencoded') =>
        reader.request(`/article/${articleId}/comments`, { method: 'POST', body, headers: { 'content-type': type } });
      assert.equal((await raw(`_csrf=${token}&nickname=a&body=${'x'.repeat(40_000)}&captcha=K7PX`)).status, 413);
      assert.equal((await raw(`_csrf=${token}&nickname=%E0%A4%A&body=abc&captcha=K7PX`)).status, 400);
      assert.equal((await raw(`_csrf=${token}&nickname=%ZZ&body=abc&captcha=K7PX`)).status, 400);
      assert.equal((await raw(`_csrf=${token}&nickname=%FF%FE&body=abc&captcha=K7PX`)).status, 400);
      assert.equal((await raw(`_csrf=${token}&nickname=a&nickname=b&body=abcd&captcha=K7PX`)).status, 400);
      assert.equal((await raw(JSON.stringify({ _csrf: reader.csrfToken, nickname: 'a', body: 'abcd' }), 'application/json')).status, 415);
      assert.equal((await raw(`_csrf=${token}&${Array.from({ length: 30 }, (_, i) => `f${i}=1`).join('&')}`)).status, 413);
      assert.equal(await snapshot(), before);
    });
  });
});
