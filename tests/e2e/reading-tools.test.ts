// The article page's reading tools in Chromium: 字号 大/中/小 without JavaScript (the :target
// anchors) and with it (remembered for the next article), the print stylesheet (the article
// alone, with its address), and the 分享 block's QR code. Screenshots of the article's end and
// of a 专题 page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { projectRoot } from '../../src/paths.js';
import { browserSkipReason, launchChromium, watchErrors } from '../support/browser.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';

const skip = browserSkipReason();
if (skip) console.log(`# skipping browser tests: ${skip}`);
const shots = path.join(projectRoot, 'screenshots');

describe('reading tools in Chromium', { skip }, () => {
  let t: TestApp;
  let browser: Browser;
  let first: number;
  let second: number;
  before(async () => {
    t = await makeTestApp();
    const articles = await t.portal.repositories.articles.listVisible({ limit: 100 }, t.clock());
    for (const article of articles) await t.portal.related.refresh(article.id);
    first = articles.find((a) => a.title.startsWith('老旧小区改造工地安全追踪'))!.id;
    second = articles.find((a) => a.title.startsWith('清晨巡河'))!.id;
    browser = await launchChromium();
    fs.mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const bodySize = (page: import('playwright-core').Page) =>
    page.locator('.article-body').evaluate((body) => getComputedStyle(body).fontSize);

  it('字号 works without JavaScript: each link is an anchor the stylesheet answers to', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/article/${first}`);
    assert.equal(await bodySize(page), '18px');
    await page.getByRole('link', { name: '大', exact: true }).click();
    assert.equal(await bodySize(page), '21px');
    await page.getByRole('link', { name: '小', exact: true }).click();
    assert.equal(await bodySize(page), '15px');
    await page.goto(`${t.baseUrl}/article/${first}#size-bogus`);
    assert.equal(await bodySize(page), '18px', 'anything else: the default');
    assert.equal(await page.locator('.print-button').isVisible(), false, '打印 needs a script: hidden without one');
    await context.close();
  });

  it('with JavaScript the size is remembered for the next article; 打印 and 复制链接 appear', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${t.baseUrl}/article/${first}`);
    await page.getByRole('link', { name: '大', exact: true }).click();
    assert.equal(await bodySize(page), '21px');
    await page.goto(`${t.baseUrl}/article/${second}`);
    assert.equal(await bodySize(page), '21px', 'remembered');
    await page.getByRole('link', { name: '中', exact: true }).click();
    assert.equal(await bodySize(page), '18px');
    assert.equal(await page.locator('.print-button').isVisible(), true);
    assert.equal(await page.locator('.copy-link').isVisible(), true);
    const qr = page.locator('.share-qr svg');
    assert.ok(((await qr.boundingBox())?.width ?? 0) >= 100, 'the QR code is drawn');
    await page.goto(`${t.baseUrl}/article/${first}`);
    await page.locator('article.article .share-box').scrollIntoViewIfNeeded();
    await page.locator('article.article').screenshot({ path: path.join(shots, 'article-reading-paths.png') });
    await page.goto(`${t.baseUrl}/topic/old-community-renovation-safety`);
    await page.screenshot({ path: path.join(shots, 'topic-page.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('printing prints the article alone: title, meta, body, 责任编辑 and its address', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${t.baseUrl}/article/${first}`);
    for (const hidden of [
      '.sidebar',
      '.main-nav',
      '.masthead',
      '.comments',
      '.share-box',
      '.related-reading',
      '.topic-box',
      '.site-footer',
    ]) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, hidden);
    }
    for (const shown of ['#article-title', '.article-meta', '.article-body', '.responsible-editor', '.print-url']) {
      assert.equal(await page.locator(shown).first().isVisible(), true, shown);
    }
    assert.match((await page.locator('.print-url').textContent()) ?? '', new RegExp(`/article/${first}$`));
    await page.screenshot({ path: path.join(shots, 'article-print.png'), fullPage: true });
    await context.close();
  });
});
