// /admin/categories: list with article counts, create, edit, delete (refused while articles
// belong to it), all audited and shown in the site navigation at once; CSRF, 422, 404, 400.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addArticle } from '../support/fixtures.js';
import { loggedIn } from '../support/admin.js';
import type { ReaderSession } from '../support/browser-session.js';
import { auditEntries } from '../support/records.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

describe('admin: categories', () => {
  let t: TestApp;
  let editor: ReaderSession;

  before(async () => {
    t = await makeTestApp();
    editor = await loggedIn(t, 'chief');
  });
  after(() => t.close());

  const categoryRow = (slug: string) => t.storage.repositories.categories.findBySlug(slug);
  const categoryCount = async () => (await t.storage.repositories.categories.listAll()).length;
  const audits = (action: string) => auditEntries(t.storage.repositories, { action });
  const navNames = async () => {
    const { $ } = await t.get('/');
    return $('.main-nav-list a')
      .map((_, a) => $(a).text().trim())
      .get();
  };
  const post = (path: string, fields: Record<string, string>) => editor.post(path, { _csrf: editor.csrfToken, ...fields });

  it('lists every category with its article count (trash not counted) and links', async () => {
    const law = (await categoryRow('law'))!;
    const visible = await t.storage.repositories.articles.countForAdmin({ categoryId: law.id }); // the trash not included
    const page = await editor.get('/admin/categories');
    assert.equal(page.status, 200);
    const { $ } = page;
    assert.equal($('title').text(), '栏目 - 社会法治观察网 管理后台');
    assert.equal($('.data-table tbody tr').length, await categoryCount());
    const row = $(`tr[data-category-id=${law.id}]`);
    assert.equal(textOf($, `tr[data-category-id=${law.id}] .article-count`), String(visible));
    assert.equal(row.find('a[href="/category/law"]').length, 1);
    assert.equal(row.find('form[action$="/delete"] button').attr('data-confirm'), '确定删除吗？');
    assert.equal($('.admin-nav a[aria-current=page]').text(), '栏目');
  });

  it('creates a category: stored, audited, flashed, and in the site navigation at once', async () => {
    await t.get('/'); // the navigation is cached now
    const response = await post('/admin/categories', {
      name: ' 调查报道 ',
      slug: 'Investigations',
      description: '深度调查\n与追踪',
      sortOrder: '99',
      reviewLevels: '3',
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/admin/categories');
    const stored = await categoryRow('investigations');
    assert.deepEqual(
      { ...stored, id: 0 },
      {
        id: 0,
        slug: 'investigations',
        name: '调查报道',
        description: '深度调查 与追踪',
        sortOrder: 99,
        commentPolicy: 'open',
        reviewLevels: 3,
      },
    );
    const list = await editor.get('/admin/categories');
    assert.match(textOf(list.$, '.notice-success'), /栏目“调查报道”已创建/);
    assert.equal(textOf(list.$, `tr[data-category-id=${stored!.id}] .article-count`), '0');
    assert.equal((await navNames()).at(-1), '调查报道');
    assert.equal((await t.get('/category/investigations')).status, 200);
    const [audit] = await audits('category.create');
    assert.equal(audit!.entityType, 'category');
    assert.equal(audit!.entityId, String(stored!.id));
    assert.match(audit!.summary, /调查报道/);
    assert.match(audit!.username, /^chief-/);
  });

  it('comes back 422 with field errors and the input kept; nothing stored', async () => {
    const before = await categoryCount();
    const response = await post('/admin/categories', { name: '', slug: 'Bad Slug!', description: '说明<b>', sortOrder: '1.5' });
    assert.equal(response.status, 422);
    const { $ } = response;
    assert.equal(textOf($, '#category-name-error'), '请填写栏目名称。');
    assert.match(textOf($, '#category-slug-error'), /小写字母/);
    assert.match(textOf($, '#category-sortOrder-error'), /整数/);
    assert.equal($('#category-slug').val(), 'bad slug!');
    assert.equal($('#category-slug').attr('aria-invalid'), 'true');
    assert.equal($('#category-description').text(), '说明<b>');
    assert.equal($('#category-sortOrder').val(), '1.5');
    assert.equal(await categoryCount(), before);

    const taken = await post('/admin/categories', { name: '重名', slug: 'law', description: '', sortOrder: '' });
    assert.equal(taken.status, 422);
    assert.match(textOf(taken.$, '#category-slug-error'), /已被其他栏目使用/);
    assert.equal(taken.$('#category-name').val(), '重名');
    assert.equal(await categoryCount(), before);

    const long = await post('/admin/categories', {
      name: '名'.repeat(21),
      slug: 'a'.repeat(41),
      description: '字'.repeat(201),
      sortOrder: '0',
    });
    assert.equal(long.status, 422);
    assert.ok(
      long.$('#category-name-error').length && long.$('#category-slug-error').length && long.$('#category-description-error').length,
    );
    assert.equal(await categoryCount(), before);
  });

  it('edits a category: the navigation shows the new name at once, audited', async () => {
    const id = await t.repos.categories.create({ slug: 'old-name', name: '旧名称', description: '', sortOrder: 50 });
    t.portal.chrome.invalidate();
    assert.ok((await navNames()).includes('旧名称'));
    const form = await editor.get(`/admin/categories/${id}/edit`);
    assert.equal(form.status, 200);
    assert.equal(form.$('#category-name').val(), '旧名称');
    assert.equal(form.$('#category-sortOrder').val(), '50');
    const response = await post(`/admin/categories/${id}`, { name: '新名称', slug: 'new-name', description: '新的简介', sortOrder: '-1' });
    assert.equal(response.status, 303);
    const nav = await navNames();
    assert.equal(nav[1], '新名称', 'sort order -1 puts it first, after 首页');
    assert.ok(!nav.includes('旧名称'));
    assert.equal((await t.get('/category/old-name')).status, 404);
    assert.equal(textOf((await t.get('/category/new-name')).$, 'h1'), '新名称');
    assert.match((await audits('category.update')).at(-1)!.summary, /旧名称（old-name）→ 新名称（new-name）/);

    // keeping its own slug is fine; taking another's is not
    assert.equal(
      (await post(`/admin/categories/${id}`, { name: '新名称', slug: 'new-name', description: '', sortOrder: '-1' })).status,
      303,
    );
    const taken = await post(`/admin/categories/${id}`, { name: '新名称', slug: 'law', description: '', sortOrder: '-1' });
    assert.equal(taken.status, 422);
    assert.equal((await categoryRow('new-name'))!.id, id);
  });

  it('refuses to delete a category with articles (the trash included), with a clear message', async () => {
    const id = await t.repos.categories.create({ slug: 'has-articles', name: '有文章', description: '', sortOrder: 60 });
    const articleId = await addArticle(t.repos, id, t.clock());
    assert.ok(await t.repos.articles.moveToTrash(articleId, t.clock())); // in the trash
    const response = await post(`/admin/categories/${id}/delete`, {});
    assert.equal(response.status, 303);
    const list = await editor.get('/admin/categories');
    assert.match(textOf(list.$, '.notice-error'), /栏目“有文章”下还有文章（1 篇，含回收站中的文章），不能删除/);
    assert.ok(await categoryRow('has-articles'));
    assert.equal((await audits('category.delete')).length, 0);
  });

  it('deletes an empty category: gone from the navigation at once, audited', async () => {
    const id = await t.repos.categories.create({ slug: 'to-delete', name: '待删除', description: '', sortOrder: 70 });
    t.portal.chrome.invalidate();
    assert.ok((await navNames()).includes('待删除'));
    const response = await post(`/admin/categories/${id}/delete`, {});
    assert.equal(response.status, 303);
    assert.equal(await categoryRow('to-delete'), undefined);
    assert.ok(!(await navNames()).includes('待删除'));
    assert.match(textOf((await editor.get('/admin/categories')).$, '.notice-success'), /栏目“待删除”已删除/);
    const audit = (await audits('category.delete')).at(-1)!;
    assert.equal(audit.entityId, String(id));
  });

  it('unknown or malformed ids: 404 and nothing changed', async () => {
    const before = await categoryCount();
    for (const id of ['999999', 'abc', '0', '01']) {
      assert.equal((await editor.get(`/admin/categories/${id}/edit`)).status, 404, id);
      assert.equal((await post(`/admin/categories/${id}`, { name: '甲', slug: 'x', description: '', sortOrder: '0' })).status, 404, id);
      assert.equal((await post(`/admin/categories/${id}/delete`, {})).status, 404, id);
    }
    assert.equal(await categoryCount(), before);
  });

  it('missing or forged CSRF token: 403 and nothing changed', async () => {
    const law = (await categoryRow('law'))!;
    const before = await categoryCount();
    const fields = { name: '伪造', slug: 'forged', description: '', sortOrder: '0' };
    for (const token of [undefined, 'forged-token']) {
      const body = token === undefined ? fields : { ...fields, _csrf: token };
      assert.equal((await editor.post('/admin/categories', body)).status, 403);
      assert.equal((await editor.post(`/admin/categories/${law.id}`, body)).status, 403);
      assert.equal((await editor.post(`/admin/categories/${law.id}/delete`, token ? { _csrf: token } : {})).status, 403);
    }
    assert.equal(await categoryCount(), before);
    assert.deepEqual(await categoryRow('law'), law);
  });

  it('a repeated field is a 400', async () => {
    const before = await categoryCount();
    const body = new URLSearchParams([
      ['_csrf', editor.csrfToken],
      ['name', '甲'],
      ['name', '乙'],
      ['slug', 'twice'],
    ]).toString();
    assert.equal((await editor.post('/admin/categories', body)).status, 400);
    assert.equal(await categoryCount(), before);
  });

  it('is for logged-in editors only', async () => {
    const anonymous = await t.get('/admin/categories');
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location') ?? '', /^\/admin\/login/);
    const admin = await loggedIn(t, 'admin');
    assert.equal((await admin.get('/admin/categories')).status, 200);
  });
});
