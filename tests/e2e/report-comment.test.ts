// A reader reports a comment, and replies to one, in Chromium without JavaScript (issue 16): from
// the 举报 link on the article page, through the form (reason, note, captcha) to the receipt code,
// then looks up the outcome on 处理结果 with it; from the 回复 link to the quoted floor and its
// form, and, once approved, the reply under its floor. Every page fits a phone.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { projectRoot } from '../../src/paths.js';
import { assertNoHorizontalOverflow, browserSkipReason, launchChromium, watchErrors } from '../support/browser.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';

const skip = browserSkipReason();
const shots = path.join(projectRoot, 'screenshots');

describe('reporting a comment in Chromium', { skip }, () => {
  let t: TestApp;
  let browser: Browser;
  let articleId: number;
  let commentId: number;
  before(async () => {
    t = await makeTestApp({ captchaText: () => 'R3PT' });
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    articleId = newest!.id;
    commentId = await t.repos.comments.create(
      { articleId, nickname: '出言不逊的人', body: '一条需要举报的评论', status: 'approved', ipHash: 'h', ipRegion: '广东' },
      t.clock(),
    );
    browser = await launchChromium();
    fs.mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('reports without JavaScript, gets a receipt code and finds the outcome with it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${t.baseUrl}/article/${articleId}`);
    const comment = page.locator(`#comment-${commentId}`);
    await comment.getByText('IP属地：广东').waitFor();
    await comment.getByRole('link', { name: '举报' }).click();
    await page.waitForURL(`${t.baseUrl}/comments/${commentId}/report`);
    await page.getByLabel('人身攻击、辱骂').check();
    await page.getByLabel(/补充说明/).fill('辱骂其他读者');
    await page.getByLabel('验证码').fill('r3pt');
    await assertNoHorizontalOverflow(page, 'the report form on a phone');
    await page.screenshot({ path: path.join(shots, 'report-form-390.png'), fullPage: true });
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.waitForURL(`${t.baseUrl}/comments/${commentId}/report/done`);
    const code = (await page.locator('.receipt-code code').textContent())?.trim() ?? '';
    assert.match(code, /^[A-Z2-9]{4}(?:-[A-Z2-9]{4}){3}$/);
    await page.screenshot({ path: path.join(shots, 'report-receipt-390.png'), fullPage: true });

    await page.getByRole('link', { name: '处理结果' }).click();
    await page.waitForURL(/\/report-status\?code=/);
    assert.equal((await page.locator('.report-result').textContent())?.trim(), '已受理，正在处理。');
    await page.getByLabel('回执码').fill(code.toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    assert.equal((await page.locator('.report-result').textContent())?.trim(), '已受理，正在处理。');
    await assertNoHorizontalOverflow(page, 'the 处理结果 page on a phone');
    assert.deepEqual(errors, []);
    await context.close();
    assert.equal(await t.storage.repositories.reports.countOpen(), 1);
  });

  it('replies without JavaScript from the 回复 link; once approved, the reply shows under its floor', async () => {
    const floor = await t.repos.comments.create(
      { articleId, nickname: '热心读者', body: '这篇报道的数据来源是哪里？', status: 'approved', ipHash: 'h', ipRegion: '北京' },
      t.clock(),
    );
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${t.baseUrl}/article/${articleId}`);
    await page.locator(`#comment-${floor}`).getByRole('link', { name: '回复' }).click();
    await page.waitForURL(`${t.baseUrl}/article/${articleId}/comments/new?reply=${floor}`);
    assert.match((await page.locator('blockquote.reply-quote').textContent()) ?? '', /这篇报道的数据来源是哪里？/);
    await page.getByLabel('网名').fill('编辑部');
    await page.getByLabel('评论内容').fill('数据来自市统计局公开的年度报告。');
    await page.getByLabel('验证码').fill('R3PT');
    await assertNoHorizontalOverflow(page, 'the 回复 page on a phone');
    await page.screenshot({ path: path.join(shots, 'comment-reply-390.png'), fullPage: true });
    await page.getByRole('button', { name: '发表回复' }).click();
    await page.waitForURL(`${t.baseUrl}/article/${articleId}#comments`);
    const reply = (await t.repos.comments.listByStatus('pending', { limit: 1 }))[0]!;
    assert.deepEqual([reply.body, reply.parentId], ['数据来自市统计局公开的年度报告。', floor]);
    await t.write((tx) => tx.comments.setStatus([reply.id], 'approved'));
    await page.reload();
    const shown = page.locator(`#comment-${floor} .comment-replies #comment-${reply.id}`);
    await shown.getByText('回复 ', { exact: false }).first().waitFor();
    assert.equal((await shown.locator('.comment-body').textContent())?.trim(), '数据来自市统计局公开的年度报告。');
    await assertNoHorizontalOverflow(page, 'the article page with a reply on a phone');
    await page.locator('#comments').screenshot({ path: path.join(shots, 'comment-floors-390.png') });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
