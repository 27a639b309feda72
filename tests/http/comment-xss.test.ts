// XSS through the comment form: every payload comes back as text only, both when stored and
// shown, and when echoed back into a form that failed validation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CheerioAPI } from 'cheerio';
import { ReaderSession } from '../support/browser-session.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';

const ANSWER = 'XSS9';
const ALLOWED_IN_COMMENTS = new Set(['ol', 'li', 'p', 'span', 'time', 'br']);

function assertOnlyTextIn($: CheerioAPI, selector: string): void {
  $(selector)
    .find('*')
    .each((_, element) => {
      const name = element.tagName.toLowerCase();
      if (name === 'a') {
        // the one link a comment has: its 举报 link, which the site writes, not the commenter
        assert.equal(element.attribs.class, 'comment-report', `unexpected <a> in ${selector}`);
        assert.match(element.attribs.href ?? '', /^\/comments\/\d+\/report$/);
        assert.deepEqual(Object.keys(element.attribs).sort(), ['class', 'href', 'rel']);
        return;
      }
      assert.ok(ALLOWED_IN_COMMENTS.has(name), `unexpected <${name}> in ${selector}`);
      for (const attribute of Object.keys(element.attribs)) {
        assert.doesNotMatch(attribute, /^on/i, `event handler ${attribute}`);
        assert.ok(['class', 'id', 'datetime', 'start'].includes(attribute), `attribute ${attribute} on <${name}>`);
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
      const shown = page.$('.comment').first();
      assert.equal(shown.find('.comment-body').text(), `${index}:${payload}`);
      assert.equal(shown.find('.comment-nickname').text(), nickname.trim());
    }
    const all = await t.get(`/article/${articleId}/comments?order=newest`);
    assertOnlyTextIn(all.$, '.comment-list');
    assert.equal(all.$('script:not([type="application/ld+json"])').length, baselineScripts);
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
