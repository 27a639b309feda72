// Finds Debian's Chromium for the browser tests. Without one the tests skip with the install
// command, except under CI=true, where a missing browser fails the run.
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';

export const INSTALL_HINT = 'apt-get install -y chromium fonts-noto-cjk';

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter((p): p is string => !!p);
  return candidates.find((p) => fs.existsSync(p));
}

/** The reason to skip, or undefined when a browser is there. Throws under CI when it is missing. */
export function browserSkipReason(): string | undefined {
  if (findChromium()) return undefined;
  const message = `no Chromium found (CHROME_PATH, /usr/bin/chromium): install it with \`${INSTALL_HINT}\``;
  if (process.env.CI === 'true') throw new Error(`browser tests cannot run under CI: ${message}`);
  return message;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Collects what the page logs as errors (CSP violations, failed assets, script errors). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export async function assertNoHorizontalOverflow(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${where}: page is ${scrollWidth}px wide in a ${innerWidth}px window`);
}
