// XSS through the comment and reply forms: every payload comes back as text only, both when
// stored and shown (on the article page, 查看所有评论 and the quote of the 回复 page), and when
// echoed back into a form that failed validation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CheerioAPI } from 'cheerio';
import { ReaderSession } from '../support/browser-session.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';

const ANSWER = 'XSS9';
const ALLOWED_IN_COMMENTS = new Set(['ol', 'li', 'p', 'span', 'time', 'br', 'blockquote']);
/** The links the site writes into a comment list (never the commenter): 举报, 回复, and the rest of a floor's replies. */
const SITE_LINKS: Record<string, RegExp> = {
  'comment-report': /^\/comments\/\d+\/report$/,
  'comment-reply-link': /^\/article\/\d+\/comments\/new\?reply=\d+$/,
  'more-replies-link': /^\/article\/\d+\/comments\?page=\d+#comment-\d+$/,
};

function assertOnlyTextIn($: CheerioAPI, selector: string): void {
  $(selector)
    .find('*')
    .each((_, element) => {
      const name = element.tagName.toLowerCase();
      if (name === 'a') {
        const pattern = SITE_LINKS[element.attribs.class ?? ''];
        assert.ok(pattern, `unexpected <a> in ${selector}`);
        assert.match(element.attribs.href ?? '', pattern);
        assert.deepEqual(
          Object.keys(element.attribs).filter((attribute) => attribute !== 'rel'),
          ['class', 'href'],
        );
        return;
      }
      assert.ok(ALLOWED_IN_COMMENTS.has(name), `unexpected <${name}> in ${selector}`);
      for (const attribute of Object.keys(element.attribs)) {
        assert.doesNotMatch(attribute, /^on/i, `event handler ${attribute}`);
        assert.ok(['class', 'id', 'datetime', 'aria-label', 'cite'].includes(attribute), `attribute ${attribute} on <${name}>`);
      }
    });
}

