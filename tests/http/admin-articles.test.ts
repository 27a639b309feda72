// Articles in the editors' area: create, draft/scheduled/published, edit conflicts,
// revisions, trash, filters, covers and uploads (with their rejections).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { loggedIn } from '../support/admin.js';
import type { ReaderSession } from '../support/browser-session.js';
import { multipart } from '../support/multipart.js';
import { auditEntries } from '../support/records.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;

async function pngBytes(width = 1200, height = 900): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 160, g: 30, b: 30 } } })
    .png()
    .toBuffer();
}

describe('admin articles', () => {
  let t: TestApp;
  let editor: ReaderSession;
  let categoryId: number;
  before(async () => {
    t = await makeTestApp();
    editor = await loggedIn(t, 'chief');
    categoryId = (await t.portal.repositories.categories.findBySlug('law'))!.id;
  });
  after(() => t.close());

  const baseFields = () => ({
    _csrf: editor.csrfToken,
    title: '编辑部测试文章',
    categoryId: String(categoryId),
    author: '测试记者',
    source: '本网原创',
    summary: '一篇用于测试的文章。',
    bodyHtml:
      '<h2>小标题</h2><p>第一段<script>alert(1)</script><img src=x onerror=alert(1)></p><p><a href="javascript:alert(1)">坏链接</a> <a href="https://example.org">好链接</a></p>',
    status: 'draft',
    publishAt: '',
    version: '0',
  });

  async function create(fields: Record<string, string>, file?: Parameters<typeof multipart>[1]) {
    const response = await editor.postMultipart('/admin/articles', multipart(fields, file));
    assert.equal(response.status, 303, textOf(response.$, '.notice, .field-error, main'));
    return Number(/\/admin\/articles\/(\d+)\/edit/.exec(response.headers.get('location')!)![1]);
  }

  it('a draft is saved sanitized, audited, revisioned and invisible to readers', async () => {
    const id = await create(baseFields());
    const stored = (await t.portal.repositories.articles.findById(id))!;
    assert.equal(stored.status, 'draft');
    assert.doesNotMatch(stored.bodyHtml, /script|onerror|javascript:/);
    assert.match(stored.bodyHtml, /<h2>小标题<\/h2>/);
    assert.match(stored.bodyHtml, /<a href="https:\/\/example.org" rel="noopener noreferrer nofollow">/);
    assert.equal((await t.get(`/article/${id}`)).status, 404);
    assert.equal((await t.portal.repositories.articleRevisions.listForArticle(id)).length, 1);
    assert.equal(
      (await auditEntries(t.storage.repositories, { action: 'article.create' })).filter((entry) => entry.entityId === String(id)).length,
      1,
    );
    const preview = await editor.get(`/admin/articles/${id}/preview`);
    assert.equal(preview.status, 200);
    assert.equal(preview.$('.article-body h2').text(), '小标题');
    assert.equal(preview.$('.article-body script').length, 0);
  });

  it('publishing shows the article at once on the home page and in its category', async () => {
    const id = await create({ ...baseFields(), title: '立即发布的新闻', status: 'published' });
    const home = await t.get('/');
    assert.ok(home.$('.latest-list a, .headline a').filter((_, a) => a.attribs.href === `/article/${id}`).length > 0);
    assert.equal((await t.get(`/article/${id}`)).$('h1').text(), '立即发布的新闻');
    assert.equal(textOf((await t.get('/')).$, '#box-latest + .time-list li:first-child a'), '立即发布的新闻');
  });

  it('a scheduled article goes live at its time, with no job', async () => {
    const at = new Date(t.clock() + 2 * HOUR);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' })
      .format(at)
      .replace(' ', 'T');
    const id = await create({ ...baseFields(), title: '定时发布的新闻', status: 'scheduled', publishAt: local });
    assert.equal((await t.get(`/article/${id}`)).status, 404);
    const list = await editor.get('/admin/articles?status=scheduled');
    assert.ok(list.$('td a').filter((_, a) => a.attribs.href === `/admin/articles/${id}/edit`).length >= 1);
    t.clock.advance(2 * HOUR + 60_000);
    t.portal.chrome.invalidate();
    assert.equal((await t.get(`/article/${id}`)).status, 200);
  });

  it('refuses a scheduled time in the past and keeps the input (422)', async () => {
    const response = await editor.postMultipart(
      '/admin/articles',
      multipart({ ...baseFields(), title: '保留我的标题', status: 'scheduled', publishAt: '2020-01-01T10:00' }),
    );
    assert.equal(response.status, 422);
    assert.match(textOf(response.$, '.field-error'), /将来的发布时间/);
    assert.equal(response.$('input[name=title]').val(), '保留我的标题');
    assert.match(response.$('textarea[name=bodyHtml]').text(), /小标题/);
  });

  it('detects concurrent edits instead of losing one editor’s work (409)', async () => {
    const id = await create(baseFields());
    const other = await loggedIn(t, 'chief');
    const first = await other.postMultipart(
      `/admin/articles/${id}`,
      multipart({ ...baseFields(), _csrf: other.csrfToken, title: '甲的修改', version: '1' }),
    );
    assert.equal(first.status, 303);
    const second = await editor.postMultipart(`/admin/articles/${id}`, multipart({ ...baseFields(), title: '乙的修改', version: '1' }));
    assert.equal(second.status, 409);
    assert.match(textOf(second.$, '.notice'), /已被其他人修改/);
    assert.equal(second.$('input[name=title]').val(), '乙的修改', 'the second editor’s text is still in the form');
    assert.equal((await t.portal.repositories.articles.findById(id))!.title, '甲的修改');
  });

  it('keeps a revision per save and restores an earlier one', async () => {
    const id = await create({ ...baseFields(), title: '第一版' });
    await editor.postMultipart(`/admin/articles/${id}`, multipart({ ...baseFields(), title: '第二版', version: '1' }));
    const revisions = await editor.get(`/admin/articles/${id}/revisions`);
    assert.equal(revisions.$('tbody tr').length, 2);
    const first = (await t.portal.repositories.articleRevisions.listForArticle(id)).at(-1)!;
    const shown = await editor.get(`/admin/articles/${id}/revisions/${first.id}`);
    assert.equal(shown.$('h2').first().text(), '第一版');
    const restore = await editor.post(`/admin/articles/${id}/revisions/${first.id}/restore`, { _csrf: editor.csrfToken });
    assert.equal(restore.status, 303);
    const article = (await t.portal.repositories.articles.findById(id))!;
    assert.equal(article.title, '第一版');
    assert.equal(article.version, 3);
    assert.equal((await t.portal.repositories.articleRevisions.listForArticle(id)).length, 3);
  });

  it('the trash takes drafts and scheduled articles, never a published one; only an admin purges, and only from the trash', async () => {
    const published = await create({ ...baseFields(), title: '已发布的文章', status: 'published' });
    const refused = await editor.post(`/admin/articles/${published}/trash`, { _csrf: editor.csrfToken });
    assert.equal(refused.status, 400, 'a published article leaves only by 撤稿');
    assert.match(textOf(refused.$, 'main'), /只能撤稿|请由主编撤稿/);
    assert.equal((await t.get(`/article/${published}`)).status, 200, 'still on the site');

    const later = new Date(t.clock() + 48 * HOUR).toISOString().slice(0, 16);
    const id = await create({ ...baseFields(), title: '要删除的文章', status: 'scheduled', publishAt: later });
    assert.equal((await editor.post(`/admin/articles/${id}/trash`, { _csrf: editor.csrfToken })).status, 303);
    assert.equal((await editor.get(`/admin/articles/${id}/edit`)).status, 404, 'editing a deleted article');
    const trash = await editor.get('/admin/articles?status=trash');
    assert.match(textOf(trash.$, 'tbody'), /要删除的文章/);
    assert.equal((await editor.post(`/admin/articles/${id}/restore`, { _csrf: editor.csrfToken })).status, 303);
    assert.equal((await t.portal.repositories.articles.findById(id))?.status, 'scheduled', 'restored as it was');
    const admin = await loggedIn(t, 'admin');
    assert.equal((await admin.post(`/admin/articles/${id}/purge`, { _csrf: admin.csrfToken })).status, 409, 'not in the trash');
    await editor.post(`/admin/articles/${id}/trash`, { _csrf: editor.csrfToken });
    assert.equal((await editor.post(`/admin/articles/${id}/purge`, { _csrf: editor.csrfToken })).status, 403, 'a chief does not purge');
    assert.equal((await admin.post(`/admin/articles/${id}/purge`, { _csrf: admin.csrfToken })).status, 303);
    assert.equal(await t.portal.repositories.articles.findById(id), undefined);
    assert.equal((await editor.post('/admin/articles/999999/trash', { _csrf: editor.csrfToken })).status, 404);
  });

  it('lists with filters by status, category and title (matched literally), paginated', async () => {
    await create({ ...baseFields(), title: '百分之百_特殊%标题' });
    const found = await editor.get(`/admin/articles?q=${encodeURIComponent('百_特殊%')}`);
    assert.deepEqual(
      found
        .$('tbody tr td:first-child a')
        .map((_, a) => found.$(a).text())
        .get(),
      ['百分之百_特殊%标题'],
    );
    assert.equal((await editor.get(`/admin/articles?q=${encodeURIComponent('%')}`)).$('tbody tr').length, 1);
    const drafts = await editor.get(`/admin/articles?status=draft&category=${categoryId}`);
    drafts.$('tbody .status').each((_, s) => assert.equal(drafts.$(s).text(), '草稿'));
    const all = await editor.get('/admin/articles');
    assert.equal(all.$('tbody tr').length, 20);
    assert.ok(all.$('.pagination a[rel=next]').length === 1);
    assert.equal((await editor.get('/admin/articles?status=bogus')).status, 400);
    assert.equal((await editor.get('/admin/articles?page=999')).status, 404);
  });

  it('a cover upload is re-encoded into the sizes the pages use', async () => {
    const id = await create(
      { ...baseFields(), title: '带封面的文章', status: 'published', isFeatured: '1' },
      { field: 'cover', name: 'photo.png', type: 'image/png', bytes: await pngBytes() },
    );
    const article = (await t.portal.repositories.articles.findById(id))!;
    assert.match(article.coverImage ?? '', /^\/uploads\/\d{6}-[0-9a-f]{24}-cover\.webp$/);
    const image = await fetch(t.baseUrl + article.coverImage);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/webp');
    assert.equal(image.headers.get('x-content-type-options'), 'nosniff');
    const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    assert.deepEqual([meta.width, meta.height], [800, 450]);
    t.portal.chrome.invalidate();
    const home = await t.get('/');
    assert.equal(home.$('.hot-pictures a').first().attr('href'), `/article/${id}`, 'featured with a cover: in 热门·图文');
  });

  describe('uploads', () => {
    const upload = (bytes: Buffer, name = 'x.png', type = 'image/png') =>
      editor.postMultipart('/admin/uploads', multipart({}, { field: 'image', name, type, bytes }), {
        'x-csrf-token': editor.csrfToken,
        accept: 'application/json',
      });

    it('accepts PNG, JPEG, GIF and WebP and answers the editor with URLs', async () => {
      for (const format of ['png', 'jpeg', 'gif', 'webp'] as const) {
        const image = sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#336699' } });
        const bytes = await image[format]().toBuffer();
        const response = await upload(bytes, `a.${format}`, `image/${format}`);
        assert.equal(response.status, 201, format);
        const body = JSON.parse(response.text) as { url: string; width: number; height: number };
        assert.match(body.url, /^\/uploads\/.+\.webp$/);
        assert.deepEqual([body.width, body.height], [1600, 800], 'resized to fit 1600');
      }
    });

    it('refuses SVG, wrong types, polyglots, broken images and oversized files', async () => {
      // no repository counts uploads: t.sql does
      const uploadCount = () => t.sql.value('SELECT COUNT(*) FROM uploads');
      const before = await uploadCount();
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>');
      assert.equal((await upload(svg, 'x.svg', 'image/svg+xml')).status, 415);
      assert.equal((await upload(svg, 'x.png', 'image/png')).status, 415, 'the claimed type does not matter');
      assert.equal((await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'x.gif', 'image/gif')).status, 415);
      assert.equal(
        (await upload(Buffer.concat([Buffer.from('GIF89a'), Buffer.from('/*<script>alert(1)</script>*/')]), 'x.gif', 'image/gif')).status,
        400,
        'a GIF header on a script',
      );
      assert.equal((await upload((await pngBytes(100, 100)).subarray(0, 60))).status, 400, 'a truncated PNG');
      const big = Buffer.alloc(9 * 1024 * 1024, 1);
      big.write('\x89PNG\r\n\x1a\n', 0, 'latin1');
      assert.equal((await upload(big)).status, 413);
      assert.equal(await uploadCount(), before);
    });

    it('re-encoding strips what was appended to a real image', async () => {
      const polyglot = Buffer.concat([await pngBytes(50, 50), Buffer.from('<script>alert(1)</script>')]);
      const response = await upload(polyglot);
      assert.equal(response.status, 201);
      const stored = Buffer.from(await (await fetch(t.baseUrl + (JSON.parse(response.text) as { url: string }).url)).arrayBuffer());
      assert.ok(!stored.toString('latin1').includes('<script>'));
    });

    it('needs a logged-in editor and a CSRF token', async () => {
      const bytes = await pngBytes(20, 20);
      const anonymous = await fetch(`${t.baseUrl}/admin/uploads`, {
        method: 'POST',
        redirect: 'manual',
        body: multipart({}, { field: 'image', name: 'a.png', type: 'image/png', bytes }),
      });
      assert.equal(anonymous.status, 303);
      const noToken = await editor.postMultipart(
        '/admin/uploads',
        multipart({}, { field: 'image', name: 'a.png', type: 'image/png', bytes }),
      );
      assert.equal(noToken.status, 403);
      assert.equal((await editor.post('/admin/uploads', { _csrf: editor.csrfToken })).status, 415, 'not multipart');
    });
  });

  it('every article POST refuses a missing CSRF token and changes nothing', async () => {
    const id = await create(baseFields());
    const before = JSON.stringify(await t.portal.repositories.articles.findById(id));
    const { _csrf, ...withoutToken } = baseFields();
    void _csrf;
    assert.equal((await editor.postMultipart('/admin/articles', multipart(withoutToken))).status, 403);
    assert.equal(
      (await editor.postMultipart(`/admin/articles/${id}`, multipart({ ...withoutToken, version: '1', title: '改' }))).status,
      403,
    );
    for (const action of ['trash', 'restore', 'purge']) {
      assert.equal((await editor.post(`/admin/articles/${id}/${action}`, {})).status, 403, action);
    }
    assert.equal(JSON.stringify(await t.portal.repositories.articles.findById(id)), before);
  });
});
