// The comment queue in /admin/comments: tabs and counts, escaping, pagination, bulk and per-row
// moderation (audited, only the chosen ids), the public article page following along, CSRF,
// and the moderation settings (mode and sensitive words).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { CommentStatus } from '../../src/domain/types.js';
import { loggedIn } from '../support/admin.js';
import { ReaderSession } from '../support/browser-session.js';
import { allComments, auditEntries, latestAuditId, latestComment } from '../support/records.js';
import { makeTestApp, textOf, type Page, type TestApp } from '../support/test-app.js';

const ANSWER = 'K7PX';

describe('admin comment queue', () => {
  let t: TestApp;
  let articleId: number;
  let articleTitle: string;
  let editor: ReaderSession;

  before(async () => {
    t = await makeTestApp({ captchaText: () => ANSWER, commentModeration: 'auto' });
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    articleId = newest!.id;
    articleTitle = newest!.title;
    editor = await loggedIn(t, 'chief');
  });
  after(() => t.close());
  // Each test starts without comments, and sees only the audit entries written during it.
  let auditedBefore = 0;
  beforeEach(async () => {
    // No repository removes a comment's row (deletion keeps it, as its floor's notice): plain SQL.
    await t.sql.run('DELETE FROM comments');
    auditedBefore = await latestAuditId(t.storage.repositories);
    t.clock.advance(60_000);
  });

  async function addComment(status: CommentStatus, body: string, nickname = '读者', id = articleId): Promise<number> {
    t.clock.advance(1_000);
    return t.repos.comments.create({ articleId: id, nickname, body, status, ipHash: '' }, t.clock());
  }

  const statusOf = async (id: number) => (await t.storage.repositories.comments.findById(id))?.status;
  const auditOf = (action: string) => auditEntries(t.storage.repositories, { action, afterId: auditedBefore });
  const rowIds = (page: Page) =>
    page
      .$('table.comment-queue tbody tr')
      .map((_, row) => Number(page.$(row).attr('data-comment-id')))
      .get();

  describe('the list', () => {
    it('shows the pending tab by default with counts, escaped text with line breaks, and the article link', async () => {
      const id = await addComment('pending', '第一行\n第二行 <script>alert(1)</script>', '<b>网名</b>');
      await addComment('approved', '已通过的评论');
      await addComment('spam', '垃圾一号');
      await addComment('spam', '垃圾二号');
      const page = await editor.get('/admin/comments');
      assert.equal(page.status, 200);
      const { $ } = page;
      assert.equal($('.tabs a[aria-current=page]').attr('data-status'), 'pending');
      const counts = Object.fromEntries(
        ['pending', 'approved', 'rejected', 'spam'].map((s) => [s, textOf($, `.tabs a[data-status=${s}] .tab-count`)]),
      );
      assert.deepEqual(counts, { pending: '1', approved: '1', rejected: '0', spam: '2' });
      assert.deepEqual(rowIds(page), [id]);
      const row = $(`#comment-${id}`);
      assert.equal(row.find('.comment-nickname').text(), '<b>网名</b>');
      assert.equal(row.find('.comment-body').html(), '第一行<br>第二行 &lt;script&gt;alert(1)&lt;/script&gt;');
      assert.equal(row.find('script, b').length, 0);
      assert.equal(row.find('.comment-article a').attr('href'), `/article/${articleId}`);
      assert.equal(row.find('.comment-article a').text(), articleTitle);
      assert.match(row.find('time').text(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      assert.equal(row.find('input[type=checkbox][name=ids]').attr('form'), 'comment-bulk');
      assert.deepEqual(
        row
          .find('td.actions button')
          .map((_, b) => $(b).attr('value'))
          .get(),
        ['approve', 'reject', 'spam', 'delete'],
      );
      assert.equal(row.find('button[value=delete]').attr('data-confirm'), '确定删除吗？');
      assert.equal($('#comment-bulk input[name=_csrf]').val(), editor.csrfToken);
    });

    it('shows the commenter’s network (/24 or /48) stored with each new comment; older comments show none', async () => {
      const older = await addComment('pending', '存网段之前的评论');
      const proxied = await makeTestApp({ captchaText: () => ANSWER, env: { TRUST_PROXY: 'loopback' } });
      try {
        // a comment posted through the form, from a known address behind a trusted proxy
        const [article] = await proxied.portal.repositories.articles.listVisible({ limit: 1 }, proxied.clock());
        await proxied.repos.settings.setMany({ commentModeration: 'review' });
        const commenter = new ReaderSession(proxied, { 'user-agent': 'x', 'x-forwarded-for': '203.0.113.77' });
        await commenter.openCommentForm(article!.id);
        await commenter.captcha();
        await commenter.post(`/article/${article!.id}/comments`, {
          _csrf: commenter.csrfToken,
          nickname: '甲',
          body: '带网段的评论',
          captcha: ANSWER,
        });
        const stored = (await allComments(proxied.storage.repositories)).find((comment) => comment.body === '带网段的评论')!;
        assert.equal(stored.network, '203.0.113.0/24', 'the network, never the address');
        const admin = await loggedIn(proxied, 'chief');
        const queue = await admin.get('/admin/comments');
        assert.equal(textOf(queue.$, 'tr:has(.comment-body:contains("带网段的评论")) .comment-network'), '203.0.113.0/24');
        assert.doesNotMatch(queue.text, /203\.0\.113\.77/);
      } finally {
        await proxied.close();
      }
      const page = await editor.get('/admin/comments');
      assert.equal(page.$(`#comment-${older} .comment-network`).length, 0, 'comments from before show none');
    });

    it('has a 全选 box (shown by the script) for the bulk actions', async () => {
      await addComment('pending', '一');
      await addComment('pending', '二');
      const { $ } = await editor.get('/admin/comments');
      const all = $('table.comment-queue thead input[data-select-all]');
      assert.equal(all.attr('data-select-all'), 'ids');
      assert.notEqual(all.closest('label').attr('hidden'), undefined, 'hidden until admin.js wires it (it needs JavaScript)');
    });

    it('has a tab per status, without the action that status already has', async () => {
      const spam = await addComment('spam', '垃圾评论内容');
      const page = await editor.get('/admin/comments?status=spam');
      assert.equal(page.$('.tabs a[aria-current=page]').attr('data-status'), 'spam');
      assert.deepEqual(rowIds(page), [spam]);
      assert.deepEqual(
        page
          .$(`#comment-${spam} td.actions button`)
          .map((_, b) => page.$(b).attr('value'))
          .get(),
        ['approve', 'reject', 'delete'],
      );
      assert.match(page.$(`#comment-${spam} form`).attr('action') ?? '', /\?status=spam$/);
      assert.equal((await editor.get('/admin/comments?status=approved')).$('table.comment-queue').length, 0);
    });

    it('pages 20 at a time, the longest waiting first; odd parameters are 400, pages past the end 404', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 25; i += 1) ids.push(await addComment('pending', `待审评论 ${i}`));
      const first = await editor.get('/admin/comments?status=pending');
      assert.equal(rowIds(first).length, 20);
      assert.equal(first.$('.pagination a[rel=next]').attr('href'), '/admin/comments?status=pending&page=2');
      const second = await editor.get('/admin/comments?status=pending&page=2');
      const ours = (page: typeof first) => rowIds(page).filter((id) => ids.includes(id));
      assert.deepEqual([...ours(first), ...ours(second)], ids, 'oldest first, across the pages');
      assert.equal(second.$('#comment-bulk').attr('action'), '/admin/comments/bulk?status=pending&page=2');
      assert.equal((await editor.get('/admin/comments?page=3')).status, 404);
      assert.equal((await editor.get('/admin/comments?page=0')).status, 400);
      assert.equal((await editor.get('/admin/comments?status=removed')).status, 400);
      assert.equal((await editor.get('/admin/comments?status=deleted')).status, 200, 'deleted comments have their tab');
      assert.equal((await editor.get('/admin/comments?status=pending&status=spam')).status, 400);
    });

    it('sends visitors who are not logged in to the login page', async () => {
      const response = await t.get('/admin/comments');
      assert.equal(response.status, 303);
      assert.match(response.headers.get('location') ?? '', /^\/admin\/login\?next=/);
    });
  });

  describe('bulk actions', () => {
    it('approve only the ticked comments, audit each, and show them on the article page', async () => {
      const [a, b, c] = [
        await addComment('pending', '第一条待审'),
        await addComment('pending', '第二条待审'),
        await addComment('pending', '第三条待审'),
      ];
      await editor.get('/admin/comments');
      const response = await editor.post(
        '/admin/comments/bulk?status=pending',
        `_csrf=${encodeURIComponent(editor.csrfToken)}&action=approve&ids=${a}&ids=${c}`,
      );
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('location'), '/admin/comments?status=pending');
      assert.deepEqual([await statusOf(a), await statusOf(b), await statusOf(c)], ['approved', 'pending', 'approved']);
      const audited = await auditOf('comment.approve');
      assert.deepEqual(
        audited.map((e) => [e.entityType, e.entityId]),
        [
          ['comment', String(a)],
          ['comment', String(c)],
        ],
      );
      assert.match(audited[0]!.summary, /读者：第一条待审/);
      const queue = await editor.get('/admin/comments');
      assert.equal(textOf(queue.$, '.notice-success'), '已通过 2 条评论。');
      assert.deepEqual(rowIds(queue), [b]);

      const article = await t.get(`/article/${articleId}`);
      const shown = article
        .$('#comments .comment-body')
        .map((_, el) => article.$(el).text())
        .get();
      assert.ok(shown.includes('第一条待审') && shown.includes('第三条待审'));
      assert.ok(!shown.includes('第二条待审'), 'the pending one is still hidden');
    });

    it('reject, spam and delete touch only the chosen ids', async () => {
      const ids = [];
      for (let i = 0; i < 4; i += 1) ids.push(await addComment('approved', `已发表 ${i}`));
      const [a, b, c, d] = ids as [number, number, number, number];
      await editor.get('/admin/comments?status=approved');
      const post = (action: string, chosen: number[]) =>
        editor.post(
          '/admin/comments/bulk?status=approved',
          [`_csrf=${encodeURIComponent(editor.csrfToken)}`, `action=${action}`, ...chosen.map((id) => `ids=${id}`)].join('&'),
        );
      assert.equal((await post('reject', [a])).status, 303);
      assert.equal((await post('spam', [b])).status, 303);
      assert.equal((await post('delete', [c])).status, 303);
      assert.deepEqual(
        [await statusOf(a), await statusOf(b), await statusOf(c), await statusOf(d)],
        ['rejected', 'spam', 'deleted', 'approved'],
      );
      assert.deepEqual(
        (await auditOf('comment.reject')).map((e) => e.entityId),
        [String(a)],
      );
      assert.deepEqual(
        (await auditOf('comment.spam')).map((e) => e.entityId),
        [String(b)],
      );
      assert.deepEqual(
        (await auditOf('comment.delete')).map((e) => e.entityId),
        [String(c)],
      );
      assert.match((await auditOf('comment.delete'))[0]!.summary, /已发表 2/, 'the deleted text stays in the log');
      const article = await t.get(`/article/${articleId}/comments`);
      assert.deepEqual(
        article
          .$('.comment-body')
          .map((_, el) => article.$(el).text())
          .get(),
        ['已发表 3'],
      );
    });

    it('a single ticked box, duplicates and ids that are gone are fine', async () => {
      const a = await addComment('pending', '只有一条');
      await editor.get('/admin/comments');
      const response = await editor.post(
        '/admin/comments/bulk',
        `_csrf=${encodeURIComponent(editor.csrfToken)}&action=spam&ids=${a}&ids=${a}&ids=999999`,
      );
      assert.equal(response.status, 303);
      assert.equal(await statusOf(a), 'spam');
      assert.equal((await auditOf('comment.spam')).filter((e) => e.entityId === String(a)).length, 1);
    });

    it('nothing ticked: 422 with a message and nothing changed', async () => {
      const a = await addComment('pending', '没人勾选');
      await editor.get('/admin/comments');
      const before = (await auditOf('comment.approve')).length;
      const response = await editor.post('/admin/comments/bulk?status=pending', { _csrf: editor.csrfToken, action: 'approve' });
      assert.equal(response.status, 422);
      assert.equal(textOf(response.$, '.notice-error'), '请先勾选要处理的评论。');
      assert.deepEqual(rowIds(response), [a], 'the queue is shown again');
      assert.equal(await statusOf(a), 'pending');
      assert.equal((await auditOf('comment.approve')).length, before);
    });

    it('malformed requests are 400 and change nothing', async () => {
      const a = await addComment('pending', '畸形请求');
      await editor.get('/admin/comments');
      const token = encodeURIComponent(editor.csrfToken);
      for (const body of [
        `_csrf=${token}&action=publish&ids=${a}`,
        `_csrf=${token}&ids=${a}`,
        `_csrf=${token}&action=approve&action=delete&ids=${a}`,
        `_csrf=${token}&action=approve&ids=abc`,
        `_csrf=${token}&action=approve&ids=${a}&ids=-1`,
      ]) {
        assert.equal((await editor.post('/admin/comments/bulk', body)).status, 400, body);
      }
      assert.equal((await editor.post('/admin/comments/bulk?status=nope', `_csrf=${token}&action=approve&ids=${a}`)).status, 400);
      assert.equal(await statusOf(a), 'pending');
    });

    it('without or with a forged CSRF token: 403 and nothing changed', async () => {
      const a = await addComment('pending', '跨站请求');
      await editor.get('/admin/comments');
      assert.equal((await editor.post('/admin/comments/bulk', `action=approve&ids=${a}`)).status, 403);
      assert.equal((await editor.post('/admin/comments/bulk', `_csrf=forged&action=delete&ids=${a}`)).status, 403);
      assert.equal((await editor.post(`/admin/comments/${a}/moderate`, { _csrf: 'forged', action: 'delete' })).status, 403);
      const other = await loggedIn(t, 'chief');
      assert.equal(
        (await editor.post('/admin/comments/bulk', `_csrf=${encodeURIComponent(other.csrfToken)}&action=approve&ids=${a}`)).status,
        403,
        'another session’s token',
      );
      assert.equal(await statusOf(a), 'pending');
      assert.equal((await auditOf('comment.approve')).length + (await auditOf('comment.delete')).length, 0);
    });

    it('after the last page empties, goes back to the page before', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 21; i += 1) ids.push(await addComment('pending', `翻页 ${i}`));
      await editor.get('/admin/comments?status=pending&page=2');
      const response = await editor.post(
        '/admin/comments/bulk?status=pending&page=2',
        `_csrf=${encodeURIComponent(editor.csrfToken)}&action=approve&ids=${ids[0]}`,
      );
      assert.equal(response.headers.get('location'), '/admin/comments?status=pending');
    });

    // formBody() allows 20 fields, so _csrf + action + 20 ticked ids (a whole page) is refused
    // with 413 until src/web/middleware/form-body.ts takes a higher parameterLimit for this route.
    it('a whole page of 20 at once', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 20; i += 1) ids.push(await addComment('pending', `整页 ${i}`));
      await editor.get('/admin/comments');
      const response = await editor.post(
        '/admin/comments/bulk',
        [`_csrf=${encodeURIComponent(editor.csrfToken)}`, 'action=approve', ...ids.map((id) => `ids=${id}`)].join('&'),
      );
      assert.equal(response.status, 303);
    });
  });

  describe('per-row buttons', () => {
    it('approve, then reject: the comment appears on the article page, then disappears', async () => {
      const id = await addComment('pending', '单条审核的评论', '单条');
      const queue = await editor.get('/admin/comments');
      const form = queue.$(`#comment-${id} td.actions form`).first();
      assert.equal(form.attr('action'), `/admin/comments/${id}/moderate?status=pending`);
      const approve = await editor.post(`/admin/comments/${id}/moderate?status=pending`, { _csrf: editor.csrfToken, action: 'approve' });
      assert.equal(approve.status, 303);
      assert.equal(await statusOf(id), 'approved');
      let article = await t.get(`/article/${articleId}`);
      assert.equal(article.$(`#comment-${id} .comment-body`).text(), '单条审核的评论');

      const approvedTab = await editor.get('/admin/comments?status=approved');
      assert.equal(textOf(approvedTab.$, '.notice-success'), '已通过 1 条评论。');
      assert.deepEqual(rowIds(approvedTab), [id]);
      const reject = await editor.post(`/admin/comments/${id}/moderate?status=approved`, { _csrf: editor.csrfToken, action: 'reject' });
      assert.equal(reject.headers.get('location'), '/admin/comments?status=approved');
      assert.equal(await statusOf(id), 'rejected');
      article = await t.get(`/article/${articleId}`);
      assert.equal(article.$(`#comment-${id} .comment-body`).length, 0, 'its text is gone');
      assert.equal(textOf(article.$, `#comment-${id} .comment-removed`), '该评论已删除。', 'its floor stays and says so');
      assert.deepEqual((await auditOf('comment.approve')).at(-1)!.entityId, String(id));
      assert.deepEqual((await auditOf('comment.reject')).at(-1)!.entityId, String(id));
    });

    it('delete keeps the row as deleted (its own tab); the same status again is "no change" and not audited', async () => {
      const id = await addComment('rejected', '要删除的评论');
      await editor.get('/admin/comments?status=rejected');
      const again = await editor.post(`/admin/comments/${id}/moderate?status=rejected`, { _csrf: editor.csrfToken, action: 'reject' });
      assert.equal(again.status, 303);
      assert.equal(textOf((await editor.get('/admin/comments?status=rejected')).$, '.notice-info'), '所选评论已经是这个状态，没有改动。');
      assert.equal((await auditOf('comment.reject')).length, 0);
      assert.equal((await editor.post(`/admin/comments/${id}/moderate`, { _csrf: editor.csrfToken, action: 'delete' })).status, 303);
      assert.equal(await statusOf(id), 'deleted');
      assert.equal((await auditOf('comment.delete')).at(-1)!.entityId, String(id));
      const tab = await editor.get('/admin/comments?status=deleted');
      assert.equal(tab.$(`#comment-${id} .comment-body`).text(), '要删除的评论', 'editors still see what was deleted');
      assert.equal(tab.$(`#comment-${id} button[value=delete]`).length, 0, 'no deleting twice');
      assert.equal(tab.$(`#comment-${id} button[value=approve]`).length, 1, 'a mistake can be undone');
    });

    it('unknown or malformed ids: 404; unknown action: 400', async () => {
      const id = await addComment('pending', '存在的评论');
      await editor.get('/admin/comments');
      assert.equal((await editor.post('/admin/comments/999999/moderate', { _csrf: editor.csrfToken, action: 'approve' })).status, 404);
      assert.equal((await editor.post('/admin/comments/abc/moderate', { _csrf: editor.csrfToken, action: 'approve' })).status, 404);
      assert.equal((await editor.post(`/admin/comments/${id}/moderate`, { _csrf: editor.csrfToken, action: 'hide' })).status, 400);
      assert.equal(await statusOf(id), 'pending');
    });
  });

  describe('moderation settings', () => {
    const words = () => t.storage.repositories.sensitiveWords.listAll();
    const moderationSetting = async () => (await t.storage.repositories.settings.getAll()).commentModeration;

    it('switches between publish-at-once and review-first, effective at once and audited', async () => {
      const page = await editor.get('/admin/comments/settings');
      assert.equal(page.status, 200);
      assert.equal(page.$('input[name=commentModeration]:checked').val(), 'auto');
      const response = await editor.post('/admin/comments/settings/moderation', { _csrf: editor.csrfToken, commentModeration: 'review' });
      assert.equal(response.status, 303);
      assert.equal(await moderationSetting(), 'review');
      assert.equal((await t.portal.chrome.get()).settings.commentModeration, 'review', 'the cached settings were refreshed');
      const after = await editor.get('/admin/comments/settings');
      assert.equal(after.$('input[name=commentModeration]:checked').val(), 'review');
      assert.match(textOf(after.$, '.notice-success'), /先审后发/);
      assert.equal((await auditOf('settings.update')).at(-1)!.entityId, 'commentModeration');

      t.clock.advance(60 * 60_000); // out of the per-address comment limits
      const reader = new ReaderSession(t);
      await reader.openCommentForm(articleId);
      await reader.captcha();
      await reader.post(`/article/${articleId}/comments`, {
        _csrf: reader.csrfToken,
        nickname: '读者甲',
        body: '没有敏感词也要审核',
        captcha: ANSWER,
      });
      assert.equal((await latestComment(t.storage.repositories))?.status, 'pending');

      assert.equal(
        (await editor.post('/admin/comments/settings/moderation', { _csrf: editor.csrfToken, commentModeration: 'auto' })).status,
        303,
      );
      const invalid = await editor.post('/admin/comments/settings/moderation', { _csrf: editor.csrfToken, commentModeration: 'never' });
      assert.equal(invalid.status, 422);
      assert.equal(textOf(invalid.$, '#moderation-error'), '请选择评论审核方式。');
      assert.equal(await moderationSetting(), 'auto');
    });

    it('adds a word in its normalised form, and new comments with it wait for review', async () => {
      const response = await editor.post('/admin/comments/settings/words', { _csrf: editor.csrfToken, word: ' 代 写*论文！ ' });
      assert.equal(response.status, 303);
      assert.ok((await words()).includes('代写论文'));
      assert.ok(!(await words()).includes(' 代 写*论文！ '));
      const page = await editor.get('/admin/comments/settings');
      assert.equal(textOf(page.$, '.notice-success'), '已添加敏感词“代写论文”。');
      assert.ok(
        page
          .$('.word-list td.word')
          .map((_, el) => page.$(el).text())
          .get()
          .includes('代写论文'),
      );
      const audited = (await auditOf('sensitive-word.add')).at(-1)!;
      assert.equal(audited.summary, '代写论文');

      t.clock.advance(60 * 60_000); // out of the per-address comment limits
      const reader = new ReaderSession(t);
      await reader.openCommentForm(articleId);
      await reader.captcha();
      await reader.post(`/article/${articleId}/comments`, {
        _csrf: reader.csrfToken,
        nickname: '读者乙',
        body: '专业代-写 论文，价格优惠',
        captcha: ANSWER,
      });
      assert.equal((await latestComment(t.storage.repositories))?.status, 'pending');
    });

    it('refuses empty, symbol-only, too long and listed words with 422, keeping the input', async () => {
      const before = await words();
      const cases: [string, RegExp][] = [
        ['   ', /请填写敏感词/],
        ['*** ！！', /不能只由标点/],
        ['长'.repeat(31), /不能超过 30/],
        ['代 开 发 票', /已在敏感词列表中/],
      ];
      for (const [word, message] of cases) {
        const response = await editor.post('/admin/comments/settings/words', { _csrf: editor.csrfToken, word });
        assert.equal(response.status, 422, word);
        assert.match(textOf(response.$, '#word-error'), message);
        assert.equal(response.$('input[name=word]').val(), word.trim());
      }
      assert.deepEqual(await words(), before);
      assert.equal(
        (await editor.post('/admin/comments/settings/words', `_csrf=${encodeURIComponent(editor.csrfToken)}&word=a1&word=b2`)).status,
        400,
      );
    });

    it('removes a word by id (audited); missing ids are 404; CSRF is required', async () => {
      const id = (await t.storage.repositories.sensitiveWords.listEntries()).find((entry) => entry.word === '办假证')!.id;
      await editor.get('/admin/comments/settings');
      assert.equal((await editor.post(`/admin/comments/settings/words/${id}/delete`, { _csrf: 'forged' })).status, 403);
      assert.ok((await words()).includes('办假证'));
      const page = await editor.get('/admin/comments/settings');
      assert.equal(page.$(`tr[data-word-id=${id}] button`).attr('data-confirm'), '确定删除吗？');
      assert.equal((await editor.post(`/admin/comments/settings/words/${id}/delete`, { _csrf: editor.csrfToken })).status, 303);
      assert.ok(!(await words()).includes('办假证'));
      assert.equal((await auditOf('sensitive-word.delete')).at(-1)!.summary, '办假证');
      assert.equal((await editor.post(`/admin/comments/settings/words/${id}/delete`, { _csrf: editor.csrfToken })).status, 404);
      assert.equal((await editor.post('/admin/comments/settings/words/x/delete', { _csrf: editor.csrfToken })).status, 404);
    });

    it('admins may use the section too', async () => {
      const admin = await loggedIn(t, 'admin');
      assert.equal((await admin.get('/admin/comments')).status, 200);
      assert.equal((await admin.get('/admin/comments/settings')).status, 200);
    });
  });
});
