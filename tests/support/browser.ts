// Finds Debian's Chromium for the browser tests. Without one the tests skip with the install
// command, except under CI=true, where a missing browser fails the run.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
