// A reader votes in Chromium, without JavaScript: picks an option in the sidebar, confirms on
// the poll page, and sees the count rise.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';

const skip = browserSkipReason();

describe('voting in Chromium', { skip }, () => {
  let t: TestApp;
  let browser: Browser;
  before(async () => {
    t = await makeTestApp();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('votes from the sidebar without JavaScript and sees the result', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}/`);
    const sidebar = page.locator('.poll-form');
    await sidebar.getByLabel('劳动权益').check();
    await sidebar.getByRole('button', { name: '投票' }).click();
    await page.waitForURL(/\/polls\/\d+\?option=\d+/);
    const form = page.locator('form.poll-vote-form');
    assert.ok(await form.getByLabel('劳动权益').isChecked(), 'the sidebar choice arrives checked');
    const before = Number((await page.locator('.poll-total').textContent()) ?? '0');
    await form.getByRole('button', { name: '投票' }).click();
    await page.waitForURL(/\/polls\/\d+$/);
    assert.equal(await page.locator('.notice').textContent(), '投票成功，感谢参与！');
    assert.equal(Number(await page.locator('.poll-total').textContent()), before + 1);
    assert.match((await page.locator('.result-bars li', { hasText: '劳动权益' }).textContent()) ?? '', /199 票/);
    assert.equal(await page.locator('form.poll-vote-form').count(), 0, 'one vote per reader');
    await context.close();
  });
});
