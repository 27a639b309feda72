// Personal data (issue 16): every form that collects something says what is kept and why, next
// to its fields, linking 隐私政策 (the demo's page, or the built-in one where a site has none);
// rate-limit counts keep no address; the daily purge deletes submitters' contact details and
// reporters' notes after the set number of days, audited, and runs again without harm.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loggedIn } from '../support/admin.js';
import { ReaderSession } from '../support/browser-session.js';
import { auditEntries } from '../support/records.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

const DAY = 24 * 60 * 60_000;

describe('personal data', () => {
  let t: TestApp;
  let articleId: number;

  before(async () => {
    t = await makeTestApp({ env: { TRUST_PROXY: 'loopback' } });
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    articleId = newest!.id;
  });
  after(() => t.close());

  it('each form that collects something says what is kept, linking 隐私政策', async () => {
    const commentId = await t.repos.comments.create(
      { articleId, nickname: '读者', body: '一条评论', status: 'approved', ipHash: 'h' },
      t.clock(),
    );
    const reader = new ReaderSession(t);
    for (const [path, kept] of [
      [`/article/${articleId}/comment-form`, /网名、评论内容、IP属地.*不保存完整的 IP 地址/],
      [`/article/${articleId}/comments/new`, /网名、评论内容/],
      [`/comments/${commentId}/report`, /举报时间.*不保存地址本身.*180 天/],
      ['/submit', /联系方式.*180 天后，联系方式自动删除/],
      ['/staff', /查询内容只用于当次查询，不保存/],
    ] as const) {
      const page = await reader.get(path);
      const note = page.$('.form-note').filter((_, el) => page.$(el).find('a[href="/page/privacy"]').length > 0);
      assert.equal(note.length, 1, `${path} has a privacy note with the link`);
      assert.match(note.text(), kept, path);
    }
    const policy = await t.get('/page/privacy');
    assert.equal(policy.status, 200);
    assert.equal(textOf(policy.$, 'main h1'), '隐私政策');
    assert.match(textOf(policy.$, 'main'), /不保存完整的 IP 地址/);
  });

  it('a site without a stored 隐私政策 shows the built-in one', async () => {
    const bare = await makeTestApp({ demo: false });
    try {
      const page = await bare.get('/page/privacy');
      assert.equal(page.status, 200);
      assert.match(textOf(page.$, 'main'), /个人信息保护法/);
    } finally {
      await bare.close();
    }
  });

  it('rate-limit counts keep a keyed hash, never the address', async () => {
    const reader = new ReaderSession(t, { 'user-agent': 'Mozilla/5.0 test-reader', 'x-forwarded-for': '203.0.113.77' });
    assert.equal((await reader.get('/staff?q=%E5%BC%A0%E4%B8%89')).status, 200);
    const keys = (await t.sql.all<{ key: string }>('SELECT key FROM rate_limit_hits')).map((row) => row.key);
    assert.ok(keys.length > 0, 'the lookup was counted');
    assert.ok(
      keys.every((key) => !key.includes('203.0.113')),
      `no address in ${keys.join(', ')}`,
    );
  });

  it('the purge deletes contact details and report notes after the set days, audited, once', async () => {
    const now = t.clock();
    const submission = await t.repos.submissions.create(
      { name: '投稿人', contact: 'tipster@example.cn', title: '一条线索', body: '线索正文'.repeat(10), ipHash: 'x' },
      now - 200 * DAY,
    );
    await t.repos.submissions.setStatus(submission, 'archived', now - 181 * DAY);
    const fresh = await t.repos.submissions.create(
      { name: '新投稿人', contact: 'new@example.cn', title: '新线索', body: '新线索正文'.repeat(10), ipHash: 'y' },
      now - 10 * DAY,
    );
    await t.repos.submissions.setStatus(fresh, 'archived', now - 10 * DAY);
    const commentId = await t.repos.comments.create(
      { articleId, nickname: '读者', body: '被举报', status: 'approved', ipHash: 'h' },
      now - 200 * DAY,
    );
    await t.repos.reports.create(
      { commentId, reporterHash: 'r', reason: 'abuse', detail: '举报人的说明', receiptHash: 'receipt-old' },
      now - 200 * DAY,
    );
    await t.repos.reports.decideOpen(commentId, 'keep', now - 190 * DAY);

    const result = await t.portal.retention.runOnce();
    assert.deepEqual(result, { submissionContacts: 1, reportDetails: 1 });
    assert.equal((await t.storage.repositories.submissions.findById(submission))?.contact, '');
    assert.equal((await t.storage.repositories.submissions.findById(fresh))?.contact, 'new@example.cn', 'not yet due');
    assert.equal((await t.storage.repositories.reports.findByReceipt('receipt-old'))?.decision, 'keep', 'the outcome stays');
    const audit = (await auditEntries(t.storage.repositories, { action: 'privacy.purge' })).at(-1);
    assert.match(audit?.summary ?? '', /1 份投稿的联系方式.*1 条举报/);
    assert.equal(audit?.username, '系统');

    assert.deepEqual(await t.portal.retention.runOnce(), { submissionContacts: 0, reportDetails: 0 }, 'nothing left to purge');
    assert.equal((await auditEntries(t.storage.repositories, { action: 'privacy.purge' })).length, 1, 'no audit line for nothing');

    const admin = await loggedIn(t, 'admin');
    const log = await admin.get('/admin/audit');
    assert.match(textOf(log.$, 'main'), /按期限删除个人信息/);
  });

  it('the retention days are settings with checks', async () => {
    const admin = await loggedIn(t, 'admin');
    const page = await admin.get('/admin/settings');
    assert.equal(page.$('#setting-submissionContactRetentionDays').val(), '180');
    assert.equal(page.$('#setting-reportDetailRetentionDays').val(), '180');
  });
});
