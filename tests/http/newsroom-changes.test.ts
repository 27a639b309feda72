// A reporter's change to a signed article (修改稿, issue 17): it goes through the category's
// review while the signed version stays online; signed off, it replaces the text on the next
// request and names its signer as 责任编辑. Returned, it goes back to its reporter; dropped
// (撤回修改稿), the signed version stays as it is; a correction made meanwhile makes it outdated
// (409: signing it would undo the correction). Refused moves are 403 with nothing changed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loggedIn } from '../support/admin.js';
import type { ReaderSession } from '../support/browser-session.js';
import { multipart } from '../support/multipart.js';
import { newsroomDesk } from '../support/newsroom.js';
import { auditEntries } from '../support/records.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

describe('newsroom: a reporter’s change to a signed article', () => {
  let t: TestApp;
  let reporter: ReaderSession;
  let otherReporter: ReaderSession;
  let editor: ReaderSession;
  let chief: ReaderSession;
  let law: number; // two levels: 初审, 终审
  const { article, fields, write, step, stateShown } = newsroomDesk(() => t);

  before(async () => {
    t = await makeTestApp({ reviewLevels: 'demo' });
    law = (await t.portal.repositories.categories.findBySlug('law'))!.id;
    reporter = await loggedIn(t, 'reporter', 'jizhe');
    otherReporter = await loggedIn(t, 'reporter', 'jizhe-b');
    editor = await loggedIn(t, 'editor', 'bianji');
    chief = await loggedIn(t, 'chief', 'zhubian');
  });
  after(() => t.close());

  /** A reporter's article, reviewed and signed off: on the site. */
  async function published(body = '<p>原来的正文。</p>'): Promise<number> {
    const id = await write(reporter, law, { bodyHtml: body });
    await step(reporter, id, 'submit');
    await step(editor, id, 'approve');
    assert.equal((await step(chief, id, 'sign')).status, 303);
    return id;
  }

  /** Saves the editor form as `who`, from the version stored now. */
  async function save(who: ReaderSession, id: number, overrides: Record<string, string>) {
    await who.get(`/admin/articles/${id}/edit`); // a fresh token
    const current = await article(id);
    const form = fields(who, law, { title: current.title, status: 'published', version: String(current.version), ...overrides });
    return who.postMultipart(`/admin/articles/${id}`, multipart(form));
  }

  const bodyOnSite = async (id: number) => textOf((await t.get(`/article/${id}`)).$, '.article-body');

  it('goes through review while the signed version stays online, then replaces it on the next request', async () => {
    const id = await published();
    assert.match(await bodyOnSite(id), /原来的正文/); // the page is now cached
    const form = await reporter.get(`/admin/articles/${id}/edit`);
    assert.equal(form.$('.proposing-change').length, 1, 'the reporter is told the save is a change for review');

    const proposed = await save(reporter, id, { bodyHtml: '<p>原来的正文。补充：当事人已回应。</p>' });
    assert.equal(proposed.status, 303);
    const followed = await reporter.get(proposed.headers.get('location')!);
    assert.match(textOf(followed.$, '.flash, .notice'), /修改稿已提交审核/);
    const waiting = await article(id);
    assert.deepEqual([waiting.status, waiting.reviewStage], ['published', 1]);
    assert.match(await bodyOnSite(id), /原来的正文/);
    assert.doesNotMatch(await bodyOnSite(id), /当事人已回应/, 'the signed version stays online');
    assert.match(textOf(followed.$, 'textarea[name=bodyHtml]'), /当事人已回应/, 'the reporter goes on with the change');

    const review = await editor.get(`/admin/articles/${id}/edit`);
    assert.equal(textOf(review.$, '.workflow-state-name'), '已签发；修改稿待初审');
    assert.match(textOf(review.$, '.pending-change'), /jizhe/);
    assert.doesNotMatch(textOf(review.$, 'textarea[name=bodyHtml]'), /当事人已回应/, 'editors see the signed text in the form');
    const queue = await editor.get('/admin/articles/review');
    assert.equal(textOf(queue.$, `#queued-${id} .change-tag`), '修改稿', 'in the queue, marked as a change');
    const diff = await editor.get(`/admin/articles/${id}/diff`);
    assert.equal(diff.$('.pending-change-diff').length, 1);
    assert.equal(textOf(diff.$, '.diff-field ins.diff-added'), '补充：当事人已回应。');

    const again = await save(reporter, id, { bodyHtml: '<p>趁审核时再改</p>' });
    assert.equal(again.status, 403, 'not while it is in review');
    assert.doesNotMatch(textOf((await reporter.get(`/admin/articles/${id}/edit`)).$, 'textarea[name=bodyHtml]'), /趁审核时再改/);

    assert.equal((await step(editor, id, 'approve')).status, 303);
    assert.equal((await step(editor, id, 'sign')).status, 403, 'editors do not sign off');
    t.clock.advance(60_000);
    const revisionsBefore = (await t.portal.repositories.articleRevisions.listForArticle(id)).length;
    assert.equal((await step(chief, id, 'sign')).status, 303, 'a new round: the chief who signed the article signs the change');
    const signed = await article(id);
    assert.deepEqual([signed.status, signed.reviewStage], ['published', 0]);
    assert.match(await bodyOnSite(id), /当事人已回应/, 'online on the next request');
    assert.equal(await t.portal.repositories.pendingChanges.find(id), undefined);
    assert.equal((await t.portal.repositories.articleRevisions.listForArticle(id)).length, revisionsBefore + 1, 'a revision');
    assert.equal(textOf((await t.get(`/article/${id}`)).$, '.responsible-editor'), '（责任编辑：zhubian）');
    assert.match((await auditEntries(t.storage.repositories, { action: 'article.sign' })).at(-1)!.summary, /修改稿签发上线/);
  });

  it('returned, it goes back to its reporter, who revises and resubmits it; the signed version never moves', async () => {
    const id = await published();
    await save(reporter, id, { bodyHtml: '<p>第一稿修改。</p>' });
    const noReason = await step(editor, id, 'return', { note: '' });
    assert.equal(noReason.status, 422);
    assert.equal((await step(editor, id, 'return', { note: '请补充消息来源' })).status, 303);
    assert.equal(await stateShown(reporter, id), '已签发；修改稿待作者修改后重新提交');
    assert.match(textOf((await reporter.get(`/admin/articles/${id}/edit`)).$, 'textarea[name=bodyHtml]'), /第一稿修改/);

    assert.equal((await save(reporter, id, { bodyHtml: '<p>第二稿修改，据某某通报。</p>' })).status, 303, 'revised: in review again');
    assert.equal((await article(id)).reviewStage, 1);
    assert.equal((await step(editor, id, 'return', { note: '还要再改' })).status, 303);
    assert.equal((await step(reporter, id, 'submit')).status, 303, 'or resubmitted as it is');
    assert.equal((await article(id)).reviewStage, 1);
    assert.match(await bodyOnSite(id), /原来的正文/);
  });

  it('撤回修改稿: its reporter or an editor drops it; another reporter may not; the site keeps the signed text', async () => {
    const id = await published();
    await save(reporter, id, { bodyHtml: '<p>不想要的修改。</p>' });
    assert.equal((await step(otherReporter, id, 'discard')).status, 403);
    assert.ok(await t.portal.repositories.pendingChanges.find(id), 'nothing changed');
    const edit = await reporter.get(`/admin/articles/${id}/edit`);
    assert.equal(edit.$('form.workflow-step input[name=step][value=discard]').length, 1, 'offered to its reporter');
    assert.equal((await step(reporter, id, 'discard', { note: '写错了' })).status, 303);
    assert.equal(await t.portal.repositories.pendingChanges.find(id), undefined);
    assert.deepEqual([(await article(id)).reviewStage, await stateShown(editor, id)], [0, '已签发']);
    assert.equal((await step(editor, id, 'discard')).status, 403, 'nothing left to drop');
    assert.match(textOf((await editor.get(`/admin/articles/${id}/edit`)).$, '.workflow-discard'), /写错了/);
    assert.match(await bodyOnSite(id), /原来的正文/);

    await save(reporter, id, { bodyHtml: '<p>又一次修改。</p>' });
    assert.equal((await step(editor, id, 'discard', { note: '不采用' })).status, 303, 'an editor may drop it too');
    assert.equal((await auditEntries(t.storage.repositories, { action: 'article.change.discard' })).length, 2);
  });

  it('a correction made meanwhile makes the change outdated: its sign-off is 409 and the correction stays', async () => {
    const id = await published();
    await save(reporter, id, { bodyHtml: '<p>原来的正文。记者的修改。</p>' });
    const corrected = await save(chief, id, { bodyHtml: '<p>原来的正文（已更正错字）。</p>' });
    assert.equal(corrected.status, 303, 'a chief corrects the signed text directly');
    await step(editor, id, 'approve');
    const outdated = await step(chief, id, 'sign');
    assert.equal(outdated.status, 409);
    assert.match(textOf(outdated.$, '.notice'), /抹掉那次更正/);
    assert.match(await bodyOnSite(id), /已更正错字/);
    assert.ok(await t.portal.repositories.pendingChanges.find(id), 'the change waits to be dropped or revised');
  });

  it('restoring a revision and the trash follow the same rules as a save', async () => {
    const id = await published();
    const first = (await t.portal.repositories.articleRevisions.listForArticle(id)).at(-1)!;
    await save(chief, id, { bodyHtml: '<p>主编更正后的正文。</p>' });
    await reporter.get(`/admin/articles/${id}/revisions`);
    const restore = (who: ReaderSession, articleId: number, revisionId: number) =>
      who.post(`/admin/articles/${articleId}/revisions/${revisionId}/restore`, { _csrf: who.csrfToken });
    assert.equal((await restore(reporter, id, first.id)).status, 303);
    assert.equal((await article(id)).reviewStage, 1, 'a reporter’s restore of a signed article is a change for review');
    assert.match((await t.portal.repositories.pendingChanges.find(id))!.fields.bodyHtml, /原来的正文/);
    assert.match(await bodyOnSite(id), /主编更正后的正文/, 'the site keeps the signed text');

    const othersDraft = await write(otherReporter, law);
    const draftRevision = (await t.portal.repositories.articleRevisions.listForArticle(othersDraft))[0]!;
    await reporter.get('/admin/articles');
    assert.equal((await restore(reporter, othersDraft, draftRevision.id)).status, 403);
    assert.equal((await reporter.post(`/admin/articles/${othersDraft}/trash`, { _csrf: reporter.csrfToken })).status, 403);
    assert.equal((await article(othersDraft)).deletedAt, null, 'nothing changed');
    const ownDraft = await write(reporter, law);
    await step(reporter, ownDraft, 'submit');
    await reporter.get('/admin/articles');
    assert.equal((await reporter.post(`/admin/articles/${ownDraft}/trash`, { _csrf: reporter.csrfToken })).status, 403, 'in review');
    await otherReporter.get('/admin/articles');
    assert.equal((await otherReporter.post(`/admin/articles/${othersDraft}/trash`, { _csrf: otherReporter.csrfToken })).status, 303);

    const withdrawn = await published();
    const signedRevision = (await t.portal.repositories.articleRevisions.listForArticle(withdrawn))[0]!;
    await chief.get(`/admin/articles/${withdrawn}/edit`);
    await chief.post(`/admin/articles/${withdrawn}/retract`, { _csrf: chief.csrfToken, reason: '事实有误' });
    assert.equal((await restore(chief, withdrawn, signedRevision.id)).status, 403, 'a revision never brings a withdrawn article back');
    const still = await article(withdrawn);
    assert.deepEqual([still.status, still.retractedAt !== null], ['draft', true]);
    assert.equal((await t.get(`/article/${withdrawn}`)).status, 410);
  });

  it('sign-off checks the change’s text (发布前检查) and a reporter may not change another’s article; 撤稿 drops the change', async () => {
    const id = await published();
    assert.equal((await save(otherReporter, id, { bodyHtml: '<p>别人的修改</p>' })).status, 403);
    assert.equal(await t.portal.repositories.pendingChanges.find(id), undefined);

    await save(reporter, id, { bodyHtml: '<p>联系电话13812345678。</p>' });
    await step(editor, id, 'approve');
    const signForm = await chief.get(`/admin/articles/${id}/edit`);
    const acks = signForm
      .$('form.workflow-step .sign-acks input[name=ack]')
      .map((_, el) => signForm.$(el).attr('value'))
      .get();
    assert.deepEqual(acks, ['mobile:13812345678'], 'the findings of the change, not of the signed text');
    assert.equal(signForm.$('form.workflow-step input[name=publishAt]').length, 0, 'a change keeps its publish time');
    assert.equal((await step(chief, id, 'sign')).status, 422);
    assert.equal((await step(chief, id, 'sign', { ack: acks[0]! })).status, 303);
    assert.match(await bodyOnSite(id), /13812345678/);

    await save(reporter, id, { bodyHtml: '<p>撤稿前的修改</p>' });
    await chief.get(`/admin/articles/${id}/edit`);
    const retracted = await chief.post(`/admin/articles/${id}/retract`, { _csrf: chief.csrfToken, reason: '事实有误' });
    assert.equal(retracted.status, 303);
    assert.equal(await t.portal.repositories.pendingChanges.find(id), undefined, 'a withdrawn article keeps no change');
    assert.equal((await save(reporter, id, { bodyHtml: '<p>撤稿后</p>' })).status, 403);
  });
});
