// 三审 in Chromium (issue 17): a reporter writes and submits, an editor approves 初审, a chief signs
// off (终审), and the article appears on the site with its 责任编辑. Each in their own browser.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../../src/paths.js';
import { createUser, logInInBrowser } from '../support/admin.js';
import { browserSkipReason, launchChromium, watchErrors } from '../support/browser.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';

const skip = browserSkipReason();
const shots = path.join(projectRoot, 'screenshots');

describe('a reporter, an editor and a chief publish an article in Chromium', { skip }, () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp({ reviewLevels: 'demo' }); // 法治要闻: 初审, then 终审
    await createUser(t, 'jizhe', 'reporter');
    await createUser(t, 'bianji', 'editor');
    const chiefId = await createUser(t, 'zhubian', 'chief');
    await t.write(async (tx) => {
      const chief = (await tx.users.findById(chiefId))!;
      await tx.users.update(chiefId, { displayName: '王主编', role: chief.role });
    });
    browser = await launchChromium();
    fs.mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function as(username: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logInInBrowser(page, t, username);
    return { page, errors, close: () => context.close() };
  }

  it('writes, submits, approves, signs off, and shows 责任编辑 on the site', async () => {
    const reporter = await as('jizhe');
    await reporter.page.goto(`${t.baseUrl}/admin/articles/new`);
    await reporter.page.getByLabel('标题', { exact: true }).fill('社区调解室化解邻里纠纷');
    await reporter.page.getByLabel('栏目', { exact: true }).selectOption({ label: '法治要闻' });
    await reporter.page.getByLabel('来源', { exact: true }).fill('本网');
    await reporter.page.getByLabel('摘要').fill('一间小小的调解室，一年化解纠纷上百起。');
    await reporter.page.locator('#article-body-editor .ql-editor').click();
    await reporter.page.keyboard.type('记者走访发现，社区调解室已成为居民解决纠纷的第一站。');
    assert.deepEqual(await reporter.page.locator('#article-status option').allTextContents(), ['草稿'], 'a reporter cannot publish');
    await reporter.page.getByRole('button', { name: '保存' }).click();
    await reporter.page.waitForURL(/\/admin\/articles\/\d+\/edit$/);
    const id = Number(/\/admin\/articles\/(\d+)\/edit/.exec(reporter.page.url())![1]);
    await reporter.page.getByRole('button', { name: '提交审核' }).click();
    await reporter.page.waitForURL(`**/admin/articles/${id}/edit`);
    assert.equal(await reporter.page.locator('.workflow-state-name').textContent(), '待初审');
    assert.deepEqual(reporter.errors, []);
    await reporter.close();

    const editor = await as('bianji');
    await editor.page.goto(`${t.baseUrl}/admin/articles/review`);
    await editor.page.locator(`#queued-${id} a`).click();
    await editor.page.getByLabel('审核意见（可不填）').fill('事实清楚，同意送终审。');
    await editor.page.getByRole('button', { name: '初审通过' }).click();
    await editor.page.waitForURL(`**/admin/articles/${id}/edit`);
    assert.equal(await editor.page.locator('.workflow-state-name').textContent(), '待终审');
    assert.equal(await editor.page.getByRole('button', { name: '签发' }).count(), 0, 'an editor does not sign off');
    assert.deepEqual(editor.errors, []);
    await editor.close();

    const chief = await as('zhubian');
    await chief.page.goto(`${t.baseUrl}/admin`);
    assert.equal(await chief.page.locator('[data-stat=review-3]').textContent(), '1');
    await chief.page.goto(`${t.baseUrl}/admin/articles/${id}/edit`);
    await chief.page.locator('#workflow').screenshot({ path: path.join(shots, 'admin-workflow.png') });
    await chief.page.getByRole('button', { name: '签发' }).click();
    await chief.page.waitForURL(`**/admin/articles/${id}/edit`);
    assert.match((await chief.page.locator('.notice').first().textContent()) ?? '', /已签发/);
    assert.deepEqual(chief.errors, []);

    await chief.page.goto(`${t.baseUrl}/article/${id}`);
    assert.equal(await chief.page.locator('article h1').textContent(), '社区调解室化解邻里纠纷');
    assert.equal((await chief.page.locator('.responsible-editor').textContent())?.trim(), '（责任编辑：王主编）');
    await chief.page.locator('article').screenshot({ path: path.join(shots, 'article-responsible-editor.png') });
    await chief.close();
  });
});
