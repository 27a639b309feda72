// PostgreSQL lost while the portal serves (issue 15, bad input): cached pages keep being served,
// pages that need the database and writes answer 503 with a clear page and write nothing, and
// when the database is back the site works again without a restart, its cache flushed.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as cheerio from 'cheerio';
import pg from 'pg';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../scripts/throwaway-postgres.js';
import { ReaderSession } from '../support/browser-session.js';
import { postgresUnavailable } from '../support/postgres.js';
import { remoteApp, startServerProcess, stopServerProcesses, type ServerProcess } from '../support/server-process.js';
import { makeTempDir } from '../support/test-app.js';

const ANSWER = 'K7PX';
const missing = postgresUnavailable();
if (missing && process.env.CI === 'true') throw new Error(`${missing}: CI runs the PostgreSQL tests`);

describe('PostgreSQL lost while serving', { skip: missing }, () => {
  let postgres: ThrowawayPostgres;
  let server: ServerProcess;
  let url: string;

  before(async () => {
    postgres = await startThrowawayPostgres();
    const admin = new pg.Client({ connectionString: postgres.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE portal');
    await admin.end();
    url = postgres.url('portal');
    server = await startServerProcess({
      dbFile: path.join(makeTempDir('portal-outage-'), 'portal.db'),
      captchaText: ANSWER,
      commentModeration: 'auto',
      env: { DATABASE_URL: url },
      startTimeoutMs: 60_000,
    });
  });

  after(async () => {
    await stopServerProcesses();
    await postgres?.stop();
  });

  const get = async (urlPath: string) => {
    const response = await fetch(server.baseUrl + urlPath, { headers: { 'user-agent': 'Mozilla/5.0 Chrome/130 outage' } });
    return {
      status: response.status,
      cache: response.headers.get('x-page-cache'),
      retryAfter: response.headers.get('retry-after'),
      $: cheerio.load(await response.text()),
    };
  };
  const commentCount = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return Number((await client.query("SELECT COUNT(*) AS n FROM comments WHERE nickname = '断线'")).rows[0].n);
    } finally {
      await client.end();
    }
  };

  it('serves cached pages, answers 503 for the rest and writes nothing, then recovers by itself', async () => {
    const cached = '/article/1';
    await get(cached);
    assert.equal((await get(cached)).cache, 'hit');
    const reader = new ReaderSession(remoteApp(server.baseUrl));
    await reader.openCommentForm(1);
    await (await reader.captcha()).arrayBuffer();

    await postgres.outage(async () => {
      const page = await get(cached);
      assert.equal(page.status, 200, 'a cached page is still served');
      const uncached = await get('/article/2');
      assert.equal(uncached.status, 503);
      assert.equal(uncached.retryAfter, '30');
      assert.match(uncached.$('body').text(), /数据库暂时无法连接/);
      const posted = await reader.post('/article/1/comments', {
        _csrf: reader.csrfToken,
        nickname: '断线',
        body: '数据库断开时提交的评论',
        captcha: ANSWER,
      });
      assert.equal(posted.status, 503, 'a write while the database is away is refused plainly');
      assert.equal((await get('/healthz')).status, 503);
    });

    const deadline = Date.now() + 15_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) {
      status = (await get('/article/2')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(status, 200, 'pages render again once the database is back, without a restart');
    assert.equal(await commentCount(), 0, 'nothing of the refused comment was written');
    await reader.openCommentForm(1);
    await (await reader.captcha()).arrayBuffer();
    const posted = await reader.post('/article/1/comments', {
      _csrf: reader.csrfToken,
      nickname: '断线',
      body: '数据库恢复后提交的评论',
      captcha: ANSWER,
    });
    assert.equal(posted.status, 303, 'comments are taken again');
    assert.equal(await commentCount(), 1);
  });
});
