// /admin/pages: list, edit and create static pages; the body HTML is sanitized on save and
// /page/:slug shows the change at once; audited; CSRF, 422, 404.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loggedIn } from '../support/admin.js';
import type { ReaderSession } from '../support/browser-session.js';
import { auditEntries } from '../support/records.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

describe('admin: static pages', () => {
  let t: TestApp;
  let editor: ReaderSession;

  before(async () => {
    t = await makeTestApp();
    editor = await loggedIn(t, 'chief');
  });
  after(() => t.close());

  const post = (path: string, fields: Record<string, string>) => editor.post(path, { _csrf: editor.csrfToken, ...fields });
  const pageRow = (slug: string) => t.storage.repositories.pages.findBySlug(slug);
  const pageCount = async () => (await t.storage.repositories.pages.listAll()).length;
  const audits = (action: string) => auditEntries(t.storage.repositories, { action });
  const HOSTILE =
    '<h2>联系方式</h2><p onclick="steal()">电话：<strong>010-0000</strong></p><script>alert(1)</script><img src="https://example.com/a.png" onerror="alert(2)" alt="图"><a href="javascript:alert(3)">链接</a><iframe src="https://evil.example"></iframe>';

  it('lists every page with its public address', async () => {
    const page = await editor.get('/admin/pages');
    assert.equal(page.status, 200);
    const slugs = page
      .$('tr[data-page-slug]')
      .map((_, tr) => page.$(tr).attr('data-page-slug'))
      .get();
    for (const slug of ['about', 'ads', 'partnership', 'contact', 'comment-rules', 'submit-guide', 'set-homepage', 'bookmark']) {
      assert.ok(slugs.includes(slug), slug);
    }
    assert.equal(slugs.length, await pageCount());
    assert.equal(page.$('tr[data-page-slug=about] a[href="/page/about"]').length, 1);
  });

  it('edits a page: sanitized on save, shown at /page/:slug at once, audited', async () => {
    const form = await editor.get('/admin/pages/contact/edit');
    assert.equal(form.status, 200);
    assert.equal(form.$('#page-title').val(), (await pageRow('contact'))!.title);
    assert.equal(form.$('#page-bodyHtml').text(), (await pageRow('contact'))!.bodyHtml);
    assert.equal(form.$('#page-slug').length, 0, 'the slug of an existing page is fixed');

    t.clock.advance(60_000);
    const response = await post('/admin/pages/contact', { title: '联系我们（新）', bodyHtml: HOSTILE });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/admin/pages/contact/edit');
    const stored = (await pageRow('contact'))!;
    assert.equal(stored.title, '联系我们（新）');
    assert.equal(stored.updatedAt, t.clock());
    assert.doesNotMatch(stored.bodyHtml, /<script|onerror|onclick|javascript:|<iframe/i);
    assert.match(stored.bodyHtml, /<h2>联系方式<\/h2><p>电话：<strong>010-0000<\/strong><\/p>/);
    assert.match(stored.bodyHtml, /<img src="https:\/\/example.com\/a.png" alt="图" \/>/);

    const publicPage = await t.get('/page/contact');
    assert.equal(publicPage.status, 200);
    assert.equal(textOf(publicPage.$, 'h1'), '联系我们（新）');
    const body = publicPage.$('.static-page .article-body');
    assert.equal(body.find('strong').text(), '010-0000');
    assert.equal(body.find('script, iframe, [onerror], [onclick]').length, 0);
    assert.equal(body.find('img').attr('onerror'), undefined);
    assert.equal(body.find('a').attr('href'), undefined);

    const edit = await editor.get('/admin/pages/contact/edit');
    assert.equal(textOf(edit.$, '.notice-success'), '单页“联系我们（新）”已保存。');
    assert.equal(edit.$('#page-bodyHtml').text(), stored.bodyHtml, 'the editor sees what was kept');
    const audit = (await audits('page.update')).at(-1)!;
    assert.deepEqual([audit.entityType, audit.entityId, audit.summary], ['page', 'contact', '联系我们（新）']);
  });

  it('creates a page with a new slug, shown at /page/:slug at once', async () => {
    assert.equal((await t.get('/page/join-us')).status, 404);
    const response = await post('/admin/pages', {
      slug: 'join-us',
      title: '加入我们',
      bodyHtml: '<p>招聘<b>记者</b></p><script>x()</script>',
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/admin/pages');
    assert.equal((await pageRow('join-us'))!.bodyHtml, '<p>招聘<b>记者</b></p>');
    const publicPage = await t.get('/page/join-us');
    assert.equal(publicPage.status, 200);
    assert.equal(textOf(publicPage.$, 'h1'), '加入我们');
    assert.match(textOf((await editor.get('/admin/pages')).$, '.notice-success'), /网址为 \/page\/join-us/);
    assert.equal((await audits('page.create')).at(-1)!.entityId, 'join-us');
  });

  it('comes back 422 with field errors and the input kept; nothing stored', async () => {
    const before = await pageCount();
    const response = await post('/admin/pages', { slug: 'Join Us!', title: '', bodyHtml: '  ' });
    assert.equal(response.status, 422);
    const { $ } = response;
    assert.match(textOf($, '#page-slug-error'), /小写字母/);
    assert.equal(textOf($, '#page-title-error'), '请填写标题。');
    assert.equal(textOf($, '#page-bodyHtml-error'), '请填写正文。');
    assert.equal($('#page-slug').val(), 'join us!');

    const taken = await post('/admin/pages', { slug: 'about', title: '冒名的关于', bodyHtml: '<p>覆盖</p>' });
    assert.equal(taken.status, 422);
    assert.match(textOf(taken.$, '#page-slug-error'), /已有单页使用/);
    assert.equal(taken.$('#page-title').val(), '冒名的关于');
    assert.equal(taken.$('#page-bodyHtml').text(), '<p>覆盖</p>');
    assert.notEqual((await pageRow('about'))!.title, '冒名的关于');
    assert.equal(await pageCount(), before);

    const about = (await pageRow('about'))!;
    const edit = await post('/admin/pages/about', { title: '题'.repeat(61), bodyHtml: '<p>新的正文<script>x</script></p>' });
    assert.equal(edit.status, 422);
    assert.match(textOf(edit.$, '#page-title-error'), /60/);
    assert.equal(
      edit.$('#page-bodyHtml').text(),
      '<p>新的正文</p>',
      'the input comes back as it would be saved: the WYSIWYG editor loads it as HTML',
    );
    assert.notEqual(edit.$('#page-bodyHtml').attr('data-wysiwyg'), undefined, '单页 are edited with the WYSIWYG editor');
    assert.ok(edit.$('script[src*="admin-editor"]').length === 1 && edit.$('link[href*="quill.snow"]').length === 1);
    assert.deepEqual(await pageRow('about'), about);
  });

  it('unknown or malformed slugs: 404 and nothing changed', async () => {
    const before = await pageCount();
    for (const slug of ['no-such-page', 'ABOUT', 'a'.repeat(65), '%E5%85%B3%E4%BA%8E']) {
      assert.equal((await editor.get(`/admin/pages/${slug}/edit`)).status, 404, slug);
      assert.equal((await post(`/admin/pages/${slug}`, { title: '甲', bodyHtml: '<p>乙</p>' })).status, 404, slug);
    }
    assert.equal(await pageCount(), before);
  });

  it('missing or forged CSRF token: 403 and nothing changed', async () => {
    const about = (await pageRow('about'))!;
    const before = await pageCount();
    for (const extra of [{}, { _csrf: 'forged-token' }] as Record<string, string>[]) {
      assert.equal((await editor.post('/admin/pages', { slug: 'forged', title: '伪造', bodyHtml: '<p>x</p>', ...extra })).status, 403);
      assert.equal((await editor.post('/admin/pages/about', { title: '伪造', bodyHtml: '<p>x</p>', ...extra })).status, 403);
    }
    assert.equal(await pageCount(), before);
    assert.deepEqual(await pageRow('about'), about);
  });

  it('a repeated field is a 400', async () => {
    const about = (await pageRow('about'))!;
    const body = new URLSearchParams([
      ['_csrf', editor.csrfToken],
      ['title', '甲'],
      ['bodyHtml', '<p>1</p>'],
      ['bodyHtml', '<p>2</p>'],
    ]).toString();
    assert.equal((await editor.post('/admin/pages/about', body)).status, 400);
    assert.deepEqual(await pageRow('about'), about);
  });
});