describe('comment XSS corpus', () => {
  let t: TestApp;
  let articleId: number;
  let baselineScripts = 0;
  before(async () => {
    t = await makeTestApp({ captchaText: () => ANSWER, commentModeration: 'auto' });
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    articleId = newest!.id;
    baselineScripts = (await t.get(`/article/${articleId}`)).$('script:not([type="application/ld+json"])').length;
  });
  after(() => t.close());

  it(`has at least 25 payloads (${XSS_PAYLOADS.length})`, () => {
    assert.ok(XSS_PAYLOADS.length >= 25);
  });

  it('stored and shown as text: body on the article page and on 查看所有评论', async () => {
    for (const [index, payload] of XSS_PAYLOADS.entries()) {
      t.clock.advance(4 * 60_000); // stays under the per-address limits (15 s, 20 an hour)
      const reader = new ReaderSession(t);
      await reader.openCommentForm(articleId);
      await reader.captcha();
      const nickname = payload.slice(0, 20);
      const response = await reader.post(`/article/${articleId}/comments`, {
        _csrf: reader.csrfToken,
        nickname,
        body: `${index}:${payload}`,
        captcha: ANSWER,
      });
      assert.equal(response.status, 303, payload);
      const page = await reader.get(`/article/${articleId}`);
      assertOnlyTextIn(page.$, '.comment-list');
      assert.equal(page.$('script:not([type="application/ld+json"])').length, baselineScripts, payload);
      const shown = page.$('.comment-list > .comment').first();
      assert.equal(shown.find('.comment-body').text(), `${index}:${payload}`);
      assert.equal(shown.find('.comment-nickname').text(), nickname.trim());
    }
    const all = await t.get(`/article/${articleId}/comments?order=newest`);
    assertOnlyTextIn(all.$, '.comment-list');
    assert.equal(all.$('script:not([type="application/ld+json"])').length, baselineScripts);
  });

  it('replies: stored and shown as text under their floor, and a floor quoted as text on the 回复 page', async () => {
    const floors = await t.repos.comments.listFloors(articleId, { limit: 1, newestFirst: true });
    const parentId = floors[0]!.id; // the newest floor: the last payload of the test above
    for (const [index, payload] of XSS_PAYLOADS.entries()) {
      t.clock.advance(4 * 60_000);
      const reader = new ReaderSession(t);
      const replyPage = await reader.get(`/article/${articleId}/comments/new?reply=${parentId}`);
      assertOnlyTextIn(replyPage.$, 'blockquote.reply-quote');
      assert.equal(replyPage.$('script').length, 1, `only the site's own script: ${payload}`);
      await reader.captcha();
      const nickname = payload.slice(0, 20);
      const response = await reader.post(`/article/${articleId}/comments`, {
        _csrf: reader.csrfToken,
        nickname,
        body: `回复${index}:${payload}`,
        captcha: ANSWER,
        parentId: String(parentId),
      });
      assert.equal(response.status, 303, payload);
    }
    // the article page shows the first three; 查看所有评论 shows them all
    const page = await t.get(`/article/${articleId}`);
    assertOnlyTextIn(page.$, '.comment-list');
    assert.equal(page.$('script:not([type="application/ld+json"])').length, baselineScripts);
    const all = await t.get(`/article/${articleId}/comments?order=newest`);
    assertOnlyTextIn(all.$, '.comment-list');
    assert.equal(all.$('script:not([type="application/ld+json"])').length, baselineScripts);
    const shown = all.$(`#comment-${parentId} .comment-reply`);
    assert.equal(shown.length, XSS_PAYLOADS.length);
    shown.each((index, li) => {
      const payload = XSS_PAYLOADS[index]!;
      assert.equal(all.$(li).find('.comment-body').text(), `回复${index}:${payload}`);
      assert.equal(all.$(li).find('.comment-nickname').text(), payload.slice(0, 20).trim());
    });
  });

  it('echoed back as text into a reply form that failed validation', async () => {
    const [floor] = await t.repos.comments.listFloors(articleId, { limit: 1, newestFirst: true });
    for (const payload of XSS_PAYLOADS) {
      const reader = new ReaderSession(t);
      const path = `/article/${articleId}/comments/new?reply=${floor!.id}`;
      await reader.get(path);
      const posted = await reader.post(`/article/${articleId}/comments`, {
        _csrf: reader.csrfToken,
        nickname: payload,
        body: payload,
        captcha: 'wrong',
        parentId: String(floor!.id),
      });
      assert.equal(posted.headers.get('location'), path, payload);
      const { $ } = await reader.get(path);
      assert.equal($('script').length, 1, `only the site's own script: ${payload}`);
      assert.equal($('textarea[name=body]').text(), payload.trim());
      assert.equal($('input[name=nickname]').attr('value'), payload.trim());
      assert.equal($('form.comment-form *').filter((_, el) => Object.keys(el.attribs).some((a) => /^on/i.test(a))).length, 0);
    }
  });

  it('echoed back as text into a form that failed validation', async () => {
    for (const payload of XSS_PAYLOADS) {
      const reader = new ReaderSession(t);
      await reader.openCommentForm(articleId);
      const posted = await reader.post(`/article/${articleId}/comments`, {
        _csrf: reader.csrfToken,
        nickname: payload,
        body: payload,
        captcha: 'wrong',
      });
      assert.equal(posted.status, 303, payload);
      const { $ } = await reader.get(`/article/${articleId}/comments/new`); // where the form comes back (post/redirect/get)
      assert.equal($('script').length, 1, `only the site's own script: ${payload}`);
      assert.equal($('textarea[name=body]').text(), payload.trim());
      assert.equal($('input[name=nickname]').attr('value'), payload.trim());
      assert.equal($('form.comment-form *').filter((_, el) => Object.keys(el.attribs).some((a) => /^on/i.test(a))).length, 0);
    }
  });
});
