// Reader pages on a phone (390 px) in Chromium: a short header, every section of the menu in
// sight (the current one too) without scrolling it sideways, footer links that wrap cleanly;
// and the desktop header as before at 1366 px.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertNoHorizontalOverflow, browserSkipReason, launchChromium } from '../support/browser.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';

const skip = browserSkipReason();
const PHONE = { width: 390, height: 844 };
const HEADER_MAX = 122;

describe('phone layout in Chromium', { skip }, () => {
  let t: TestApp;
  let browser: Browser;
  let paths: string[];
  before(async () => {
    t = await makeTestApp();
    const categories = await t.portal.repositories.categories.listAll();
    const [article] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    paths = ['/', ...categories.map((c) => `/category/${c.slug}`), `/article/${article!.id}`, '/search?q=法院', '/rank'];
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Where the header (masthead and menu) ends, and where the page's own content begins. */
  async function headerAndContent(page: Page) {
    const nav = (await page.locator('nav.main-nav').boundingBox())!;
    const first = (await page.locator('main#main > :not(.visually-hidden)').first().boundingBox())!;
    return { headerBottom: nav.y + nav.height, contentTop: first.y };
  }

  it('the header takes at most about 120 px, and the current section shows in the menu without scrolling it', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(t.baseUrl + path);
      const { headerBottom, contentTop } = await headerAndContent(page);
      assert.ok(headerBottom <= HEADER_MAX, `${path}: the header ends at ${headerBottom} px`);
      assert.ok(contentTop <= HEADER_MAX + 20, `${path}: the content begins at ${contentTop} px`);
      const links = page.locator('nav.main-nav a');
      for (let i = 0; i < (await links.count()); i += 1) {
        const box = (await links.nth(i).boundingBox())!;
        assert.ok(
          box.x >= 0 && box.x + box.width <= PHONE.width && box.y + box.height <= headerBottom,
          `${path}: menu item ${i} is in sight`,
        );
      }
      if (path.startsWith('/category/')) {
        const current = page.locator('nav.main-nav a[aria-current=page]');
        assert.equal(await current.count(), 1, `${path}: the current section is marked`);
        assert.equal(await current.getAttribute('href'), path);
      }
      const search = (await page.locator('.masthead .site-search input').boundingBox())!;
      assert.ok(
        search.width >= 90 && search.y + search.height <= headerBottom,
        `${path}: the search box is in the header (${search.width} px wide)`,
      );
      await assertNoHorizontalOverflow(page, path);
    }
    await context.close();
  });

  it('footer links wrap into even rows without stray separators; 设为首页 and 加入收藏 are there', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/`);
    const items = page.locator('.footer-links li, .footer-tools li');
    const labels: string[] = [];
    for (let i = 0; i < (await items.count()); i += 1) {
      const item = items.nth(i);
      if (!(await item.isVisible())) continue;
      labels.push((await item.innerText()).trim());
      const separator = await item.evaluate((li) => getComputedStyle(li, '::before').content);
      assert.ok(separator === 'none' || separator === 'normal', `no separator before ${labels.at(-1)} (${separator})`);
      const box = (await item.boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `${labels.at(-1)} is inside the screen`);
    }
    assert.deepEqual(labels, ['关于本站', '投稿信箱', '广告服务', '加盟合作', '人员查询', '联系我们', '设为首页', '加入收藏']);
    await context.close();
  });

  it('on a desktop the top bar, tagline and search box show, and the footer links sit on one line with separators', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/`);
    for (const selector of ['.topbar .welcome', '.tagline', '.masthead .site-search input']) {
      assert.ok(await page.locator(selector).isVisible(), `${selector} shows`);
    }
    const visible = page.locator('.footer-links li:visible');
    assert.equal(await visible.count(), 6);
    const rows = new Set<number>();
    for (let i = 0; i < 6; i += 1) rows.add(Math.round((await visible.nth(i).boundingBox())!.y));
    assert.equal(rows.size, 1, 'one line');
    assert.equal(await visible.nth(1).evaluate((li) => getComputedStyle(li, '::before').content), '"|"');
    await context.close();
  });
});
