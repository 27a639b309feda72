// Floors and replies (issue 16): a floor number is given when a comment is approved and never
// changes; a removed floor shows 该评论已删除 (and its replies); one level of replies, from a
// per-reader 回复 page linked from the cached pages, through the same review, captcha and limits;
// a reply to a reply or to another article's comment is 400; deleted comments can be appealed.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { CommentStatus } from '../../src/domain/types.js';
import { loggedIn } from '../support/admin.js';
import { articleFields } from '../support/article-fields.js';
import { ReaderSession } from '../support/browser-session.js';
import { allComments, commentCount } from '../support/records.js';
import { makeTestApp, textOf, type Page, type TestApp } from '../support/test-app.js';

const ANSWER = 'K7PX';
const MINUTE = 60_000;

describe('floors and replies', () => {
  let t: TestApp;
  let articleId: number;
  let otherArticleId: number;

  before(async () => {
    t = await makeTestApp({ captchaText: () => ANSWER }); // review-first, as a fresh site
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    otherArticleId = newest!.id;
  });
  after(() => t.close());
  beforeEach(async () => {
    t.clock.advance(60 * MINUTE); // out of the previous test's per-address windows
    articleId = await t.repos.articles.create(articleFields(1, t.clock(), { title: `楼层测试 ${t.clock()}` }), t.clock());
  });

  async function addComment(body: string, status: CommentStatus = 'approved', parentId: number | null = null, id = articleId) {
    t.clock.advance(1_000);
    return t.repos.comments.create({ articleId: id, parentId, nickname: '网友', body, status, ipHash: '' }, t.clock());
  }

  const replyPage = (parentId: number, id = articleId) => `/article/${id}/comments/new?reply=${parentId}`;

  /** A reader on the 回复 page of a floor, with its token and a captcha. */
  async function readerOnReplyPage(parentId: number): Promise<{ reader: ReaderSession; page: Page }> {
    const reader = new ReaderSession(t);
    const page = await reader.get(replyPage(parentId));
    await reader.captcha();
    return { reader, page };
  }

  async function reply(reader: ReaderSession, parentId: number | string, body: string, extra: Record<string, string> = {}) {
    return reader.post(`/article/${articleId}/comments`, {
      _csrf: reader.csrfToken,
      captcha: ANSWER,
      nickname: '回复者',
      body,
      parentId: String(parentId),
      ...extra,
    });
  }

  const floorsOf = (page: Page) =>
    page
      .$('.comment-list > .comment')
      .map((_, li) => {
        const floor = page.$(li);
        return `${floor.children('.comment-meta').find('.comment-floor').text()} ${
          floor.children('.comment-body').text() || floor.children('.comment-removed').text()
        }`;
      })
      .get();

  it('gives a floor when a comment is approved, in the order of approval, and never gives a number twice', async () => {
    const editor = await loggedIn(t, 'chief');
    const early = await addComment('先写的', 'pending');
    const late = await addComment('后写的', 'pending');
    const waiting = await t.get(`/article/${articleId}`);
    assert.equal(waiting.$('.comment-list').length, 0, 'nothing shown while both wait');
    await editor.post(`/admin/comments/${late}/moderate`, { _csrf: editor.csrfToken, action: 'approve' });
    await editor.post(`/admin/comments/${early}/moderate`, { _csrf: editor.csrfToken, action: 'approve' });
    assert.deepEqual(floorsOf(await t.get(`/article/${articleId}/comments`)), ['1楼 后写的', '2楼 先写的'], 'numbered when approved');

    await editor.post(`/admin/comments/${late}/moderate`, { _csrf: editor.csrfToken, action: 'delete' });
    const third = await addComment('第三条', 'pending');
    await editor.post(`/admin/comments/${third}/moderate`, { _csrf: editor.csrfToken, action: 'approve' });
    const page = await t.get(`/article/${articleId}/comments`);
    assert.deepEqual(floorsOf(page), ['1楼 该评论已删除。', '2楼 先写的', '3楼 第三条'], 'the removed floor keeps its number');
    assert.equal(page.$(`#comment-${late} .comment-nickname, #comment-${late} .comment-region`).length, 0);
    assert.doesNotMatch(page.text, /后写的/, 'not its text');
    assert.equal(
      page.$(`#comment-${late} .comment-reply-link, #comment-${late} .comment-report`).length,
      0,
      'nothing to reply to or report',
    );
    assert.match(textOf(page.$, 'main h1'), /共 2 条/, 'the count is of comments shown');
    assert.deepEqual(floorsOf(await t.get(`/article/${articleId}/comments?order=newest`)), [
      '3楼 第三条',
      '2楼 先写的',
      '1楼 该评论已删除。',
    ]);
    // undone, it returns to its own floor
    await editor.post(`/admin/comments/${late}/moderate`, { _csrf: editor.csrfToken, action: 'approve' });
    assert.deepEqual(floorsOf(await t.get(`/article/${articleId}`)), ['3楼 第三条', '2楼 先写的', '1楼 后写的']);
  });

  it('a reply from the 回复 link of a cached page: quoted, reviewed first, then shown under its floor', async () => {
    const floor = await addComment('楼主的观点\n第二行');
    const article = await t.get(`/article/${articleId}`);
    const link = article.$(`#comment-${floor} .comment-reply-link`);
    assert.equal(link.attr('href'), replyPage(floor));
    assert.equal(link.attr('rel'), 'nofollow');
    assert.equal(article.headers.get('set-cookie'), null, 'the article page stays the same for everyone');

    const { reader, page } = await readerOnReplyPage(floor);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('cache-control') ?? '', /no-store/);
    assert.equal(textOf(page.$, 'main h1').replace(/\s*发贴须知$/, ''), '回复 1楼');
    assert.equal(page.$('blockquote.reply-quote .comment-body').html(), '楼主的观点<br>第二行');
    assert.equal(page.$('form.comment-form input[name=parentId]').val(), String(floor));
    assert.equal(page.$('form.comment-form').attr('action'), `/article/${articleId}/comments`);
    assert.match(page.$('meta[name=robots]').attr('content') ?? '', /noindex/);
    assert.equal(textOf(page.$, '.comment-page > .form-note'), '本站评论经审核后显示。');

    const posted = await reply(reader, floor, '我来回复');
    assert.equal(posted.status, 303);
    assert.equal(posted.headers.get('location'), `/article/${articleId}#comments`);
    const frame = await reader.openCommentForm(articleId);
    assert.match(textOf(frame.$, '.notice'), /^回复已提交，审核通过后将显示。.*申诉码/);
    const stored = (await allComments(t.storage.repositories)).find((c) => c.body === '我来回复')!;
    assert.deepEqual([stored.status, stored.parentId, stored.floor], ['pending', floor, null]);
    assert.equal((await t.get(`/article/${articleId}`)).$('.comment-replies').length, 0, 'not shown while it waits');

    const editor = await loggedIn(t, 'chief');
    const queue = await editor.get('/admin/comments');
    assert.equal(textOf(queue.$, `#comment-${stored.id} .comment-place`), `回复评论 #${floor}`, 'the queue says what it answers');
    await editor.post(`/admin/comments/${stored.id}/moderate`, { _csrf: editor.csrfToken, action: 'approve' });
    const shown = await t.get(`/article/${articleId}`);
    const replyItem = shown.$(`#comment-${floor} .comment-replies #comment-${stored.id}`);
    assert.equal(replyItem.find('.comment-body').text(), '我来回复', 'under its floor, on the next request');
    assert.equal(replyItem.find('.reply-to').text(), '回复 1楼');
    assert.equal(replyItem.find('.comment-reply-link').length, 0, 'one level: a reply has no 回复 link');
    assert.equal(replyItem.find('.comment-report').attr('href'), `/comments/${stored.id}/report`, 'but can be reported');
    assert.equal(shown.$('.comment-list > .comment').length, 1, 'a reply is not a floor');
    assert.match(textOf(shown.$, '#latest-comments-title'), /共 2 条/);
    const all = await t.get(`/article/${articleId}/comments`);
    assert.equal(all.$(`#comment-${floor} .comment-replies #comment-${stored.id} .comment-body`).text(), '我来回复');
  });

  it('the article page shows three replies of a floor and links the rest; 查看所有评论 shows them all', async () => {
    const floor = await addComment('热门评论');
    for (let i = 1; i <= 5; i += 1) await addComment(`回复${i}`, 'approved', floor);
    await addComment('待审的回复', 'pending', floor);
    const page = await t.get(`/article/${articleId}`);
    assert.deepEqual(
      page
        .$(`#comment-${floor} .comment-reply .comment-body`)
        .map((_, el) => page.$(el).text())
        .get(),
      ['回复1', '回复2', '回复3'],
    );
    const more = page.$(`#comment-${floor} .more-replies a`);
    assert.equal(more.text(), '查看 1楼的全部回复');
    assert.equal(more.attr('href'), `/article/${articleId}/comments?page=1#comment-${floor}`);
    const all = await t.get(`/article/${articleId}/comments`);
    assert.equal(all.$(`#comment-${floor} .comment-reply`).length, 5);
    assert.doesNotMatch(all.text, /待审的回复/);
    assert.match(textOf(all.$, 'main h1'), /共 6 条/);
  });

  it('a removed floor keeps its replies under its notice; it cannot be replied to', async () => {
    const floor = await addComment('将被删除的楼');
    const answer = await addComment('楼下的回复', 'approved', floor);
    const editor = await loggedIn(t, 'chief');
    await editor.post(`/admin/comments/${floor}/moderate`, { _csrf: editor.csrfToken, action: 'delete' });
    const page = await t.get(`/article/${articleId}`);
    assert.equal(textOf(page.$, `#comment-${floor} .comment-removed`), '该评论已删除。');
    assert.equal(page.$(`#comment-${floor} .comment-replies #comment-${answer} .comment-body`).text(), '楼下的回复');
    assert.equal((await new ReaderSession(t).get(replyPage(floor))).status, 404);
  });

  it('bad replies: to a reply or another article 400, to a comment not shown 404, closed 403, no token 403; nothing stored', async () => {
    const floor = await addComment('可以回复的楼');
    const aReply = await addComment('一条回复', 'approved', floor);
    const elsewhere = await addComment('别的文章的楼', 'approved', null, otherArticleId);
    const waiting = await addComment('待审的楼', 'pending');
    const before = await commentCount(t.storage.repositories);
    const { reader } = await readerOnReplyPage(floor);

    assert.equal((await reader.get(replyPage(aReply))).status, 400);
    assert.match(textOf((await reader.get(replyPage(aReply))).$, 'main'), /不能回复别人的回复/);
    assert.equal((await reader.get(replyPage(elsewhere))).status, 400);
    assert.equal((await reader.get(replyPage(waiting))).status, 404);
    assert.equal((await reader.get(replyPage(999_999))).status, 404);
    assert.equal((await reader.get(`/article/${articleId}/comments/new?reply=abc`)).status, 400);
    assert.equal((await reader.get(`/article/${articleId}/comments/new?reply=1&reply=2`)).status, 400);

    await reader.get(replyPage(floor));
    assert.equal((await reply(reader, aReply, '回复的回复')).status, 400);
    assert.equal((await reply(reader, elsewhere, '跨文章的回复')).status, 400);
    assert.equal((await reply(reader, waiting, '回复待审的楼')).status, 404);
    assert.equal((await reply(reader, '-1', '编号不对')).status, 400);
    assert.equal((await reply(reader, '1e3', '编号不对')).status, 400);
    assert.equal((await reply(reader, floor, '没有令牌', { _csrf: 'forged' })).status, 403);
    await t.write(async (tx) => {
      const article = (await tx.articles.findById(articleId))!;
      assert.ok(await tx.articles.update(articleId, article.version, { ...article, commentPolicy: 'closed' }, t.clock()));
    });
    assert.equal((await reply(reader, floor, '文章已关闭评论')).status, 403);
    assert.equal((await reader.get(replyPage(floor))).status, 403);
    assert.equal(await commentCount(t.storage.repositories), before, 'nothing stored');
  });

  it('replies follow the captcha and the per-address limits, and a failed reply comes back to its page with the text kept', async () => {
    const floor = await addComment('楼');
    const { reader } = await readerOnReplyPage(floor);
    const wrong = await reply(reader, floor, '验证码错了', { captcha: 'nope' });
    assert.equal(wrong.status, 303);
    assert.equal(wrong.headers.get('location'), replyPage(floor), 'back to the 回复 page');
    const back = await reader.get(replyPage(floor));
    assert.equal(back.$('textarea[name=body]').text(), '验证码错了');
    assert.equal(back.$('form.comment-form input[name=parentId]').val(), String(floor));
    assert.match(textOf(back.$, '.error-summary'), /回复未能发表/);

    await reader.captcha();
    assert.equal((await reply(reader, floor, '第一条回复')).status, 303);
    await reader.get(replyPage(floor));
    await reader.captcha();
    const tooSoon = await reply(reader, floor, '紧接着的第二条');
    assert.equal(tooSoon.headers.get('location'), replyPage(floor));
    assert.match(textOf((await reader.get(replyPage(floor))).$, '.error-summary'), /太频繁/);
    await reader.captcha();
    t.clock.advance(MINUTE);
    assert.equal((await reply(reader, floor, '第一条回复')).headers.get('location'), replyPage(floor), 'the same text twice');
  });

  it('a deleted comment is appealed with its code and restored to its floor', async () => {
    const reader = new ReaderSession(t);
    await reader.openCommentForm(articleId);
    await reader.captcha();
    await reader.post(`/article/${articleId}/comments`, {
      _csrf: reader.csrfToken,
      captcha: ANSWER,
      nickname: '评论者',
      body: '被误删的评论',
    });
    const code = /申诉码：(\S{19})/.exec(textOf((await reader.openCommentForm(articleId)).$, '.notice'))?.[1];
    assert.ok(code);
    const id = (await allComments(t.storage.repositories)).find((c) => c.body === '被误删的评论')!.id;
    const editor = await loggedIn(t, 'chief');
    await editor.post(`/admin/comments/${id}/moderate`, { _csrf: editor.csrfToken, action: 'approve' });
    await editor.post(`/admin/comments/${id}/moderate`, { _csrf: editor.csrfToken, action: 'delete' });
    await reader.get('/appeal');
    await reader.captcha('appeal');
    const appealed = await reader.post('/appeal', { _csrf: reader.csrfToken, captcha: ANSWER, code, reason: '没有违规' });
    assert.equal(appealed.status, 303);
    const queue = await editor.get('/admin/reports');
    const appealId = queue
      .$('.appeal-queue tbody tr')
      .filter((_, el) => queue.$(el).text().includes('被误删的评论'))
      .attr('id')!;
    await editor.post(`/admin/reports/appeals/${appealId.replace('appeal-', '')}/decision`, {
      _csrf: editor.csrfToken,
      decision: 'restore',
    });
    assert.deepEqual(floorsOf(await t.get(`/article/${articleId}`)), ['1楼 被误删的评论']);
  });
});
