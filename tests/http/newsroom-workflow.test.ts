// The newsroom (issue 17): 记者 write and submit, 编辑 review (初审, 复审), 主编 sign off (终审), as
// each category's review levels say; the server refuses every step a role may not take (403,
// nothing changed), one person approves one level of a round, a stale form is 409 with the
// reviewer's note kept, every step is audited and kept in the article's history, and the signed
// article names its 责任编辑. An admin may sign anywhere, audited as an override.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loggedIn } from '../support/admin.js';
import type { ReaderSession } from '../support/browser-session.js';
import { multipart } from '../support/multipart.js';
import { newsroomDesk } from '../support/newsroom.js';
import { auditEntries } from '../support/records.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

describe('newsroom workflow', () => {
  let t: TestApp;
  let reporter: ReaderSession;
  let editorA: ReaderSession;
  let editorB: ReaderSession;
  let chief: ReaderSession;
  let admin: ReaderSession;
  let law: number; // two levels: 初审, 终审
  let watchdog: number; // three levels (the demo's 舆论监督): 初审, 复审, 终审

  before(async () => {
    t = await makeTestApp({ reviewLevels: 'demo' });
    law = (await t.portal.repositories.categories.findBySlug('law'))!.id;
    watchdog = (await t.portal.repositories.categories.findBySlug('watchdog'))!.id;
    reporter = await loggedIn(t, 'reporter', 'jizhe');
    editorA = await loggedIn(t, 'editor', 'bianji-a');
    editorB = await loggedIn(t, 'editor', 'bianji-b');
    chief = await loggedIn(t, 'chief', 'zhubian');
    admin = await loggedIn(t, 'admin', 'guanliyuan');
  });
  after(() => t.close());

  const { article, fields, write, step, stateShown } = newsroomDesk(() => t);

  it('two levels: a reporter writes and submits, an editor approves 初审, a chief signs off; the page names the 责任编辑', async () => {
    const id = await write(reporter, law);
    const form = await reporter.get(`/admin/articles/${id}/edit`);
    assert.deepEqual(
      form
        .$('select[name=status] option')
        .map((_, o) => form.$(o).val())
        .get(),
      ['draft'],
      'a reporter is not offered 发布',
    );
    assert.equal(textOf(form.$, '.workflow-next'), '提交初审');
    assert.equal(form.$('form.workflow-step input[name=step][value=submit]').length, 1);

    assert.equal(textOf(form.$, '.workflow-holder'), '作者 jizhe', 'a draft is in its writer’s hands');
    assert.equal((await step(reporter, id, 'submit')).status, 303);
    assert.equal(await stateShown(reporter, id), '待初审');
    assert.equal(textOf((await reporter.get(`/admin/articles/${id}/edit`)).$, '.workflow-holder'), '编辑（初审）');
    const locked = await reporter.postMultipart(
      `/admin/articles/${id}`,
      multipart(fields(reporter, law, { version: String((await article(id)).version) })),
    );
    assert.equal(locked.status, 403, 'a submitted article is out of its reporter’s hands');
    assert.equal((await step(reporter, id, 'approve')).status, 403, 'reporters do not review');
    assert.equal((await step(chief, id, 'sign')).status, 403, 'no signing before 初审');

    const queue = await editorA.get('/admin/articles/review');
    assert.equal(queue.$(`#review-1 #queued-${id}`).length, 1, 'in the editor’s queue');
    assert.equal((await editorA.get('/admin')).$('[data-stat=review-1]').length, 1, 'the dashboard counts it');
    assert.equal((await step(editorA, id, 'approve', { note: '事实核对无误' })).status, 303);
    assert.equal(await stateShown(chief, id), '待终审');
    assert.equal((await step(editorB, id, 'sign')).status, 403, 'editors do not sign off');

    assert.equal((await t.get(`/article/${id}`)).status, 404, 'not on the site before sign-off');
    assert.equal((await step(chief, id, 'sign')).status, 303);
    const signed = await article(id);
    assert.deepEqual([signed.status, signed.reviewStage, signed.responsibleEditor], ['published', 0, 'zhubian']);
    const page = await t.get(`/article/${id}`);
    assert.equal(page.status, 200, 'on the site at once');
    assert.equal(textOf(page.$, '.responsible-editor'), '（责任编辑：zhubian）');

    const history = await chief.get(`/admin/articles/${id}/edit`);
    assert.deepEqual(
      history
        .$('.workflow-event strong')
        .map((_, el) => history.$(el).text())
        .get(),
      ['jizhe', 'bianji-a', 'zhubian'],
    );
    assert.match(textOf(history.$, '.workflow-approve'), /事实核对无误/);
    for (const action of ['article.submit', 'article.approve', 'article.sign']) {
      assert.equal((await auditEntries(t.storage.repositories, { action })).at(-1)?.entityId, String(id), action);
    }
  });

  it('three levels: one person approves one level only; a second editor takes 复审', async () => {
    const id = await write(reporter, watchdog);
    await step(reporter, id, 'submit');
    assert.equal(await stateShown(editorA, id), '待初审');
    await step(editorA, id, 'approve');
    assert.equal(await stateShown(editorA, id), '待复审');
    const again = await step(editorA, id, 'approve');
    assert.equal(again.status, 403);
    assert.match(textOf(again.$, '.notice'), /一个人只能审核其中一级/);
    assert.equal((await article(id)).reviewStage, 2, 'nothing changed');
    assert.equal((await step(editorB, id, 'approve')).status, 303);
    assert.equal(await stateShown(chief, id), '待终审');
    assert.equal((await step(chief, id, 'sign')).status, 303);
    assert.equal((await article(id)).status, 'published');
  });

  it('退回修改 needs a reason, goes back to the writer, and starts a new round', async () => {
    const id = await write(reporter, law);
    await step(reporter, id, 'submit');
    await step(editorA, id, 'approve');
    const noReason = await step(chief, id, 'return', { note: '  ' });
    assert.equal(noReason.status, 422);
    assert.equal((await article(id)).reviewStage, 3, 'nothing changed');
    assert.equal((await step(chief, id, 'return', { note: '标题与事实不符，请核实后修改' })).status, 303);
    assert.equal(await stateShown(reporter, id), '草稿');
    assert.match(textOf((await reporter.get(`/admin/articles/${id}/edit`)).$, '.workflow-return'), /标题与事实不符/);
    const edited = await reporter.postMultipart(
      `/admin/articles/${id}`,
      multipart(fields(reporter, law, { title: '修改后的标题', version: String((await article(id)).version) })),
    );
    assert.equal(edited.status, 303, 'the reporter may edit it again');
    await step(reporter, id, 'submit');
    assert.equal((await step(editorA, id, 'approve')).status, 303, 'a new round: the same editor may approve again');
  });

  it('the reviewer sees what changed since the version last approved', async () => {
    const id = await write(reporter, law);
    const before = await chief.get(`/admin/articles/${id}/diff`);
    assert.equal(before.status, 200);
    assert.equal(before.$('.no-approved-version').length, 1, 'nothing approved yet');
    await step(reporter, id, 'submit');
    await step(editorA, id, 'approve');
    t.clock.advance(60_000);
    const changed = await editorA.postMultipart(
      `/admin/articles/${id}`,
      multipart(
        fields(editorA, law, {
          title: (await article(id)).title,
          bodyHtml: '<p>正文补充了新情况</p>',
          version: String((await article(id)).version),
        }),
      ),
    );
    assert.equal(changed.status, 303, 'an editor corrects it during review');
    const diff = await chief.get(`/admin/articles/${id}/diff`);
    const body = diff.$('.diff-field').filter((_, el) => diff.$(el).find('h2').text().startsWith('正文'));
    assert.equal(body.find('ins.diff-added').text(), '补充了新情况');
    assert.equal(body.find('del.diff-removed').length, 0);
    assert.match(textOf(diff.$, '.diff-field h2'), /标题 （没有修改）/);
    assert.equal((await chief.get(`/admin/articles/${id}/edit`)).$('a.diff-link').attr('href'), `/admin/articles/${id}/diff`);
    assert.equal((await chief.get('/admin/articles/999999/diff')).status, 404);
  });

  it('a stale form is 409 with the reviewer’s note kept; bad steps are 400, 422, 404', async () => {
    const id = await write(reporter, law);
    await step(reporter, id, 'submit');
    await editorA.get(`/admin/articles/${id}/edit`);
    const seen = String((await article(id)).version);
    await step(editorB, id, 'approve'); // someone else moved it on
    const stale = await editorA.post(`/admin/articles/${id}/workflow`, {
      _csrf: editorA.csrfToken,
      step: 'note',
      version: seen,
      note: '我的意见',
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.$('textarea[name=note]').first().text(), '我的意见');
    const version = String((await article(id)).version);
    const post = (extra: Record<string, string>) =>
      chief.post(`/admin/articles/${id}/workflow`, { _csrf: chief.csrfToken, version, ...extra });
    await chief.get(`/admin/articles/${id}/edit`);
    assert.equal((await post({ step: 'publish' })).status, 400);
    assert.equal((await post({ step: 'note', version: 'x' })).status, 400);
    assert.equal((await post({ step: 'note', note: '长'.repeat(2001) })).status, 422);
    assert.equal((await post({ step: 'sign', publishAt: 'tomorrow' })).status, 422);
    assert.equal(
      (await chief.post('/admin/articles/999999/workflow', { _csrf: chief.csrfToken, step: 'note', version: '1', note: '意见' })).status,
      404,
    );
    assert.equal((await chief.post(`/admin/articles/${id}/workflow`, { step: 'sign', version })).status, 403, 'CSRF');
    assert.equal((await article(id)).status, 'draft');
  });

  it('saving as published is a sign-off: refused where a chief may not sign yet; an admin overrides, audited', async () => {
    const refused = await chief.postMultipart('/admin/articles', multipart(fields(chief, law, { status: 'published' })));
    assert.equal(refused.status, 403, 'two levels: a chief cannot publish an unreviewed article');
    assert.match(textOf(refused.$, '.notice'), /主编负责终审签发|不在这一步/);
    const byAdmin = await admin.postMultipart(
      '/admin/articles',
      multipart(fields(admin, law, { status: 'published', title: '管理员直接签发' })),
    );
    assert.equal(byAdmin.status, 303);
    const id = Number(/\/admin\/articles\/(\d+)\/edit/.exec(byAdmin.headers.get('location')!)![1]);
    assert.deepEqual([(await article(id)).status, (await article(id)).responsibleEditor], ['published', 'guanliyuan']);
    assert.match((await auditEntries(t.storage.repositories, { action: 'article.sign' })).at(-1)!.summary, /管理员越级/);
    const reporterPublish = await reporter.postMultipart('/admin/articles', multipart(fields(reporter, law, { status: 'published' })));
    assert.equal(reporterPublish.status, 403);
  });

  it('转载: signed off only from a permitted source; the page and the JSON-LD name the original', async () => {
    const oneLevel = (await t.portal.repositories.categories.findBySlug('photos'))!;
    await t.write((tx) => tx.categories.update(oneLevel.id, { ...oneLevel, reviewLevels: 1 }));
    const reprint = { isReprint: '1', originalTitle: '原发标题', originalAuthor: '原发记者', originalUrl: 'https://news.example.cn/a/1' };
    const unlisted = await chief.postMultipart(
      '/admin/articles',
      multipart(fields(chief, oneLevel.id, { ...reprint, source: '某自媒体', status: 'published', title: '来源不明的转载' })),
    );
    assert.equal(unlisted.status, 403);
    assert.match(textOf(unlisted.$, '.notice'), /不在“可转载的稿源”名单里/);
    assert.equal(unlisted.$('input[name=originalTitle]').val(), '原发标题', 'the input is kept');
    const noSource = await chief.postMultipart('/admin/articles', multipart(fields(chief, oneLevel.id, { ...reprint, source: '' })));
    assert.equal(noSource.status, 422);
    const badUrl = await chief.postMultipart(
      '/admin/articles',
      multipart(fields(chief, oneLevel.id, { ...reprint, source: '新华社', originalUrl: 'javascript:alert(1)' })),
    );
    assert.equal(badUrl.status, 422);

    const listed = await chief.postMultipart(
      '/admin/articles',
      multipart(fields(chief, oneLevel.id, { ...reprint, source: '新华社', status: 'published', title: '新华社的转载' })),
    );
    assert.equal(listed.status, 303);
    const id = Number(/\/admin\/articles\/(\d+)\/edit/.exec(listed.headers.get('location')!)![1]);
    const page = await t.get(`/article/${id}`);
    assert.equal(textOf(page.$, '.reprint-note'), '本文转载自新华社，原标题：原发标题，原作者：原发记者，原文链接。');
    assert.equal(page.$('.reprint-note a').attr('href'), 'https://news.example.cn/a/1');
    const ld = JSON.parse(page.$('script[type="application/ld+json"]').text()) as { '@graph': Record<string, unknown>[] };
    assert.deepEqual(ld['@graph'][0]!.isBasedOn, {
      '@type': 'NewsArticle',
      headline: '原发标题',
      author: { '@type': 'Person', name: '原发记者' },
      url: 'https://news.example.cn/a/1',
      publisher: { '@type': 'Organization', name: '新华社' },
    });
    // the list is a setting the admin edits
    await t.repos.settings.setMany({ reprintSources: '新华社、某自媒体' });
    const nowListed = await chief.postMultipart(
      '/admin/articles',
      multipart(fields(chief, oneLevel.id, { ...reprint, source: '某自媒体', status: 'published', title: '名单里加上以后' })),
    );
    assert.equal(nowListed.status, 303);
  });

  it('发布前检查: findings shown with their positions; sign-off needs every one acknowledged (422 otherwise, nothing changed)', async () => {
    const response = await reporter.postMultipart(
      '/admin/articles',
      multipart(
        fields(reporter, law, {
          title: '截止目前的调查',
          source: '',
          bodyHtml: '<p>举报人电话13812345678。</p>',
        }),
      ),
    );
    const id = Number(/\/admin\/articles\/(\d+)\/edit/.exec(response.headers.get('location')!)![1]);
    const form = await reporter.get(`/admin/articles/${id}/edit`);
    assert.deepEqual(
      form
        .$('.finding')
        .map((_, li) => form.$(li).text().trim())
        .get(),
      ['标题 第 1 字：“截止目前”应为“截至目前”', '正文 第 6 字：含手机号码 138****5678：发布前请确认已获授权或打码', '来源：来源为空'],
    );
    assert.equal(form.$('.finding input[name=ack]').length, 0, 'a reporter does not sign: nothing to tick');
    await step(reporter, id, 'submit');
    await step(editorA, id, 'approve');
    const signForm = await chief.get(`/admin/articles/${id}/edit`);
    const ackIds = signForm
      .$('form.workflow-step .sign-acks input[name=ack]')
      .map((_, el) => signForm.$(el).attr('value'))
      .get();
    assert.deepEqual(ackIds, ['usage:标题:截止目前', 'mobile:13812345678', 'missing:source']);
    const version = String((await article(id)).version);
    const sign = (acks: string[]) => {
      const body = new URLSearchParams({ _csrf: chief.csrfToken, step: 'sign', version });
      for (const ack of acks) body.append('ack', ack);
      return chief.post(`/admin/articles/${id}/workflow`, body.toString());
    };
    const none = await sign([]);
    assert.equal(none.status, 422);
    assert.match(textOf(none.$, '.notice'), /逐条确认/);
    assert.equal((await sign(ackIds.slice(0, 2))).status, 422, 'every one');
    assert.equal((await article(id)).status, 'draft', 'nothing changed');
    assert.equal((await sign(ackIds)).status, 303);
    assert.equal((await article(id)).status, 'published');

    // saving as published is a sign-off too: the form comes back with the findings to tick
    const unticked = await admin.postMultipart(
      '/admin/articles',
      multipart(fields(admin, law, { source: '', status: 'published', title: '没有来源的稿件' })),
    );
    assert.equal(unticked.status, 422);
    assert.equal(unticked.$('#article-form .finding input[name=ack]').attr('value'), 'missing:source');
    assert.equal(unticked.$('input[name=title]').val(), '没有来源的稿件', 'the input is kept');
    const ticked = multipart(fields(admin, law, { source: '', status: 'published', title: '没有来源的稿件' }));
    ticked.append('ack', 'missing:source');
    assert.equal((await admin.postMultipart('/admin/articles', ticked)).status, 303);
  });

  it('each area needs its role: 记者 write, 编辑 moderate comments, 主编 run categories, 管理员 users', async () => {
    assert.equal((await reporter.get('/admin/articles')).status, 200);
    assert.equal((await reporter.get('/admin/comments')).status, 403);
    assert.equal((await editorA.get('/admin/comments')).status, 200);
    assert.equal((await editorA.get('/admin/categories')).status, 403);
    assert.equal((await chief.get('/admin/categories')).status, 200);
    assert.equal((await chief.get('/admin/users')).status, 403);
    const nav = (await reporter.get('/admin')).$;
    assert.deepEqual(
      nav('.admin-nav a')
        .map((_, a) => nav(a).text())
        .get(),
      ['仪表盘', '文章'],
    );
  });
});
