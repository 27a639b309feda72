// Takes the README's screenshots (docs/screenshots/*.png) of a fresh portal with its demo
// content: the real server in a child process on a free port of 127.0.0.1, with a temporary
// database, and Debian's Chromium (CHROME_PATH, then /usr/bin/chromium).
// Usage: npm run docs:screenshots
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'screenshots');
const browserPath = [process.env.CHROME_PATH, '/usr/bin/chromium'].find((p) => p && fs.existsSync(p));
if (!browserPath) {
  console.error('No Chromium found (CHROME_PATH, /usr/bin/chromium): apt-get install -y chromium fonts-noto-cjk');
  process.exit(1);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-screenshots-'));
const password = 'screenshot-admin-password';
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
  cwd: root,
  env: { ...process.env, DATABASE_PATH: path.join(dir, 'portal.db'), PORT: '0', ADMIN_PASSWORD: password, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stop = () => {
  server.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
};

try {
  const base = await new Promise((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]);
    });
    server.on('exit', (code) => reject(new Error(`the portal exited (${code}) before it listened:\n${output}`)));
  });
  const browser = await chromium.launch({
    executablePath: browserPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  fs.mkdirSync(out, { recursive: true });
  const shoot = async (name, viewport, url, { prepare, scrollTo } = {}) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    if (prepare) await prepare(page);
    await page.goto(base + url);
    await page.waitForLoadState('networkidle');
    // below the sticky navigation bar
    if (scrollTo)
      await page.$eval(scrollTo, (element) => element.ownerDocument.defaultView.scrollBy(0, element.getBoundingClientRect().top - 120));
    // a palette PNG: a third of the size, and these are committed
    await sharp(await page.screenshot())
      .png({ palette: true, quality: 90, effort: 10 })
      .toFile(path.join(out, `${name}.png`));
    await context.close();
    console.log(`docs/screenshots/${name}.png`);
  };
  const logIn = async (page) => {
    await page.goto(`${base}/admin/login`);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', password);
    await Promise.all([page.waitForURL(`${base}/admin`), page.click('button[type=submit]')]);
  };
  await shoot('home', { width: 1366, height: 900 }, '/');
  await shoot('article', { width: 1366, height: 900 }, '/article/1');
  await shoot('phone', { width: 390, height: 844 }, '/article/1');
  // the end of a 事件追踪 report: tags, its 专题, 上一篇/下一篇, 相关阅读 and 分享
  await shoot('reading-paths', { width: 1366, height: 900 }, '/article/30', { scrollTo: '.article-tags' });
  await shoot('admin', { width: 1366, height: 900 }, '/admin/articles/1/edit', { prepare: logIn });
  await browser.close();
} finally {
  stop();
}
