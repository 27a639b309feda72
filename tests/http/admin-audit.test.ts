// The audit log in /admin/audit: admins only, newest first, 50 a page, who/what/when escaped,
// and the changes made in the other sections show up in it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, loggedIn } from '../support/admin.js';
import type { ReaderSession } from '../support/browser-session.js';
import { auditEntries, latestAuditId } from '../support/records.js';
import { makeTestApp, textOf, type Page, type TestApp } from '../support/test-app.js';

describe('admin audit log', () => {
  let t: TestApp;
  let admin: ReaderSession;

  before(async () => {
    t = await makeTestApp();
    admin = await loggedIn(t, 'admin', 'auditor');
  });
  after(() => t.close());

  const rows = (page: Page) => page.$('table.audit-log tbody tr');
  const ids = (page: Page) =>
    rows(page)
      .map((_, row) => Number(page.$(row).attr('data-audit-id')))
      .get();

  it('editors get 403; visitors go to the login page', async () => {
    const editor = await loggedIn(t, 'chief');
    assert.equal((await editor.get('/admin/audit')).status, 403);
    assert.equal((await t.get('/admin/audit')).status, 303);
  });

  it('shows who did what and when, newest first, escaped', async () => {
    await admin.get('/admin'); // a fresh page: nothing logged by reading
    t.clock.advance(60_000);
    const before = await latestAuditId(t.storage.repositories);
    const editorId = await createUser(t, 'temp.editor', 'editor');
    assert.equal((await admin.post(`/admin/users/${editorId}/delete`, { _csrf: admin.csrfToken })).status, 303);
    await t.repos.audit.append({
      userId: null,
      username: 'gone.user',
      action: 'article.update',
      entityType: 'article',
      entityId: '7',
      summary: '<img src=x onerror=alert(1)> 标题',
      createdAt: t.clock(),
    });
    const page = await admin.get('/admin/audit');
    assert.equal(page.status, 200);
    const [newest, previous] = rows(page)
      .toArray()
      .map((row) => page.$(row));
    assert.ok(Number(newest!.attr('data-audit-id')) > before);
    assert.match(newest!.find('.audit-user').text(), /^gone\.user\s*（已删除）$/);
    assert.equal(newest!.find('.audit-summary').text(), '<img src=x onerror=alert(1)> 标题');
    assert.equal(page.$('table.audit-log img').length, 0);
    assert.equal(textOf(page.$, `tr[data-audit-id=${newest!.attr('data-audit-id')}] .audit-entity`), 'article #7');
    assert.match(previous!.find('.audit-action').text(), /删除用户\s*user\.delete/);
    assert.equal(previous!.find('.audit-user').text(), 'auditor');
    assert.equal(previous!.find('.audit-entity').text(), `user #${editorId}`);
    assert.match(previous!.find('.audit-summary').text(), /temp\.editor/);
    assert.equal(previous!.find('time').text(), '2026-11-20 12:01');
  });

  it('pages 50 at a time; odd page numbers are 400, pages past the end 404', async () => {
    for (let i = 0; i < 60; i += 1) {
      await t.repos.audit.append({
        userId: null,
        username: 'bulk',
        action: 'test.entry',
        entityType: 'test',
        entityId: String(i),
        summary: `第 ${i} 条`,
        createdAt: t.clock() + i,
      });
    }
    const total = await t.storage.repositories.audit.count();
    const all = (await auditEntries(t.storage.repositories)).map((entry) => entry.id).reverse();
    const first = await admin.get('/admin/audit');
    assert.deepEqual(ids(first), all.slice(0, 50));
    assert.match(textOf(first.$, 'h2'), new RegExp(`${total} 条`));
    assert.equal(first.$('.pagination a[rel=next]').attr('href'), '/admin/audit?page=2');
    const second = await admin.get('/admin/audit?page=2');
    assert.deepEqual(ids(second), all.slice(50, 100));
    const lastPage = Math.ceil(total / 50);
    assert.equal((await admin.get(`/admin/audit?page=${lastPage + 1}`)).status, 404);
    assert.equal((await admin.get('/admin/audit?page=abc')).status, 400);
    assert.equal((await admin.get('/admin/audit?page=1&page=2')).status, 400);
  });
});
