// The article editor in Chromium at desktop, tablet and phone widths: every field of the form
// can be seen and clicked (nothing drawn over it, the WYSIWYG editor least of all), on a new
// article and on one with a cover, before and after a long body is typed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createUser, logInInBrowser } from '../support/admin.js';
import { assertNoHorizontalOverflow, browserSkipReason, launchChromium, watchErrors } from '../support/browser.js';
import { assertFieldsClickable } from '../support/layout.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';

const skip = browserSkipReason();
const WIDTHS = [1366, 1024, 390];

async function typeLongBody(page: Page): Promise<void> {
  await page.locator('#article-body-editor .ql-editor').click();
  await page.keyboard.press('Control+End');
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.insertText(`第 ${i + 1} 段：记者在现场看到，社区的新步道已经投入使用，附近居民每天傍晚都来散步。`);
    await page.keyboard.press('Enter');
  }
}

describe('article editor layout in Chromium', { skip }, () => {
  let t: TestApp;
  let browser: Browser;
  let coveredArticleId: number;
  before(async () => {
    t = await makeTestApp();
    await createUser(t, 'layout-editor', 'chief');
    const withCover = (await t.portal.repositories.articles.listForAdmin({}, 50, 0)).find((a) => a.coverImage !== null);
    assert.ok(withCover, 'the demo content has an article with a cover');
    coveredArticleId = withCover.id;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const width of WIDTHS) {
    it(`every field of the article form can be clicked at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await logInInBrowser(page, t, 'layout-editor');
      for (const path of ['/admin/articles/new', `/admin/articles/${coveredArticleId}/edit`]) {
        await page.goto(t.baseUrl + path);
        await page.locator('#article-body-editor .ql-editor').waitFor();
        const before = await assertFieldsClickable(page, '#article-form', `${path} at ${width}px`);
        assert.ok(before >= 12, `${path}: checked ${before} fields`);
        for (const label of ['封面图片', '热门·图文']) {
          assert.ok(await page.getByText(label, { exact: true }).first().isVisible(), `${path}: ${label} is visible`);
        }
        await typeLongBody(page);
        await assertFieldsClickable(page, '#article-form', `${path} at ${width}px with a long body`);
        await assertNoHorizontalOverflow(page, `${path} at ${width}px`);
      }
      // A click on the 热门·图文 box ticks it (and types nothing into the editor).
      const bodyBefore = await page.locator('#article-body-editor .ql-editor').innerText();
      const featured = page.getByRole('checkbox', { name: /热门·图文/ });
      const wasChecked = await featured.isChecked();
      await featured.click();
      assert.equal(await featured.isChecked(), !wasChecked);
      assert.equal(await page.locator('#article-body-editor .ql-editor').innerText(), bodyBefore);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
