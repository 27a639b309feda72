// 评论申诉 (issue 16): a commenter gets an appeal code when posting; a hidden comment is appealed
// with it (reason, captcha, CSRF); an editor restores it or upholds the decision (audited); the
// commenter looks the outcome up with the code; bad codes and comments still shown are refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loggedIn } from '../support/admin.js';
import { ReaderSession } from '../support/browser-session.js';
import { allComments, auditEntries } from '../support/records.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

const ANSWER = 'K7PX';

describe('appeals', () => {
  let t: TestApp;
  let articleId: number;

  before(async () => {
    t = await makeTestApp({ captchaText: () => ANSWER, commentModeration: 'auto' });
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    articleId = newest!.id;
  });
  after(() => t.close());

  /** Posts a comment and returns its id and the appeal code the commenter was shown. */
  async function postComment(body: string): Promise<{ id: number; code: string; reader: ReaderSession }> {
    t.clock.advance(60 * 60_000);
    const reader = new ReaderSession(t);
    await reader.openCommentForm(articleId);
    await reader.captcha();
    await reader.post(`/article/${articleId}/comments`, { _csrf: reader.csrfToken, captcha: ANSWER, nickname: '申诉人', body });
    const frame = await reader.openCommentForm(articleId);
    const code = /申诉码：([A-Z2-9]{4}(?:-[A-Z2-9]{4}){3})/.exec(textOf(frame.$, '.notice'))?.[1];
    assert.ok(code, `the appeal code is shown: ${textOf(frame.$, '.notice')}`);
    const id = (await allComments(t.storage.repositories)).find((c) => c.body === body)!.id;
    return { id, code, reader };
  }

  async function appeal(reader: ReaderSession, fields: Record<string, string>) {
    await reader.get('/appeal');
    await reader.captcha('appeal');
    return reader.post('/appeal', { _csrf: reader.csrfToken, captcha: ANSWER, ...fields });
  }

  it('a hidden comment is appealed with its code, restored by an editor, and the outcome shown', async () => {
    const { id, code, reader } = await postComment('我的评论被误删了');
    const editor = await loggedIn(t, 'chief');
    await editor.post(`/admin/comments/${id}/moderate`, { _csrf: editor.csrfToken, action: 'reject' });
    assert.equal((await t.storage.repositories.comments.findById(id))?.status, 'rejected');

    const response = await appeal(reader, { code: code.toLowerCase(), reason: '评论内容没有违反规定' });
    assert.equal(response.status, 303);
    const status = await reader.get(response.headers.get('location')!);
    assert.match(textOf(status.$, '.notice'), /申诉已提交/);
    assert.equal(textOf(status.$, '.appeal-result'), '已受理，正在复核。');
    assert.equal((await appeal(reader, { code, reason: '再申诉一次' })).status, 409, 'one open appeal at a time');

    const queue = await editor.get('/admin/reports');
    const row = queue.$('.appeal-queue tbody tr').filter((_, el) => queue.$(el).text().includes('我的评论被误删了'));
    assert.equal(row.length, 1);
    assert.match(row.text(), /评论内容没有违反规定/);
    const appealId = row.attr('id')!.replace('appeal-', '');
    assert.equal(
      (await editor.post(`/admin/reports/appeals/${appealId}/decision`, { _csrf: editor.csrfToken, decision: 'restore' })).status,
      303,
    );
    assert.equal((await t.storage.repositories.comments.findById(id))?.status, 'approved');
    assert.equal(
      textOf((await t.get(`/article/${articleId}`)).$, `#comment-${id} .comment-body`),
      '我的评论被误删了',
      'shown again at once',
    );
    assert.equal((await auditEntries(t.storage.repositories, { action: 'appeal.restore' })).at(-1)?.entityId, String(id));
    assert.equal(textOf((await new ReaderSession(t).get(`/appeal?code=${code}`)).$, '.appeal-result'), '经复核，评论已恢复显示');
  });

  it('upholding keeps the comment hidden', async () => {
    const { id, code, reader } = await postComment('这条会被维持');
    const editor = await loggedIn(t, 'chief');
    await editor.post(`/admin/comments/${id}/moderate`, { _csrf: editor.csrfToken, action: 'spam' });
    assert.equal((await appeal(reader, { code, reason: '不是广告' })).status, 303);
    const queue = await editor.get('/admin/reports');
    const appealId = queue
      .$('.appeal-queue tbody tr')
      .filter((_, el) => queue.$(el).text().includes('这条会被维持'))
      .attr('id')!
      .replace('appeal-', '');
    await editor.post(`/admin/reports/appeals/${appealId}/decision`, { _csrf: editor.csrfToken, decision: 'uphold' });
    assert.equal((await t.storage.repositories.comments.findById(id))?.status, 'spam');
    assert.equal(textOf((await new ReaderSession(t).get(`/appeal?code=${code}`)).$, '.appeal-result'), '经复核，维持原处理');
  });

  it('bad input: unknown codes 404, a comment still shown 422, missing reason or captcha 422, no token 403; nothing stored', async () => {
    const { code, reader } = await postComment('还在显示的评论');
    const before = await t.storage.repositories.appeals.countOpen();
    assert.equal((await appeal(reader, { code: 'AAAA-BBBB-CCCC-DDDD', reason: '理由' })).status, 404);
    assert.equal((await appeal(reader, { code: 'nonsense', reason: '理由' })).status, 404);
    const shown = await appeal(reader, { code, reason: '理由' });
    assert.equal(shown.status, 422);
    assert.match(textOf(shown.$, '.notice'), /没有被隐藏/);
    const empty = await appeal(reader, { code, reason: '  ' });
    assert.equal(empty.status, 422);
    assert.equal(textOf(empty.$, '#appeal-reason-error'), '请写明申诉理由。');
    assert.equal((await appeal(reader, { code, reason: '理由', captcha: 'WRONG' })).status, 422);
    assert.equal((await reader.post('/appeal', { code, reason: '理由', captcha: ANSWER })).status, 403);
    assert.equal(await t.storage.repositories.appeals.countOpen(), before);
    assert.equal((await new ReaderSession(t).get(`/appeal?code=${'x'.repeat(80)}`)).status, 400);
  });
});
