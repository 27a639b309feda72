// /admin/submissions: the inbox tabs, reading one (marks it read; the body is escaped text),
// archive and restore, and turning one into a draft article; audited; CSRF, 422, 404.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loggedIn } from '../support/admin.js';
import type { ReaderSession } from '../support/browser-session.js';
import { auditEntries } from '../support/records.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

describe('admin: submissions inbox', () => {
  let t: TestApp;
  let editor: ReaderSession;
  let lawId: number;

  before(async () => {
    t = await makeTestApp();
    editor = await loggedIn(t, 'chief');
    lawId = (await t.portal.repositories.categories.findBySlug('law'))!.id;
  });
  after(() => t.close());

  let serial = 0;
  const submit = (fields: Partial<{ name: string; contact: string; title: string; body: string }> = {}) => {
    serial += 1;
    t.clock.advance(60_000);
    return t.repos.submissions.create(
      { name: '读者甲', contact: 'reader@example.com', title: `投稿${serial}`, body: '正文内容', ipHash: 'x', ...fields },
      t.clock(),
    );
  };
  const post = (path: string, fields: Record<string, string>) => editor.post(path, { _csrf: editor.csrfToken, ...fields });
  const row = async (id: number) => {
    const submission = (await t.storage.repositories.submissions.findById(id))!;
    return { status: submission.status, articleId: submission.articleId };
  };
  const articleCount = () => t.storage.repositories.articles.count(); // drafts and the trash included
  const audits = (action: string) => auditEntries(t.storage.repositories, { action });
  const listedIds = async (path: string) => {
    const { $ } = await editor.get(path);
    return $('tr[data-submission-id]')
      .map((_, tr) => Number($(tr).attr('data-submission-id')))
      .get();
  };

  it('shows new, read and archived submissions in tabs with counts', async () => {
    const fresh = await submit({ title: '新的投稿' });
    const read = await submit();
    const archived = await submit();
    await t.repos.submissions.setStatus(read, 'read', t.clock());
    await t.repos.submissions.setStatus(archived, 'archived', t.clock());
    const page = await editor.get('/admin/submissions');
    assert.equal(page.status, 200);
    const tabs = page
      .$('.tabs a')
      .map((_, a) => page.$(a).text())
      .get();
    assert.deepEqual(
      tabs.map((tab) => tab.replace(/（\d+）/, '')),
      ['未读', '已读', '已归档'],
    );
    assert.equal(page.$('.tabs a[aria-current=page]').text(), `未读（${await t.storage.repositories.submissions.count('new')}）`);
    assert.ok((await listedIds('/admin/submissions')).includes(fresh));
    assert.deepEqual(await listedIds('/admin/submissions?status=read'), [read]);
    assert.deepEqual(await listedIds('/admin/submissions?status=archived'), [archived]);
    assert.equal((await editor.get('/admin/submissions?status=spam')).status, 400);
    assert.equal((await editor.get('/admin/submissions?status=new&status=read')).status, 400);
  });

  it('opening one marks it read and shows the body as escaped text with line breaks', async () => {
    const id = await submit({
      name: '<i>王</i>',
      title: '标题<script>alert(1)</script>',
      body: '第一行\r\n<script>alert(1)</script><img src=x onerror=alert(2)>\n第三行',
    });
    assert.equal((await row(id)).status, 'new');
    const page = await editor.get(`/admin/submissions/${id}`);
    assert.equal(page.status, 200);
    assert.equal((await row(id)).status, 'read');
    const { $ } = page;
    assert.equal(
      $('.submission-body').html(),
      '第一行<br>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;<br>第三行',
    );
    assert.equal($('main script, main img, main i').length, 0);
    assert.equal($('h1').text(), '标题<script>alert(1)</script>');
    assert.equal($('.submission-name').text(), '<i>王</i>');
    assert.ok(!(await listedIds('/admin/submissions')).includes(id));
    assert.ok((await listedIds('/admin/submissions?status=read')).includes(id));
  });

  it('archives and restores, audited', async () => {
    const id = await submit();
    const archive = await post(`/admin/submissions/${id}/archive`, {});
    assert.equal(archive.status, 303);
    assert.equal((await row(id)).status, 'archived');
    assert.ok((await listedIds('/admin/submissions?status=archived')).includes(id));
    assert.deepEqual((await audits('submission.archive')).map((a) => a.entityId).at(-1), String(id));
    const restore = await post(`/admin/submissions/${id}/restore`, {});
    assert.equal(restore.status, 303);
    assert.equal((await row(id)).status, 'read');
    assert.deepEqual((await audits('submission.restore')).map((a) => a.entityId).at(-1), String(id));
  });

  it('turns a submission into a draft article: escaped paragraphs, linked, audited, not public', async () => {
    const id = await submit({
      name: '李读者',
      title: '小区停车难问题的调查',
      body: '第一段第一行\n第二行 <b>粗</b> & "引号" \'单引号\'\n\n\n  第二段<script>alert(1)</script>  \r\n\r\n',
    });
    const page = await editor.get(`/admin/submissions/${id}`);
    assert.equal(page.$('#draft-categoryId option').length, 1 + (await t.storage.repositories.categories.listAll()).length);
    const response = await post(`/admin/submissions/${id}/draft`, { categoryId: String(lawId) });
    assert.equal(response.status, 303);
    const match = /^\/admin\/articles\/(\d+)\/edit$/.exec(response.headers.get('location') ?? '');
    assert.ok(match, response.headers.get('location') ?? '');
    const articleId = Number(match[1]);
    const article = (await t.storage.repositories.articles.findById(articleId))!;
    assert.equal(article.status, 'draft');
    assert.equal(article.publishedAt, null);
    assert.equal(article.categoryId, lawId);
    assert.equal(article.title, '小区停车难问题的调查');
    assert.equal(article.author, '李读者');
    assert.equal(
      article.bodyHtml,
      '<p>第一段第一行<br />第二行 &lt;b&gt;粗&lt;/b&gt; &amp; "引号" \'单引号\'</p>\n<p>第二段&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    assert.equal((await row(id)).articleId, articleId);
    assert.equal((await audits('submission.draft')).at(-1)!.entityId, String(id));
    assert.equal((await audits('article.create')).at(-1)!.entityId, String(articleId));
    assert.equal((await t.get(`/article/${articleId}`)).status, 404, 'a draft is not public');

    // a second time opens the same draft instead of making another
    const before = await articleCount();
    const again = await post(`/admin/submissions/${id}/draft`, { categoryId: String(lawId) });
    assert.equal(again.status, 303);
    assert.equal(again.headers.get('location'), `/admin/articles/${articleId}/edit`);
    assert.equal(await articleCount(), before);
    const shown = await editor.get(`/admin/submissions/${id}`);
    assert.equal(shown.$(`a[href="/admin/articles/${articleId}/edit"]`).length, 1);
  });

  it('a draft needs a real category: 422 with the choice kept, nothing created', async () => {
    const id = await submit();
    const before = await articleCount();
    for (const categoryId of ['', '999999', 'law']) {
      const response = await post(`/admin/submissions/${id}/draft`, { categoryId });
      assert.equal(response.status, 422, categoryId);
      assert.equal(textOf(response.$, '#draft-categoryId-error'), '请选择栏目。');
      assert.equal(response.$('#draft-categoryId').attr('aria-invalid'), 'true');
    }
    assert.equal(await articleCount(), before);
    assert.equal((await row(id)).articleId, null);
  });

  it('unknown or malformed ids: 404 and nothing changed', async () => {
    const before = await articleCount();
    for (const id of ['999999', 'abc', '1.5']) {
      assert.equal((await editor.get(`/admin/submissions/${id}`)).status, 404, id);
      assert.equal((await post(`/admin/submissions/${id}/archive`, {})).status, 404, id);
      assert.equal((await post(`/admin/submissions/${id}/restore`, {})).status, 404, id);
      assert.equal((await post(`/admin/submissions/${id}/draft`, { categoryId: String(lawId) })).status, 404, id);
    }
    assert.equal(await articleCount(), before);
  });

  it('missing or forged CSRF token: 403 and nothing changed', async () => {
    const id = await submit();
    const before = await articleCount();
    for (const extra of [{}, { _csrf: 'forged-token' }] as Record<string, string>[]) {
      assert.equal((await editor.post(`/admin/submissions/${id}/archive`, extra)).status, 403);
      assert.equal((await editor.post(`/admin/submissions/${id}/draft`, { categoryId: String(lawId), ...extra })).status, 403);
    }
    assert.deepEqual(await row(id), { status: 'new', articleId: null });
    assert.equal(await articleCount(), before);
  });
});
