// Several server processes on one database (issue 6): each keeps its own page cache, and a
// change made through one process — or by any other writer of the file — shows in the others
// on their very next request (the change feed the triggers write, read before each request).
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import * as cheerio from 'cheerio';
import { ReaderSession } from '../support/browser-session.js';
import { ERROR_IN_LOG, remoteApp, startServerProcess, stopServerProcesses, withDatabase } from '../support/server-process.js';
import { makeTempDir } from '../support/test-app.js';

const ANSWER = 'K7PX';

/** A GET on a new connection each time (a cluster hands connections to its workers in turn). */
function freshGet(baseUrl: string, urlPath: string): Promise<{ status: number; $: cheerio.CheerioAPI }> {
  return new Promise((resolve, reject) => {
    http
      .get(baseUrl + urlPath, { agent: false, headers: { 'user-agent': 'Mozilla/5.0 Chrome/130 cluster test' } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, $: cheerio.load(text) }));
      })
      .on('error', reject);
  });
}

async function page(baseUrl: string, urlPath: string) {
  const response = await fetch(baseUrl + urlPath, { headers: { 'user-agent': 'Mozilla/5.0 Chrome/130 two-process test' } });
  const text = await response.text();
  return { status: response.status, cache: response.headers.get('x-page-cache'), $: cheerio.load(text) };
}

describe('page caches in two processes on one database', () => {
  after(() => stopServerProcesses());

  it('a comment posted through one process and an edit by a third writer show in both at once', async () => {
    const dbFile = path.join(makeTempDir(), 'portal.db');
    const first = await startServerProcess({ dbFile, commentModeration: 'auto', captchaText: ANSWER });
    const second = await startServerProcess({ dbFile, commentModeration: 'auto', captchaText: ANSWER });
    const articleId = withDatabase(
      dbFile,
      (db) => db.prepare("SELECT max(id) FROM articles WHERE status = 'published'").pluck().get() as number,
    );

    for (const server of [first, second]) {
      await page(server.baseUrl, `/article/${articleId}`);
      await page(server.baseUrl, '/');
      assert.equal((await page(server.baseUrl, `/article/${articleId}`)).cache, 'hit', 'both processes have the page cached');
    }

    const reader = new ReaderSession(remoteApp(first.baseUrl));
    await reader.openCommentForm(articleId);
    await reader.captcha();
    const posted = await reader.post(`/article/${articleId}/comments`, {
      _csrf: reader.csrfToken,
      nickname: '第一进程',
      body: '在一个进程里发表的评论',
      captcha: ANSWER,
    });
    assert.equal(posted.status, 303);
    const inSecond = await page(second.baseUrl, `/article/${articleId}`);
    assert.equal(inSecond.cache, 'miss', 'the other process dropped its copy');
    assert.equal(inSecond.$('.comment .comment-nickname').first().text(), '第一进程');
    assert.equal((await page(second.baseUrl, '/')).cache, 'hit', 'a comment leaves the other pages cached');

    // a third connection (an operator's script, a CLI) edits the title: both processes notice
    withDatabase(dbFile, (db) => db.prepare("UPDATE articles SET title = '第三方改过的标题' WHERE id = ?").run(articleId), {
      readonly: false,
    });
    for (const server of [first, second]) {
      const edited = await page(server.baseUrl, `/article/${articleId}`);
      assert.equal(edited.cache, 'miss');
      assert.equal(edited.$('article h1').text().trim(), '第三方改过的标题');
      assert.ok((await page(server.baseUrl, '/')).$('main').text().includes('第三方改过的标题'));
    }
    const outputs = first.output() + second.output();
    assert.doesNotMatch(outputs, /database is locked/);
    assert.doesNotMatch(outputs, ERROR_IN_LOG);
  });

  it('WORKERS=2: a cluster serves from both workers, every answer shows a new comment, and stops cleanly', async () => {
    const dbFile = path.join(makeTempDir(), 'portal.db');
    // production: the JSON log names the process of every line
    const env = { WORKERS: '2', LOG_LEVEL: 'info', NODE_ENV: 'production', SESSION_SECRET: 'cluster-test-secret-0123456789abcdefghij' };
    const cluster = await startServerProcess({ dbFile, commentModeration: 'auto', captchaText: ANSWER, env });
    // startServerProcess returns once one worker answers; wait for the second, or both workers'
    // share of the requests below would depend on how fast it starts
    await cluster.waitForOutput((output) => (output.match(/news portal listening on/g) ?? []).length >= 2, 10_000);
    const articleId = withDatabase(
      dbFile,
      (db) => db.prepare("SELECT max(id) FROM articles WHERE status = 'published'").pluck().get() as number,
    );
    for (let i = 0; i < 8; i += 1) await freshGet(cluster.baseUrl, `/article/${articleId}`); // both workers cache it
    assert.match(cluster.output(), /cluster: 2 worker processes/);
    const reader = new ReaderSession(remoteApp(cluster.baseUrl));
    await reader.openCommentForm(articleId);
    await reader.captcha();
    const posted = await reader.post(`/article/${articleId}/comments`, {
      _csrf: reader.csrfToken,
      nickname: '集群读者',
      body: '集群里发表的评论',
      captcha: ANSWER,
    });
    assert.equal(posted.status, 303);
    for (let i = 0; i < 6; i += 1) {
      assert.equal(
        (await freshGet(cluster.baseUrl, `/article/${articleId}`)).$('.comment .comment-nickname').first().text(),
        '集群读者',
        `answer ${i}`,
      );
    }
    const pids = new Set([...cluster.output().matchAll(/"pid":(\d+)/g)].map((m) => m[1]));
    assert.ok(pids.size >= 2, `log lines from ${pids.size} worker processes`);
    // exit 0: every worker stopped on its own, none took the forced way out ("shutdown took too
    // long", 10 s after SIGTERM), and the primary did not give up on them either
    assert.deepEqual(await cluster.stop(), { code: 0, signal: null });
    assert.doesNotMatch(cluster.output(), /shutdown took too long/);
  });
});
