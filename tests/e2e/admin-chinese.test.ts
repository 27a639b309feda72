// The editors' area in Chinese, in Chromium: the WYSIWYG editor's menu, buttons and link box,
// and 单页 written with the same editor as articles.
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
const pseudo = (page: Page, selector: string, which: '::before' | '::after') =>
  page
    .locator(selector)
    .first()
    .evaluate((el, w) => getComputedStyle(el, w).content, which);

describe('the editors’ area in Chinese, in Chromium', { skip }, () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp();
    await createUser(t, 'zh-editor', 'chief');
    browser = await launchChromium();
    fs.mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the editor’s heading menu, toolbar buttons and link box speak Chinese', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = watchErrors(page);
    await logInInBrowser(page, t, 'zh-editor');
    await page.goto(`${t.baseUrl}/admin/articles/new`);
    await page.locator('#article-body-editor .ql-editor').waitFor();
    assert.equal(await pseudo(page, '.ql-header .ql-picker-label', '::before'), '"正文"');
    await page.locator('.ql-header .ql-picker-label').click();
    const items = page.locator('.ql-header .ql-picker-item');
    const labels: string[] = [];
    for (let i = 0; i < (await items.count()); i += 1)
      labels.push(await items.nth(i).evaluate((el) => getComputedStyle(el, '::before').content));
    assert.deepEqual(labels, ['"小标题"', '"三级标题"', '"正文"']);
    await page.keyboard.press('Escape');

    const buttons = page.locator('.ql-toolbar button');
    const titles: string[] = [];
    for (let i = 0; i < (await buttons.count()); i += 1) titles.push((await buttons.nth(i).getAttribute('title')) ?? '');
    assert.deepEqual(titles, ['加粗', '斜体', '下划线', '编号列表', '项目符号列表', '引用', '插入链接', '插入图片', '清除格式']);
    assert.equal(await page.locator('.ql-header .ql-picker-label').getAttribute('title'), '段落格式');

    await page.locator('#article-body-editor .ql-editor').click();
    await page.keyboard.insertText('本网记者报道');
    await page.keyboard.press('Shift+Home');
    await page.locator('.ql-toolbar .ql-link').click();
    const tooltip = page.locator('.ql-tooltip.ql-editing');
    await tooltip.waitFor();
    assert.equal(await pseudo(page, '.ql-tooltip.ql-editing', '::before'), '"输入链接："');
    assert.equal(await pseudo(page, '.ql-tooltip.ql-editing a.ql-action', '::after'), '"确定"');
    assert.match((await tooltip.locator('input[type=text]').getAttribute('placeholder')) ?? '', /^输入或粘贴网址/);
    assert.match((await page.locator('label[for=article-publishAt]').textContent()) ?? '', /发布时间（北京时间）/);
    assert.match((await page.locator('#article-publishAt-hint').textContent()) ?? '', /例如 2026 年 12 月 3 日 08:30/);
    await page.screenshot({ path: path.join(shots, 'admin-editor-chinese.png') });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('单页 are written with the same WYSIWYG editor, and saved sanitized', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = watchErrors(page);
    await logInInBrowser(page, t, 'zh-editor');
    await page.goto(`${t.baseUrl}/admin/pages/about/edit`);
    const editor = page.locator('#page-bodyHtml-editor .ql-editor');
    await editor.waitFor();
    assert.equal(await page.locator('textarea#page-bodyHtml').isHidden(), true, 'the HTML box gives way to the editor');
    assert.match(await editor.innerText(), /关于本站|社会法治观察网/);
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('在可视化编辑器里加的一段话。');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(`${t.baseUrl}/admin/pages/about/edit`);
    const stored = (await t.portal.repositories.pages.findBySlug('about'))!;
    assert.match(stored.bodyHtml, /<p>在可视化编辑器里加的一段话。<\/p>/);
    assert.match(stored.bodyHtml, /<h2>/, 'the headings survive the editor');
    await page.goto(`${t.baseUrl}/page/about`);
    assert.match(await page.locator('.article-body').innerText(), /在可视化编辑器里加的一段话。/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
