// A reader votes in Chromium, on a phone and on a desktop, without JavaScript: one click on
// 投票 in the sidebar of a cached page counts the vote and shows the results with their choice
// marked. A form on another site that posts to the poll is refused and counts nothing.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { projectRoot } from '../../src/paths.js';
import { browserSkipReason, launchChromium } from '../support/browser.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';

const skip = browserSkipReason();
const shots = path.join(projectRoot, 'screenshots');

describe('voting in Chromium', { skip }, () => {
  let t: TestApp;
  let browser: Browser;
  let pollId: number;
  const totalVotes = async () =>
    (await t.storage.repositories.polls.findById(pollId))!.options.reduce((sum, option) => sum + option.votes, 0);
  before(async () => {
    t = await makeTestApp();
    pollId = (await t.portal.repositories.polls.findLatestOpen(t.clock()))!.id;
    browser = await launchChromium();
    fs.mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const width of [390, 1366]) {
    it(`votes with one click from the sidebar without JavaScript and sees the results (${width} px)`, async () => {
      const viewport = { width, height: width < 500 ? 844 : 900 };
      const context = await browser.newContext({ javaScriptEnabled: false, viewport });
      const page = await context.newPage();
      await page.goto(`${t.baseUrl}/`);
      await page.goto(`${t.baseUrl}/`); // the second visit is a page-cache hit
      const sidebar = page.locator('.poll-form');
      const option = sidebar.getByLabel('劳动权益');
      await option.scrollIntoViewIfNeeded();
      const button = sidebar.getByRole('button', { name: '投票' });
      const buttonBox = (await button.boundingBox())!;
      assert.ok(buttonBox.width > 40 && buttonBox.y + buttonBox.height <= viewport.height, 'the button is on screen');
      const before = await totalVotes();
      await option.check();
      await button.click();
      await page.waitForURL(`${t.baseUrl}/polls/${pollId}`);
      assert.equal(await totalVotes(), before + 1, 'one click counted the vote');
      const notice = page.locator('.notice');
      assert.equal(await notice.textContent(), '投票成功，感谢参与！');
      const mine = page.locator('.result-bars li.my-choice');
      assert.equal(await mine.count(), 1);
      assert.match((await mine.textContent()) ?? '', /劳动权益\s*您的选择/);
      for (const [what, locator] of [
        ['notice', notice],
        ['marked choice', mine],
      ] as const) {
        const box = (await locator.boundingBox())!;
        assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `the ${what} is on screen (y ${box.y})`);
      }
      assert.equal(await page.locator('form.poll-vote-form').count(), 0, 'one vote per reader');
      await page.screenshot({ path: path.join(shots, `poll-voted-${width}.png`) });

      await page.goBack();
      await page.locator('.poll-form').getByLabel('消费维权').check();
      await page.locator('.poll-form').getByRole('button', { name: '投票' }).click();
      await page.waitForURL(`${t.baseUrl}/polls/${pollId}`);
      assert.equal(await page.locator('.notice').textContent(), '您已经投过票了，每人只能投一次。');
      assert.equal(await totalVotes(), before + 1);
      await context.close();
    });
  }

  it('a form on another site that posts a vote is refused (403) and counts nothing', async () => {
    const evil: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><form method="post" action="${t.baseUrl}/polls/${pollId}/vote"><input type="hidden" name="option" value="1"><button>赢大奖</button></form>`,
      );
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const before = await totalVotes();
      // "localhost" is another site than "127.0.0.1" (Sec-Fetch-Site: cross-site)
      await page.goto(`http://localhost:${(evil.address() as AddressInfo).port}/`);
      const [response] = await Promise.all([
        page.waitForResponse(`${t.baseUrl}/polls/${pollId}/vote`),
        page.getByRole('button', { name: '赢大奖' }).click(),
      ]);
      assert.equal(response.status(), 403);
      assert.equal(await totalVotes(), before);
      await context.close();
    } finally {
      await new Promise((resolve) => evil.close(resolve));
    }
  });
});
