// A commenter in Chromium: reads the captcha image, posts with and without JavaScript, and
// sees the comment appear; errors keep what was typed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
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
    t = await makeTestApp({ captchaText: () => 'W4RD' });
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    articleId = newest!.id;
    browser = await launchChromium();
    fs.mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function postFrom(context: BrowserContext, nickname: string, body: string, captcha: string) {
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/article/${articleId}`);
    const image = page.locator('img.captcha-image');
    await image.scrollIntoViewIfNeeded();
    assert.ok(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 150), 'the captcha image loads');
    await page.getByLabel('网名').fill(nickname);
    await page.getByLabel('评论内容').fill(body);
    await page.getByLabel('验证码').fill(captcha);
    await page.getByRole('button', { name: '发表评论' }).click();
    await page.waitForLoadState('load');
    return page;
  }

  it('posts with JavaScript and sees the comment', async () => {
    const context = await browser.newContext({ userAgent: USER_AGENT, viewport: { width: 1280, height: 900 } });
    const page = await postFrom(context, '浏览器读者', '这是在浏览器里发表的评论。\n第二行。', 'w4rd');
    assert.match(page.url(), new RegExp(`/article/${articleId}#comments$`));
    assert.equal(await page.locator('#comments .notice').textContent(), '评论已发表，感谢您的参与。');
    assert.equal(await page.locator('.comment .comment-nickname').first().textContent(), '浏览器读者');
    assert.equal(await page.locator('.comment .comment-body').first().innerText(), '这是在浏览器里发表的评论。\n第二行。');
    await page.locator('.comment-form-block').screenshot({ path: path.join(shots, 'comment-form.png') });
    await context.close();
  });

  it('without JavaScript: a wrong captcha brings the form back with the text kept', async () => {
    t.clock.advance(16_000);
    const context = await browser.newContext({ userAgent: USER_AGENT, javaScriptEnabled: false });
    const page = await postFrom(context, '无脚本读者', '没有脚本也能发表评论。', 'nope');
    assert.equal(await page.locator('#comment-captcha-error').textContent(), '验证码不正确，请看新图片重新输入。');
    assert.equal(await page.getByLabel('评论内容').inputValue(), '没有脚本也能发表评论。');
    assert.equal(await page.getByLabel('网名').inputValue(), '无脚本读者');
    await page.getByLabel('验证码').fill('W4RD');
    await page.getByRole('button', { name: '发表评论' }).click();
    await page.waitForLoadState('load');
    assert.equal(await page.locator('.comment .comment-nickname').first().textContent(), '无脚本读者');
    await context.close();
  });

  it('看不清？换一张 swaps the image with JavaScript and keeps the text', async () => {
    const context = await browser.newContext({ userAgent: USER_AGENT });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/article/${articleId}`);
    await page.getByLabel('评论内容').fill('换一张验证码');
    const before = await page.locator('img.captcha-image').getAttribute('src');
    await page.getByRole('link', { name: '看不清？换一张' }).click();
    await page.waitForFunction((old) => document.querySelector('img.captcha-image')?.getAttribute('src') !== old, before);
    assert.equal(await page.getByLabel('评论内容').inputValue(), '换一张验证码');
    await context.close();
  });
});
