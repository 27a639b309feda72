// A reader searches in Chromium: types a query in the header's search box, submits, and sees
// the results with the hits highlighted; screenshots at desktop and phone widths.
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

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

describe('site search in Chromium', { skip }, () => {
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
    it(`searches from the header box at ${viewport.name} width`, async () => {
      const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale: 'zh-CN' });
      const page = await context.newPage();
      const errors = watchErrors(page);

      await page.goto(`${t.baseUrl}/category/cases`);
      const box = page.getByRole('search', { name: '站内搜索' }).getByLabel('搜索本站文章');
      assert.ok(await box.isVisible(), 'the header search box is visible');
      await box.fill('法院判决');
      await box.press('Enter');
      await page.waitForURL(/\/search\?q=/);
      assert.equal(new URL(page.url()).searchParams.get('q'), '法院判决');
      assert.match(await page.locator('main h1').innerText(), /^站内搜索\s*“法院判决”$/);
      assert.match(await page.locator('.search-count').innerText(), /找到 \d+ 篇与“法院判决”相关的文章/);

      const results = page.locator('.search-result');
      assert.ok((await results.count()) >= 2);
      const marks = page.locator('.search-results mark');
      assert.ok((await marks.count()) >= 2);
      for (const text of await marks.allInnerTexts()) assert.equal(text, '法院判决');
      // the highlight is visibly different from the text around it
      const [markBg, textBg] = await Promise.all([
        marks.first().evaluate((el) => getComputedStyle(el).backgroundColor),
        results.first().evaluate((el) => getComputedStyle(el).backgroundColor),
      ]);
      assert.notEqual(markBg, textBg);
      assert.equal(await page.locator('#site-search-q').inputValue(), '法院判决', 'the header box keeps the query');

      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      assert.ok(scrollWidth <= innerWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`);
      await page.screenshot({ path: path.join(shots, `search-${viewport.name}.png`) });

      // a result leads to its article
      const firstTitle = await page.locator('.search-result-title a').first().innerText();
      await page.locator('.search-result-title a').first().click();
      await page.waitForURL(/\/article\/\d+$/);
      assert.equal(await page.locator('article h1').innerText(), firstTitle);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('submits with the button too, and shows the hint for an empty query', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${t.baseUrl}/`);
    await page.getByRole('search', { name: '站内搜索' }).getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/\/search\?q=$/);
    assert.match(await page.locator('.search-hint').innerText(), /请输入要查找的词语/);
    await page.close();
  });
});
