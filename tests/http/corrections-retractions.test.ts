// Corrections and retractions (issue 17): an editor adds a dated 更正/更新 note to a published
// article (shown after the body, 更新于 in the meta line, dateModified and CorrectionComment in the
// JSON-LD, listed on /corrections); a chief withdraws (撤稿) a published article with a public
// reason: its URL answers 410 with the site chrome, the reason and the title only if allowed, and
// it leaves every list, feed, sitemap, ranking and the search. Bad input: 400/403/404/422.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loggedIn } from '../support/admin.js';
import { articleFields } from '../support/article-fields.js';
import type { ReaderSession } from '../support/browser-session.js';
import { auditEntries } from '../support/records.js';
import { makeTestApp, textOf, type Page, type TestApp } from '../support/test-app.js';

const MINUTE = 60_000;

describe('corrections and retractions', () => {
  let t: TestApp;
  let editor: ReaderSession;
  let chief: ReaderSession;
  let reporter: ReaderSession;
  let admin: ReaderSession;
  let categoryId: number;

  before(async () => {
    t = await makeTestApp();
    editor = await loggedIn(t, 'editor', 'bianji');
    chief = await loggedIn(t, 'chief', 'zhubian');
    reporter = await loggedIn(t, 'reporter', 'jizhe');
    admin = await loggedIn(t, 'admin', 'guanli');
    categoryId = (await t.portal.repositories.categories.findBySlug('law'))!.id;
  });
  after(() => t.close());

  async function published(title: string): Promise<number> {
    t.clock.advance(MINUTE);
    return t.repos.articles.create(articleFields(categoryId, t.clock(), { title, summary: `${title}的摘要` }), t.clock());
  }

  async function post(who: ReaderSession, path: string, fields: Record<string, string>): Promise<Page> {
    await who.get('/admin'); // a fresh token
    return who.post(path, { _csrf: who.csrfToken, ...fields });
  }

  const jsonLdOf = (page: Page) =>
    JSON.parse(page.$('script[type="application/ld+json"]').text()) as { '@graph': Record<string, unknown>[] };

  it('a correction shows on the article at once (after the body, 更新于, JSON-LD) and on /corrections', async () => {
    const id = await published('某区通报小区停水原因');
    assert.equal((await t.get(`/article/${id}`)).$('.article-corrections').length, 0, 'cached without notes');
    t.clock.advance(MINUTE);
    const response = await post(editor, `/admin/articles/${id}/corrections`, {
      kind: 'correction',
      note: '原文中“停水三天”应为“停水两天”，特此更正。',
    });
    assert.equal(response.status, 303);
    const page = await t.get(`/article/${id}`);
    assert.match(textOf(page.$, '.article-corrections li'), /^更正（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）：原文中“停水三天”应为“停水两天”/);
    assert.match(textOf(page.$, '.article-meta .updated-at'), /^更新于 /);
    const article = jsonLdOf(page)['@graph'][0]!;
    const correctedAt = (await t.portal.repositories.articles.findById(id))!.correctedAt!;
    assert.equal(article.dateModified, new Date(correctedAt).toISOString());
    assert.deepEqual(article.correction, [
      {
        '@type': 'CorrectionComment',
        text: '原文中“停水三天”应为“停水两天”，特此更正。',
        datePublished: new Date(correctedAt).toISOString(),
      },
    ]);
    t.clock.advance(MINUTE);
    await post(editor, `/admin/articles/${id}/corrections`, { kind: 'update', note: '记者获悉，供水已于今日恢复。' });
    const list = await t.get('/corrections');
    assert.equal(list.status, 200);
    assert.deepEqual(
      list
        .$('.correction-item')
        .slice(0, 2)
        .map(
          (_, li) =>
            `${list.$(li).find('.correction-kind').text()} ${list.$(li).find('a').text()} ${list.$(li).find('.correction-note').text()}`,
        )
        .get(),
      ['更新 某区通报小区停水原因 记者获悉，供水已于今日恢复。', '更正 某区通报小区停水原因 原文中“停水三天”应为“停水两天”，特此更正。'],
      'newest first',
    );
    assert.equal(list.$('.correction-item a').first().attr('href'), `/article/${id}`);
    assert.equal((await auditEntries(t.storage.repositories, { action: 'article.correct' })).at(-1)?.entityId, String(id));
    assert.match(textOf((await editor.get(`/admin/articles/${id}/edit`)).$, '.correction-history'), /更正.*更新/s);
  });

  it('bad corrections: empty or too long 422 (text kept), a draft 400, unknown 404, a reporter 403, no token 403', async () => {
    const id = await published('有待更正的稿件');
    const empty = await post(editor, `/admin/articles/${id}/corrections`, { kind: 'correction', note: '   ' });
    assert.equal(empty.status, 422);
    const long = await post(editor, `/admin/articles/${id}/corrections`, { kind: 'update', note: '长'.repeat(2001) });
    assert.equal(long.status, 422);
    assert.equal(long.$('#correction-note').text(), '长'.repeat(2001), 'the text is kept');
    assert.equal((await post(editor, `/admin/articles/${id}/corrections`, { kind: 'erratum', note: '说明' })).status, 422);
    const draft = await t.repos.articles.create(articleFields(categoryId, t.clock(), { status: 'draft', publishedAt: null }), t.clock());
    assert.equal((await post(editor, `/admin/articles/${draft}/corrections`, { kind: 'correction', note: '说明' })).status, 400);
    assert.equal((await post(editor, '/admin/articles/999999/corrections', { kind: 'correction', note: '说明' })).status, 404);
    assert.equal((await post(reporter, `/admin/articles/${id}/corrections`, { kind: 'correction', note: '说明' })).status, 403);
    assert.equal((await editor.post(`/admin/articles/${id}/corrections`, { kind: 'correction', note: '说明' })).status, 403);
    assert.equal((await t.portal.repositories.corrections.listForArticle(id)).length, 0, 'nothing stored');
  });

  it('撤稿: the URL answers 410 with the reason, and the article leaves every list, feed, sitemap, ranking and the search', async () => {
    const id = await published('将被撤回的独家报道');
    for (const path of ['/', '/category/law', '/feed.xml', '/sitemap.xml']) {
      assert.match((await t.get(path)).text, new RegExp(`/article/${id}\\b`), `listed on ${path} before`);
    }
    assert.equal((await post(editor, `/admin/articles/${id}/retract`, { reason: '核实有误', showsTitle: '1' })).status, 403, 'a chief’s');
    const noReason = await post(chief, `/admin/articles/${id}/retract`, { reason: '', showsTitle: '1' });
    assert.equal(noReason.status, 422);
    assert.equal((await t.get(`/article/${id}`)).status, 200, 'nothing changed');

    assert.equal(
      (
        await post(chief, `/admin/articles/${id}/retract`, {
          reason: '经核实，报道中的关键事实有误，本网撤回此稿并致歉。',
          showsTitle: '1',
        })
      ).status,
      303,
    );
    const gone = await t.get(`/article/${id}`);
    assert.equal(gone.status, 410);
    assert.equal(textOf(gone.$, '.retraction-reason'), '经核实，报道中的关键事实有误，本网撤回此稿并致歉。');
    assert.equal(textOf(gone.$, '.retracted-title'), '原标题：将被撤回的独家报道');
    assert.ok(gone.$('header, .site-header, nav').length > 0 && gone.$('footer').length > 0, 'with the site chrome');
    assert.equal(gone.$('meta[name=robots]').attr('content')?.includes('noindex'), true);
    for (const path of ['/', '/category/law', '/feed.xml', '/sitemap.xml', '/rank', `/search?q=${encodeURIComponent('独家报道')}`]) {
      assert.doesNotMatch((await t.get(path)).text, new RegExp(`/article/${id}\\b`), `gone from ${path}`);
    }
    assert.equal((await t.get(`/article/${id}/comments`)).status, 404, 'its comments are hidden');
    assert.equal((await post(chief, `/admin/articles/${id}/retract`, { reason: '再撤一次', showsTitle: '1' })).status, 400);
    const stored = (await t.portal.repositories.articles.findById(id))!;
    assert.equal(stored.retractionReason, '经核实，报道中的关键事实有误，本网撤回此稿并致歉。');
    const edit = await chief.get(`/admin/articles/${id}/edit`);
    assert.equal(textOf(edit.$, '.workflow-state-name'), '已撤稿');
    assert.equal(edit.$('form.workflow-step input[name=step][value=sign]').length, 0, 'never published again');
    const resave = await chief.postMultipart(
      `/admin/articles/${id}`,
      (await import('../support/multipart.js')).multipart({
        _csrf: chief.csrfToken,
        title: '改头换面',
        categoryId: String(categoryId),
        author: '',
        source: '',
        summary: '',
        bodyHtml: '<p>x</p>',
        status: 'published',
        publishAt: '',
        version: String(stored.version),
      }),
    );
    assert.equal(resave.status, 403, 'a withdrawn article is kept as it was');
    assert.equal((await auditEntries(t.storage.repositories, { action: 'article.retract' })).at(-1)?.entityId, String(id));
    assert.match(textOf((await chief.get('/admin/articles?status=retracted')).$, 'tbody'), /将被撤回的独家报道/);
  });

  it('content removed on order: the notice does not repeat the title; an admin may purge it, then it is 404', async () => {
    const id = await published('依要求删除的内容标题');
    assert.equal((await post(chief, `/admin/articles/${id}/retract`, { reason: '根据有关部门要求，本文已删除。' })).status, 303);
    const gone = await t.get(`/article/${id}`);
    assert.equal(gone.status, 410);
    assert.doesNotMatch(gone.text, /依要求删除的内容标题/, 'not in the page, nor its <title>');
    assert.equal(gone.$('.retracted-title').length, 0);
    assert.equal((await post(chief, `/admin/articles/${id}/purge`, {})).status, 403, 'an admin’s');
    assert.equal((await post(admin, `/admin/articles/${id}/purge`, {})).status, 303);
    assert.equal((await t.get(`/article/${id}`)).status, 404);
    assert.match((await auditEntries(t.storage.repositories, { action: 'article.purge' })).at(-1)!.summary, /依要求删除的内容标题/);
  });

  it('retracting an unpublished article is 400; an unknown one 404', async () => {
    const draft = await t.repos.articles.create(articleFields(categoryId, t.clock(), { status: 'draft', publishedAt: null }), t.clock());
    assert.equal((await post(chief, `/admin/articles/${draft}/retract`, { reason: '说明', showsTitle: '1' })).status, 400);
    assert.equal((await post(chief, '/admin/articles/999999/retract', { reason: '说明', showsTitle: '1' })).status, 404);
  });
});
