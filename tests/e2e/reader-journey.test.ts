// A reader in Chromium: home -> category -> article, the view count rises; 加入收藏 with and
// without JavaScript; screenshots at phone and desktop widths (saved under screenshots/).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { projectRoot } from '../../src/paths.js';
import { assertNoHorizontalOverflow, browserSkipReason, launchChromium, watchErrors } from '../support/browser.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';

const skip = browserSkipReason();
if (skip) console.log(`# skipping browser tests: ${skip}`);
const shots = path.join(projectRoot, 'screenshots');

// Headless Chromium says "HeadlessChrome" and is rightly not counted as a reader, so the
// test browses with the user agents of real readers' browsers.
const VIEWPORTS = [
  {
    name: 'desktop',
    width: 1280,
    height: 900,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  },
  {
    name: 'phone',
    width: 390,
    height: 844,
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
  },
];

describe('reader journey in Chromium', { skip }, () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp();
    browser = await launchChromium();
    fs.mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const viewport of VIEWPORTS) {
    it(`home -> category -> article at ${viewport.name} width, and the view count rises`, async () => {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        userAgent: viewport.userAgent,
        locale: 'zh-CN',
      });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${t.baseUrl}/`);
      assert.equal(await page.title(), '社会法治观察网');
      await assertNoHorizontalOverflow(page, 'home');
      await page.screenshot({ path: path.join(shots, `home-${viewport.name}.png`), fullPage: true });

      await page.locator('.main-nav a', { hasText: '案例解读' }).click();
      await page.waitForURL('**/category/cases');
      assert.equal(await page.locator('main h1').textContent(), '案例解读');
      await assertNoHorizontalOverflow(page, 'category');
      await page.screenshot({ path: path.join(shots, `category-${viewport.name}.png`), fullPage: true });

      const firstLink = page.locator('.article-list .article-item-title a').first();
      const href = (await firstLink.getAttribute('href'))!;
      // What a crawler sees is not counted, so it gives the count before this reader's visit.
      const crawlerView = await t.get(href, { headers: { 'user-agent': 'Googlebot/2.1' } });
      const before = Number(crawlerView.$('.view-count').text());
      await firstLink.click();
      await page.waitForURL(`**${href}`);
      // The page came from the page cache (the crawler's request rendered it): it shows the
      // count as of that render. A fresh render shows this reader's visit, counted once.
      assert.equal(Number(await page.locator('.view-count').textContent()), before, 'a cached page shows the count of its render');
      t.portal.pageCache?.clear();
      await page.reload();
      assert.equal(Number(await page.locator('.view-count').textContent()), before + 1, 'the reader’s visit is counted');
      t.portal.pageCache?.clear();
      await page.reload();
      assert.equal(Number(await page.locator('.view-count').textContent()), before + 1, 'a reload is not counted again');
      await page.locator('iframe.comment-frame').scrollIntoViewIfNeeded();
      await assert.doesNotReject(
        page.frameLocator('iframe.comment-frame').locator('form.comment-form input[name=nickname]').waitFor({ state: 'visible' }),
      );
      await assertNoHorizontalOverflow(page, 'article');
      // back to the top: a full-page shot taken scrolled down draws the sticky menu bar there
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(shots, `article-${viewport.name}.png`), fullPage: true });
      // The captcha image belongs to the comments feature; everything else must load cleanly.
      assert.deepEqual(
        errors.filter((e) => !/captcha|404 \(Not Found\)/.test(e)),
        [],
      );
      await context.close();
    });
  }

  it('加入收藏 shows the shortcut with JavaScript and falls back to a help page without', async () => {
    const withJs = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await withJs.goto(`${t.baseUrl}/`);
    await withJs.getByRole('link', { name: '加入收藏' }).click();
    const dialog = withJs.locator('dialog.help-dialog');
    assert.ok(await dialog.isVisible());
    assert.match((await dialog.textContent()) ?? '', /Ctrl.*D/);
    await withJs.screenshot({ path: path.join(shots, 'bookmark-dialog.png') });
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'detached' });
    await withJs.getByRole('link', { name: '设为首页' }).click();
    assert.match((await withJs.locator('dialog.help-dialog').textContent()) ?? '', /设置/);
    await withJs.close();

    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${t.baseUrl}/`);
    await noJs.getByRole('link', { name: '加入收藏' }).click();
    await noJs.waitForURL('**/page/bookmark');
    assert.equal(await noJs.locator('main h1').textContent(), '加入收藏');
    await context.close();
  });
});
