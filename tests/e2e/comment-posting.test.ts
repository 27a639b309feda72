// A commenter in Chromium: reads the captcha image, posts with and without JavaScript, and
// sees the comment appear; a post that fails lands them at the form with the reason and their
// text (post/redirect/get), on a phone and on a desktop.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { projectRoot } from '../../src/paths.js';
import { browserSkipReason, launchChromium } from '../support/browser.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';

const skip = browserSkipReason();
const shots = path.join(projectRoot, 'screenshots');
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

describe('posting a comment in Chromium', { skip }, () => {
  let t: TestApp;
  let browser: Browser;
  let articleId: number;
  before(async () => {
    t = await makeTestApp({ captchaText: () => 'W4RD', commentModeration: 'auto' });
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    articleId = newest!.id;
    browser = await launchChromium();
    fs.mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Opens the article and fills the comment form in its frame (loaded lazily, near the end). */
  async function postFrom(context: BrowserContext, nickname: string, body: string, captcha: string) {
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/article/${articleId}`);
    await page.locator('iframe.comment-frame').scrollIntoViewIfNeeded();
    const form = page.frameLocator('iframe.comment-frame');
    const image = form.locator('img.captcha-image');
    await image.waitFor();
    await page
      .waitForFunction(() => {
        const frame = document.querySelector<HTMLIFrameElement>('iframe.comment-frame');
        const img = frame?.contentDocument?.querySelector<HTMLImageElement>('img.captcha-image');
        return img?.complete === true;
      })
      .catch(() => undefined); // without JavaScript waitForFunction cannot run: the checks below still apply
    const box = await image.boundingBox();
    assert.ok(box && box.width > 100, 'the captcha image loads');
    await form.getByLabel('网名').fill(nickname);
    await form.getByLabel('评论内容').fill(body);
    await form.getByLabel('验证码').fill(captcha);
    await assertFormFitsItsFrame(page);
    await form.getByRole('button', { name: '发表评论' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/comment-form'));
    await page.waitForLoadState('load');
    return page;
  }

  /** The whole form shows inside the frame, with or without JavaScript (no inner scrolling). */
  async function assertFormFitsItsFrame(page: Page) {
    const frameBox = (await page.locator('iframe.comment-frame').boundingBox())!;
    const buttonBox = (await page.frameLocator('iframe.comment-frame').getByRole('button', { name: '发表评论' }).boundingBox())!;
    assert.ok(
      buttonBox.y + buttonBox.height <= frameBox.y + frameBox.height,
      `the submit button is inside the frame (${JSON.stringify({ frameBox, buttonBox })})`,
    );
  }

  it('posts with JavaScript and sees the comment', async () => {
    const context = await browser.newContext({ userAgent: USER_AGENT, viewport: { width: 1280, height: 900 } });
    const page = await postFrom(context, '浏览器读者', '这是在浏览器里发表的评论。\n第二行。', 'w4rd');
    assert.match(page.url(), new RegExp(`/article/${articleId}#comments$`));
    await page.locator('iframe.comment-frame').scrollIntoViewIfNeeded();
    assert.match(
      (await page.frameLocator('iframe.comment-frame').locator('.notice').textContent()) ?? '',
      /^评论已发表，感谢您的参与。您的申诉码：/,
    );
    await assertFormFitsItsFrame(page);
    assert.equal(await page.locator('.comment .comment-nickname').first().textContent(), '浏览器读者');
    assert.equal(await page.locator('.comment .comment-body').first().innerText(), '这是在浏览器里发表的评论。\n第二行。');
    await page.locator('.comment-form-block').screenshot({ path: path.join(shots, 'comment-form.png') });
    await context.close();
  });

  /** Where the sticky menu bar ends: nothing the reader is sent to may sit under it. */
  async function stickyBottom(page: Page): Promise<number> {
    const box = (await page.locator('nav.main-nav').boundingBox())!;
    return box.y + box.height;
  }

  /**
   * The element's box once scrolling (smooth with JavaScript) has come to rest: Playwright's
   * "stable", the same box in two animation frames in a row.
   */
  async function settledBox(locator: Locator) {
    const element = await locator.elementHandle();
    assert.ok(element, 'the element is there');
    try {
      await element.waitForElementState('stable');
      return (await element.boundingBox())!;
    } finally {
      await element.dispose();
    }
  }

  for (const width of [390, 1366]) {
    for (const javaScriptEnabled of [true, false]) {
      const how = `${width} px, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`;
      it(`a wrong captcha lands the reader at the form, error summary focused, text kept (${how})`, async () => {
        t.clock.advance(16_000);
        const viewport = { width, height: width < 500 ? 844 : 900 };
        const context = await browser.newContext({ userAgent: USER_AGENT, viewport, javaScriptEnabled });
        const posts: string[] = [];
        context.on('request', (request) => {
          if (request.method() === 'POST') posts.push(request.url());
        });
        const text = `验证码输错了，文字还在（${how}）。`;
        const page = await postFrom(context, '回访读者', text, 'nope');
        assert.equal(
          page.url(),
          `${t.baseUrl}/article/${articleId}/comments/new`,
          'the address is a page of the reader’s, not the POST URL',
        );
        const summary = page.locator('#comment-form-errors');
        assert.equal(await summary.getAttribute('role'), 'alert');
        assert.match((await summary.textContent()) ?? '', /验证码不正确/);
        assert.equal(await page.locator('#comment-form-errors:focus').count(), 1, 'the summary has the focus');
        const box = await settledBox(summary);
        assert.ok(box.y >= (await stickyBottom(page)) - 1, `the summary is below the menu bar (y ${box.y})`);
        assert.ok(box.y + box.height <= viewport.height, `the summary is on screen (y ${box.y}, window ${viewport.height})`);
        assert.equal(await page.getByLabel('评论内容').inputValue(), text);
        assert.equal(await page.getByLabel('网名').inputValue(), '回访读者');
        await page.screenshot({ path: path.join(shots, `comment-error-${width}${javaScriptEnabled ? '' : '-nojs'}.png`) });

        await page.reload();
        await page.waitForLoadState('load');
        assert.deepEqual(posts, [`${t.baseUrl}/article/${articleId}/comments`], 'a reload resends nothing');
        assert.equal(await page.getByLabel('评论内容').inputValue(), text, 'the text survives a reload');
        assert.equal(await summary.count(), 0, 'the reason is shown once');

        await page.getByLabel('验证码').fill('W4RD');
        await page.getByRole('button', { name: '发表评论' }).click();
        await page.waitForURL(`**/article/${articleId}#comments`);
        await page.waitForLoadState('load');
        assert.equal(await page.locator('.comment .comment-nickname').first().textContent(), '回访读者');
        const heading = await settledBox(page.locator('#latest-comments-title'));
        assert.ok(heading.y >= (await stickyBottom(page)) - 1, `the comments heading is not under the menu bar (y ${heading.y})`);
        assert.ok(heading.y < viewport.height / 2, `the page jumped to the comments (y ${heading.y})`);
        await page.locator('iframe.comment-frame').scrollIntoViewIfNeeded();
        const frame = page.frameLocator('iframe.comment-frame');
        assert.equal(await frame.getByLabel('网名').inputValue(), '回访读者', 'the nickname is offered again');
        assert.equal(await frame.getByLabel('评论内容').inputValue(), '');
        await context.close();
      });
    }
  }

  it('看不清？换一张 swaps the image with JavaScript and keeps the text', async () => {
    const context = await browser.newContext({ userAgent: USER_AGENT });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/article/${articleId}`);
    await page.locator('iframe.comment-frame').scrollIntoViewIfNeeded();
    const form = page.frameLocator('iframe.comment-frame');
    await form.getByLabel('评论内容').fill('换一张验证码');
    const image = form.locator('img.captcha-image');
    const before = await image.getAttribute('src');
    await form.getByRole('link', { name: '看不清？换一张' }).click();
    await assert.doesNotReject(image.and(page.frameLocator('iframe.comment-frame').locator(`img:not([src="${before}"])`)).waitFor());
    assert.equal(await form.getByLabel('评论内容').inputValue(), '换一张验证码');
    assert.match(page.url(), new RegExp(`/article/${articleId}$`), 'the page itself stays');
    await context.close();
  });

  it('on a phone the framed form fits too, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ userAgent: USER_AGENT, viewport: { width: 390, height: 844 }, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${t.baseUrl}/article/${articleId}`);
      await page.locator('iframe.comment-frame').scrollIntoViewIfNeeded();
      await page.frameLocator('iframe.comment-frame').getByRole('button', { name: '发表评论' }).waitFor();
      await assertFormFitsItsFrame(page);
      if (javaScriptEnabled) await page.locator('.comment-form-block').screenshot({ path: path.join(shots, 'comment-form-phone.png') });
      await context.close();
    }
  });
});
