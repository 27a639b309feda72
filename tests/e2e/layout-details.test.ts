// Layout details in Chromium: thumbnails of one size, no large empty areas beside the sidebar,
// admin pages no wider than a phone, and the comment queue's 全选 box.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createUser, logInInBrowser } from '../support/admin.js';
import { assertNoHorizontalOverflow, browserSkipReason, launchChromium, watchErrors } from '../support/browser.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';

const skip = browserSkipReason();
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
/** the most the main column and the sidebar may end apart on a wide screen */
const MAX_UNEVEN = 400;

describe('layout details in Chromium', { skip }, () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp();
    await createUser(t, 'layout-admin', 'admin');
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function columnBottoms(page: Page) {
    const main = (await page.locator('main#main').boundingBox())!;
    const side = (await page.locator('aside.sidebar').boundingBox())!;
    return { main: main.y + main.height, side: side.y + side.height };
  }

  it('category lists show every thumbnail at one size, on a desktop and on a phone', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await browser.newPage({ viewport });
      for (const slug of ['law', 'photos', 'cases']) {
        await page.goto(`${t.baseUrl}/category/${slug}`);
        const images = page.locator('.article-item-cover img');
        assert.ok((await images.count()) >= 2, `/category/${slug} has thumbnails`);
        const sizes = new Set<string>();
        for (let i = 0; i < (await images.count()); i += 1) {
          const box = (await images.nth(i).boundingBox())!;
          sizes.add(`${Math.round(box.width)}x${Math.round(box.height)}`);
        }
        assert.ok(sizes.size <= 1, `/category/${slug} at ${viewport.width}px: thumbnails ${[...sizes].join(', ')}`);
      }
      await page.close();
    }
  });

  it('the home page, the 404 page and 查看所有评论 have no large empty area beside the sidebar', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const [article] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    for (const path of ['/', '/no-such-page', `/article/${article!.id}/comments`]) {
      await page.goto(t.baseUrl + path);
      const { main, side } = await columnBottoms(page);
      assert.ok(
        Math.abs(main - side) <= MAX_UNEVEN,
        `${path}: the main column ends at ${Math.round(main)}, the sidebar at ${Math.round(side)}`,
      );
    }
    await page.goto(`${t.baseUrl}/no-such-page`);
    const home = page.getByRole('link', { name: '返回首页' });
    assert.ok(await home.isVisible(), '返回首页 is visible');
    const box = (await home.boundingBox())!;
    assert.ok(box.y + box.height <= DESKTOP.height, '返回首页 is on the first screen');
    await page.close();
  });

  it('no admin page is wider than a phone', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await logInInBrowser(page, t, 'layout-admin');
    for (const path of [
      '/admin',
      '/admin/articles',
      '/admin/articles/new',
      '/admin/comments',
      '/admin/comments/settings',
      '/admin/categories',
      '/admin/polls',
      '/admin/staff',
      '/admin/submissions',
      '/admin/pages',
      '/admin/settings',
      '/admin/users',
      '/admin/audit',
    ]) {
      await page.goto(t.baseUrl + path);
      await assertNoHorizontalOverflow(page, path);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the comment queue’s 全选 box ticks every comment on the page', async () => {
    const [article] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    for (let i = 0; i < 3; i += 1) {
      await t.repos.comments.create(
        { articleId: article!.id, nickname: `读者${i}`, body: `待审评论${i}`, status: 'pending', ipHash: '' },
        t.clock(),
      );
    }
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await logInInBrowser(page, t, 'layout-admin');
    await page.goto(`${t.baseUrl}/admin/comments`);
    const all = page.getByRole('checkbox', { name: '全选本页评论' });
    assert.ok(await all.isVisible(), 'shown by the script');
    const boxes = page.locator('input[type=checkbox][name=ids]');
    await all.check();
    for (let i = 0; i < (await boxes.count()); i += 1) assert.ok(await boxes.nth(i).isChecked());
    await boxes.first().uncheck();
    assert.equal(await all.evaluate((box: HTMLInputElement) => box.indeterminate), true);
    await all.uncheck();
    await all.check();
    await all.uncheck();
    for (let i = 0; i < (await boxes.count()); i += 1) assert.equal(await boxes.nth(i).isChecked(), false);
    await context.close();
  });
});
