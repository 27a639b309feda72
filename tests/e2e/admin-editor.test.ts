// An editor in Chromium: logs in, writes an article with a picture in the WYSIWYG editor,
// publishes it, and finds it on the home page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { projectRoot } from '../../src/paths.js';
import { createUser, TEST_PASSWORD } from '../support/admin.js';
import { browserSkipReason, launchChromium, watchErrors } from '../support/browser.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';

const skip = browserSkipReason();
const shots = path.join(projectRoot, 'screenshots');

describe('editor publishes with the WYSIWYG editor in Chromium', { skip }, () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp();
    await createUser(t, 'bianji', 'chief');
    browser = await launchChromium();
    fs.mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('logs in, writes with a picture, publishes, and finds it on the home page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = watchErrors(page);

    await page.goto(`${t.baseUrl}/admin/articles/new`);
    await page.waitForURL('**/admin/login?next=*');
    await page.getByLabel('用户名').fill('bianji');
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/admin/articles/new');

    await page.getByLabel('标题', { exact: true }).fill('编辑在浏览器里发布的图文报道');
    await page.getByLabel('栏目', { exact: true }).selectOption({ label: '社会民生' });
    await page.getByLabel('来源', { exact: true }).fill('本网');
    await page.getByLabel('摘要').fill('一篇带图片的测试报道。');
    const editor = page.locator('#article-body-editor .ql-editor');
    await editor.click();
    await page.locator('.ql-toolbar .ql-header').first().click();
    await page.locator('.ql-toolbar .ql-picker-item[data-value="2"]').click();
    await page.keyboard.type('现场直击');
    await page.keyboard.press('Enter');
    await page.keyboard.type('记者今天在社区看到，新修的步道已经投入使用。');
    await page.keyboard.press('Enter');

    const picture = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#2f6f4f' } })
      .jpeg()
      .toBuffer();
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.ql-toolbar .ql-image').click();
    await (await chooser).setFiles({ name: 'scene.jpg', mimeType: 'image/jpeg', buffer: picture });
    await editor.locator('img[src^="/uploads/"]').waitFor();

    await page.getByLabel('状态').selectOption('published');
    await page.screenshot({ path: path.join(shots, 'admin-editor.png'), fullPage: true });
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/admin\/articles\/\d+\/edit$/);
    assert.match((await page.locator('.notice').textContent()) ?? '', /已保存/);
    const id = Number(/\/admin\/articles\/(\d+)\/edit/.exec(page.url())![1]);

    const stored = (await t.portal.repositories.articles.findById(id))!;
    assert.equal(stored.status, 'published');
    assert.match(stored.bodyHtml, /<h2>现场直击<\/h2>/);
    assert.match(stored.bodyHtml, /<img src="\/uploads\/[^"]+\.webp"/);

    await page.goto(`${t.baseUrl}/`);
    const link = page.locator(`a[href="/article/${id}"]`).first();
    assert.equal(await link.count(), 1);
    await link.click();
    await page.waitForURL(`**/article/${id}`);
    assert.equal(await page.locator('article h1').textContent(), '编辑在浏览器里发布的图文报道');
    const image = page.locator('.article-body img');
    assert.ok(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the picture shows');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('the dashboard renders its chart', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/admin/login`);
    await page.getByLabel('用户名').fill('bianji');
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${t.baseUrl}/admin`);
    assert.equal(await page.locator('svg.bar-chart rect.bar').count(), 30);
    await page.screenshot({ path: path.join(shots, 'admin-dashboard.png'), fullPage: true });
    await context.close();
  });
});
