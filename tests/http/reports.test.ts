// 举报 (issue 16): every shown comment has a 举报 link (also on cached pages); the report form
// takes a reason from the list, a note and a captcha, with CSRF and a per-address limit; the
// reporter gets a receipt code and looks up the outcome on 处理结果; N distinct reporters hide
// the comment until an editor keeps, hides or deletes it (audited); bad input stores nothing.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { loggedIn } from '../support/admin.js';
import { ReaderSession } from '../support/browser-session.js';
import { auditEntries } from '../support/records.js';
import { makeTestApp, textOf, type Page, type TestApp } from '../support/test-app.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';
import { assertNoScriptVectors } from '../support/attack.js';

const ANSWER = 'K7PX';
let addressCounter = 0;

describe('reporting comments', () => {
  let t: TestApp;
  let articleId: number;

  before(async () => {
    t = await makeTestApp({ captchaText: () => ANSWER, env: { TRUST_PROXY: 'loopback' } });
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    articleId = newest!.id;
  });
  after(() => t.close());
  beforeEach(() => t.clock.advance(2 * 60 * 60_000)); // out of the previous test's hourly windows

  async function addComment(body: string): Promise<number> {
    return t.repos.comments.create({ articleId, nickname: '被举报的人', body, status: 'approved', ipHash: 'h' }, t.clock());
  }

  /** A reader from an address of their own, on the comment's report form with a captcha. */
  async function reporter(commentId: number): Promise<{ reader: ReaderSession; form: Page }> {
    addressCounter += 1;
    const reader = new ReaderSession(t, { 'user-agent': 'Mozilla/5.0 test-reader', 'x-forwarded-for': `198.51.100.${addressCounter}` });
    const form = await reader.get(`/comments/${commentId}/report`);
    await reader.captcha('report');
    return { reader, form };
  }

  const send = (reader: ReaderSession, commentId: number, fields: Record<string, string>) =>
    reader.post(`/comments/${commentId}/report`, { _csrf: reader.csrfToken, captcha: ANSWER, ...fields });

  const openReports = () => t.storage.repositories.reports.countOpen();
  const statusOf = async (id: number) => (await t.storage.repositories.comments.findById(id))?.status;

  it('every shown comment links to its report form, on the cached article page too, and the form says what is kept', async () => {
    const id = await addComment('链接在这里');
    const page = await t.get(`/article/${articleId}`);
    assert.equal(page.$(`#comment-${id} a.comment-report`).attr('href'), `/comments/${id}/report`);
    assert.equal(page.$(`#comment-${id} a.comment-report`).text(), '举报');
    const { form } = await reporter(id);
    assert.equal(form.status, 200);
    assert.equal(form.headers.get('cache-control'), 'no-store');
    assert.match(textOf(form.$, '.reported-comment'), /链接在这里/);
    assert.deepEqual(
      form
        .$('input[name=reason]')
        .map((_, el) => form.$(el).attr('value'))
        .get(),
      ['illegal', 'rumour', 'abuse', 'vulgar', 'privacy', 'spam', 'other'],
    );
    assert.match(textOf(form.$, '.form-note'), /不保存地址本身/);
    assert.equal(form.$('img.captcha-image').attr('src'), '/captcha?purpose=report');
  });

  it('a report gives a receipt code once; 处理结果 shows it pending, then the decision', async () => {
    const id = await addComment('要举报的评论');
    const { reader } = await reporter(id);
    const response = await send(reader, id, { reason: 'abuse', detail: '辱骂他人' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `/comments/${id}/report/done`);
    const done = await reader.get(`/comments/${id}/report/done`);
    const code = textOf(done.$, '.receipt-code code');
    assert.match(code, /^[A-Z2-9]{4}(?:-[A-Z2-9]{4}){3}$/);
    assert.equal((await reader.get(`/comments/${id}/report/done`)).status, 303, 'shown once');

    const pending = await new ReaderSession(t).get(`/report-status?code=${encodeURIComponent(code.toLowerCase().replace(/-/g, ' '))}`);
    assert.equal(pending.status, 200, 'any case, spaces for dashes');
    assert.equal(textOf(pending.$, '.report-result'), '已受理，正在处理。');
    assert.match(textOf(pending.$, '.report-outcome'), /人身攻击、辱骂/);
    assert.equal(await statusOf(id), 'approved', 'one report does not hide it');

    const editor = await loggedIn(t, 'chief');
    const queue = await editor.get('/admin/reports');
    const row = queue.$(`#reported-${id}`);
    assert.match(row.text(), /要举报的评论/);
    assert.equal(textOf(queue.$, `#reported-${id} .report-count`), '1');
    assert.match(row.text(), /人身攻击、辱骂/);
    assert.match(row.text(), /仍在显示/);
    assert.equal(textOf(queue.$, `#reported-${id} .report-detail`), '辱骂他人');
    const decided = await editor.post(`/admin/reports/${id}/decision`, { _csrf: editor.csrfToken, decision: 'hide' });
    assert.equal(decided.status, 303);
    assert.equal(await statusOf(id), 'rejected');
    const after = (await t.get(`/article/${articleId}`)).$;
    assert.equal(after(`#comment-${id} .comment-body`).length, 0, 'its text is gone from the page at once');
    assert.equal(textOf(after, `#comment-${id} .comment-removed`), '该评论已删除。', 'its floor says so');
    assert.doesNotMatch(after.html(), /要举报的评论/);
    const audit = (await auditEntries(t.storage.repositories, { action: 'report.hide' })).at(-1);
    assert.equal(audit?.entityId, String(id));
    const outcome = await new ReaderSession(t).get(`/report-status?code=${code}`);
    assert.equal(textOf(outcome.$, '.report-result'), '经审核，评论已被隐藏');
    assert.equal(await openReports(), 0);
  });

  it('reports from enough distinct addresses hide the comment until an editor decides; keep shows it again', async () => {
    await t.repos.settings.setMany({ reportHideThreshold: '2' });
    const id = await addComment('被多人举报');
    const first = await reporter(id);
    assert.equal((await send(first.reader, id, { reason: 'spam' })).status, 303);
    const again = await send(first.reader, id, { reason: 'spam', captcha: ANSWER });
    assert.equal(again.status, 422, 'the captcha was used up');
    await first.reader.captcha('report');
    const duplicate = await send(first.reader, id, { reason: 'spam' });
    assert.equal(duplicate.status, 409, 'one report per address');
    assert.match(textOf(duplicate.$, '.notice'), /请勿重复举报/);
    assert.equal(await statusOf(id), 'approved');

    const second = await reporter(id);
    assert.equal((await send(second.reader, id, { reason: 'rumour' })).status, 303);
    assert.match(textOf((await second.reader.get(`/comments/${id}/report/done`)).$, '.notice'), /已暂时隐藏/);
    assert.equal(await statusOf(id), 'pending', 'hidden until reviewed');
    const hidden = (await t.get(`/article/${articleId}`)).$;
    assert.equal(hidden(`#comment-${id} .comment-body`).length, 0);
    assert.equal(textOf(hidden, `#comment-${id} .comment-removed`), '该评论正在复核，暂不显示。');
    assert.equal((await (await reporter(id)).form).status, 404, 'a hidden comment cannot be reported');

    const editor = await loggedIn(t, 'chief');
    const queue = await editor.get('/admin/reports');
    assert.equal(textOf(queue.$, `#reported-${id} .report-count`), '2');
    assert.match(textOf(queue.$, `#reported-${id}`), /已隐藏，待处理/);
    await editor.post(`/admin/reports/${id}/decision`, { _csrf: editor.csrfToken, decision: 'keep' });
    assert.equal(await statusOf(id), 'approved');
    assert.equal((await t.get(`/article/${articleId}`)).$(`#comment-${id}`).length, 1, 'shown again');
    await t.repos.settings.setMany({ reportHideThreshold: '3' });
  });

  it('deleting a reported comment keeps the outcome for the reporter', async () => {
    const id = await addComment('将被删除');
    const { reader } = await reporter(id);
    await send(reader, id, { reason: 'illegal' });
    const code = textOf((await reader.get(`/comments/${id}/report/done`)).$, '.receipt-code code');
    const editor = await loggedIn(t, 'chief');
    await editor.post(`/admin/reports/${id}/decision`, { _csrf: editor.csrfToken, decision: 'delete' });
    assert.equal(await statusOf(id), 'deleted', 'the row stays: its floor says so, and the commenter may appeal');
    assert.equal(textOf((await t.get(`/article/${articleId}`)).$, `#comment-${id} .comment-removed`), '该评论已删除。');
    assert.equal(textOf((await new ReaderSession(t).get(`/report-status?code=${code}`)).$, '.report-result'), '经审核，评论已被删除');
    assert.equal((await editor.post(`/admin/reports/${id}/decision`, { _csrf: editor.csrfToken, decision: 'keep' })).status, 303);
    assert.equal((await editor.post(`/admin/reports/${id}/decision`, { _csrf: editor.csrfToken, decision: 'burn' })).status, 400);
  });

  it('bad input: 404 for comments not shown, 403 without a token, 422 for a wrong captcha or reason; nothing stored', async () => {
    const id = await addComment('坏输入');
    const pending = await t.repos.comments.create(
      { articleId, nickname: '待审', body: '还没通过', status: 'pending', ipHash: 'h' },
      t.clock(),
    );
    const before = await openReports();
    const { reader } = await reporter(id);
    assert.equal((await reader.get('/comments/999999/report')).status, 404);
    assert.equal((await reader.get(`/comments/${pending}/report`)).status, 404);
    assert.equal((await reader.get('/comments/abc/report')).status, 404);
    assert.equal((await send(reader, pending, { reason: 'spam' })).status, 404);
    assert.equal((await reader.post(`/comments/${id}/report`, { captcha: ANSWER, reason: 'spam' })).status, 403, 'no CSRF token');
    const foreign = await reader.post(
      `/comments/${id}/report`,
      { _csrf: 'forged', captcha: ANSWER, reason: 'spam' },
      { origin: 'https://evil.example' },
    );
    assert.equal(foreign.status, 403);
    await reader.captcha('report');
    const wrong = await send(reader, id, { reason: 'spam', captcha: 'WRONG' });
    assert.equal(wrong.status, 422);
    assert.match(textOf(wrong.$, '#report-captcha-error'), /验证码不正确/);
    await reader.captcha('report');
    const noReason = await send(reader, id, { reason: 'bogus', detail: '保留我的说明' });
    assert.equal(noReason.status, 422);
    assert.equal(textOf(noReason.$, '#report-reason-error'), '请选择举报理由。');
    assert.equal(noReason.$('#report-detail').text(), '保留我的说明', 'the input is kept');
    await reader.captcha('report');
    const otherWithout = await send(reader, id, { reason: 'other' });
    assert.equal(textOf(otherWithout.$, '#report-detail-error'), '选择“其他”时，请写明理由。');
    await reader.captcha('report');
    assert.equal((await send(reader, id, { reason: 'spam', detail: '长'.repeat(201) })).status, 422);
    assert.equal(await openReports(), before, 'nothing stored');
    assert.equal((await new ReaderSession(t).get('/report-status?code=AAAA-BBBB-CCCC-DDDD')).status, 404);
    assert.equal((await new ReaderSession(t).get('/report-status?code=not-a-code')).status, 404);
    assert.equal((await new ReaderSession(t).get(`/report-status?code=${'x'.repeat(100)}`)).status, 400);
    const blank = await new ReaderSession(t).get('/report-status');
    assert.equal(blank.status, 200);
    assert.equal(blank.$('input[name=code]').length, 1);
  });

  it('limits reports per address', async () => {
    const ids = await Promise.all(Array.from({ length: 11 }, (_, i) => addComment(`限流 ${i}`)));
    addressCounter += 1;
    const reader = new ReaderSession(t, { 'user-agent': 'Mozilla/5.0 test-reader', 'x-forwarded-for': `203.0.113.${addressCounter}` });
    const statuses: number[] = [];
    for (const id of ids) {
      await reader.get(`/comments/${id}/report`);
      await reader.captcha('report');
      statuses.push((await send(reader, id, { reason: 'spam' })).status);
    }
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(303));
    assert.equal(statuses[10], 429);
  });

  it('hostile notes are stored and shown as text, never markup: the form that comes back and the queue', async () => {
    await t.repos.settings.setMany({ reportHideThreshold: '999' }); // every report stays on the shown comment
    const id = await addComment('XSS 说明');
    for (const payload of XSS_PAYLOADS.filter((p) => Array.from(p).length <= 200)) {
      const { reader } = await reporter(id);
      const refused = await send(reader, id, { reason: 'bogus', detail: payload });
      assert.equal(refused.status, 422);
      assertNoScriptVectors(refused.$, 'report form with a hostile note');
      await reader.captcha('report');
      assert.equal((await send(reader, id, { reason: 'other', detail: payload })).status, 303);
    }
    const editor = await loggedIn(t, 'chief');
    const queue = await editor.get('/admin/reports');
    assert.ok(queue.$(`#reported-${id} .report-detail`).length >= 2);
    assertNoScriptVectors(queue.$, 'report queue with hostile notes');
    await editor.post(`/admin/reports/${id}/decision`, { _csrf: editor.csrfToken, decision: 'keep' });
    await t.repos.settings.setMany({ reportHideThreshold: '3' });
  });
});
