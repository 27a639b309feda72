// 投稿信箱: the form without JavaScript, captcha, validation, abuse limits; stored for editors.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { loggedIn } from '../support/admin.js';
import { ReaderSession } from '../support/browser-session.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';

const ANSWER = 'T6GH';

describe('reader submissions', () => {
  let t: TestApp;
  before(async () => {
    t = await makeTestApp({ captchaText: () => ANSWER });
  });
  after(() => t.close());
  beforeEach(() => t.clock.advance(60 * 60_000));

  const count = () => t.storage.repositories.submissions.count();
  const story = (n = 0) => ({
    name: '热心读者',
    contact: 'reader@example.org',
    title: `小区门口的路灯坏了${n}`,
    body: `路灯已经坏了两个月，晚上孩子放学很不安全，希望有关部门尽快修复。（${n}）`,
  });

  async function ready(): Promise<ReaderSession> {
    const reader = new ReaderSession(t);
    await reader.get('/submit');
    await reader.captcha('submission');
    return reader;
  }

  it('shows the form with the guide, and stores a valid submission with a confirmation page', async () => {
    const page = await t.get('/submit');
    assert.equal(page.status, 200);
    assert.equal(textOf(page.$, 'main h1'), '投稿信箱');
    for (const [name, label] of [
      ['name', '姓名或笔名'],
      ['contact', '电话或电子邮箱'],
      ['title', '标题'],
      ['body', '正文'],
      ['captcha', '验证码'],
    ]) {
      const id = page.$(`form.submission-form [name=${name}]`).attr('id');
      assert.equal(page.$(`label[for=${id}]`).text(), label);
    }
    assert.equal(page.$('img.captcha-image').attr('src'), '/captcha?purpose=submission');
    assert.match(textOf(page.$, '#guide-title'), /投稿须知/);
    const before = await count();
    const reader = await ready();
    const response = await reader.post('/submit', { _csrf: reader.csrfToken, captcha: ANSWER.toLowerCase(), ...story(1) });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/submit/thanks');
    const thanks = await reader.get('/submit/thanks');
    assert.match(textOf(thanks.$, '.notice'), /稿件已收到/);
    assert.equal(await count(), before + 1);
    const editor = await loggedIn(t, 'chief');
    const inbox = await editor.get('/admin/submissions');
    assert.match(textOf(inbox.$, 'main'), /小区门口的路灯坏了1/);
  });

  it('a comment captcha does not work for a submission (bound to its purpose)', async () => {
    const reader = new ReaderSession(t);
    await reader.get('/submit');
    await reader.captcha('comment');
    const response = await reader.post('/submit', { _csrf: reader.csrfToken, captcha: ANSWER, ...story(2) });
    assert.equal(response.status, 422);
    assert.match(textOf(response.$, '#submit-captcha-error'), /失效/);
  });

  it('comes back 422 with errors and the input kept', async () => {
    const reader = await ready();
    const response = await reader.post('/submit', {
      _csrf: reader.csrfToken,
      captcha: ANSWER,
      name: '',
      contact: 'x',
      title: '甲',
      body: '太短',
    });
    assert.equal(response.status, 422);
    assert.ok(response.$('#submit-name-error').text());
    assert.match(response.$('#submit-title-error').text(), /至少 2/);
    assert.match(response.$('#submit-body-error').text(), /至少 20/);
    assert.equal(response.$('textarea[name=body]').text(), '太短');
    assert.equal(response.$('input[name=contact]').val(), 'x');
  });

  it('applies the comment abuse limits: 15 s spacing (429) and duplicates (409)', async () => {
    const first = await ready();
    assert.equal((await first.post('/submit', { _csrf: first.csrfToken, captcha: ANSWER, ...story(3) })).status, 303);
    const second = await ready();
    const tooSoon = await second.post('/submit', { _csrf: second.csrfToken, captcha: ANSWER, ...story(4) });
    assert.equal(tooSoon.status, 429);
    assert.equal(tooSoon.$('textarea[name=body]').text(), story(4).body);
    t.clock.advance(16_000);
    const third = await ready();
    assert.equal((await third.post('/submit', { _csrf: third.csrfToken, captcha: ANSWER, ...story(3) })).status, 409);
  });

  it('CSRF, repeated fields and odd encodings are refused; nothing stored', async () => {
    const before = await count();
    const reader = await ready();
    assert.equal((await reader.post('/submit', { captcha: ANSWER, ...story(5) })).status, 403);
    const token = encodeURIComponent(reader.csrfToken);
    assert.equal(
      (await reader.post('/submit', `_csrf=${token}&name=a&name=b&contact=c&title=ttt&body=${'x'.repeat(30)}&captcha=${ANSWER}`)).status,
      400,
    );
    assert.equal((await reader.post('/submit', `_csrf=${token}&name=%E0%A4%A&contact=c`)).status, 400);
    assert.equal(await count(), before);
  });

  it('stores XSS payloads as text and shows them escaped to editors', async () => {
    const editor = await loggedIn(t, 'chief');
    for (const [i, payload] of XSS_PAYLOADS.slice(0, 10).entries()) {
      t.clock.advance(13 * 60_000); // under the hourly cap of 5
      const reader = await ready();
      const response = await reader.post('/submit', {
        _csrf: reader.csrfToken,
        captcha: ANSWER,
        name: payload.slice(0, 40),
        contact: 'x@example.org',
        title: `XSS ${i} ${payload}`.slice(0, 100),
        body: `${payload} 正文足够长足够长足够长足够长足够长`,
      });
      assert.equal(response.status, 303, payload);
    }
    const inbox = await editor.get('/admin/submissions');
    assert.equal(inbox.$('main script, main img, main iframe, main svg').length, 0);
  });
});
