// Three portal processes over one PostgreSQL behind a round-robin proxy behave as one site
// (issue 15): started together on an empty database they migrate once and create one admin; a
// comment, a log-in, an upload, an edit and the captcha limit made through one process hold in
// the others; view counts from all add up and a reader counts once whichever process answers; a SIGKILLed process loses no acknowledged comment
// and the others keep serving.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as cheerio from 'cheerio';
import pg from 'pg';
import sharp from 'sharp';
import { startRoundRobinProxy, type RoundRobinProxy } from '../../scripts/round-robin-proxy.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../scripts/throwaway-postgres.js';
import { ReaderSession } from '../support/browser-session.js';
import { postgresUnavailable } from '../support/postgres.js';
import {
  remoteApp,
  SERVER_ERROR_IN_LOG,
  startServerProcess,
  stopServerProcesses,
  TEST_ADMIN_PASSWORD,
  type ServerProcess,
} from '../support/server-process.js';
import { makeTempDir } from '../support/test-app.js';

const ANSWER = 'K7PX';
const CAPTCHAS_PER_MINUTE = 9;
const missing = postgresUnavailable();
if (missing && process.env.CI === 'true') throw new Error(`${missing}: CI runs the multi-process test`);

describe('three portal processes over one PostgreSQL', { skip: missing }, () => {
  let postgres: ThrowawayPostgres;
  let db: pg.Client;
  let servers: ServerProcess[];
  let proxy: RoundRobinProxy;
  let articleId: number;

  before(async () => {
    postgres = await startThrowawayPostgres();
    const admin = new pg.Client({ connectionString: postgres.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE portal_cluster');
    await admin.end();
    const url = postgres.url('portal_cluster');
    const dbFile = path.join(makeTempDir('portal-cluster-'), 'portal.db'); // its folder holds the shared uploads
    servers = await Promise.all(
      [1, 2, 3].map(() =>
        startServerProcess({
          dbFile,
          captchaText: ANSWER,
          commentModeration: 'auto',
          viewFlushIntervalMs: 200,
          captchaRequestsPerMinute: CAPTCHAS_PER_MINUTE,
          env: { DATABASE_URL: url, TRUST_PROXY: 'loopback' },
          startTimeoutMs: 90_000,
        }),
      ),
    );
    proxy = await startRoundRobinProxy(servers.map((server) => server.baseUrl));
    db = new pg.Client({ connectionString: url, types: { getTypeParser: () => (value: string) => value } });
    await db.connect();
    articleId = Number((await db.query("SELECT max(id) AS id FROM articles WHERE status = 'published'")).rows[0].id);
  });

  after(async () => {
    await db?.end();
    await proxy?.close();
    await stopServerProcesses();
    await postgres?.stop();
  });

  const count = async (sql: string, ...params: unknown[]) => Number((await db.query(sql, params)).rows[0].n);

  it('migrated once and created one admin and one set of demo content, though all three started together', async () => {
    const migrationLines = servers.filter((server) => /applied migrations/.test(server.output()));
    assert.equal(migrationLines.length, 1, 'one process applied the migrations');
    assert.equal(await count('SELECT COUNT(*) AS n FROM users'), 1);
    assert.equal((await count("SELECT COUNT(*) AS n FROM categories WHERE slug = 'law'")) <= 1, true);
    const demoLines = servers.filter((server) => /demo content added/.test(server.output()));
    assert.equal(demoLines.length, 1, 'one process added the demo content');
  });

  it('answers through the proxy from every process in turn', async () => {
    const before = [...proxy.answered];
    for (let i = 0; i < 6; i += 1) assert.equal((await fetch(`${proxy.baseUrl}/healthz`)).status, 200);
    assert.deepEqual(
      proxy.answered.map((n, i) => n - before[i]!),
      [2, 2, 2],
    );
  });

  it('shows a comment posted through one process on the others at once', async () => {
    const reader = new ReaderSession(remoteApp(servers[0]!.baseUrl), {
      'user-agent': 'Mozilla/5.0 Chrome/130 cluster',
      'x-forwarded-for': '10.9.0.1',
    });
    for (const server of servers) await fetch(`${server.baseUrl}/article/${articleId}`); // cached everywhere
    await reader.openCommentForm(articleId);
    await (await reader.captcha()).arrayBuffer();
    const posted = await reader.post(`/article/${articleId}/comments`, {
      _csrf: reader.csrfToken,
      nickname: '集群',
      body: '经由第一个进程发表的评论',
      captcha: ANSWER,
    });
    assert.equal(posted.status, 303);
    for (const server of servers) {
      const $ = cheerio.load(await (await fetch(`${server.baseUrl}/article/${articleId}`)).text());
      assert.match($('body').text(), /经由第一个进程发表的评论/, `process ${server.port} shows the comment`);
    }
  });

  it('keeps a log-in made through one process valid on the others', async () => {
    const editor = await loggedInAdmin(servers[1]!);
    for (const server of servers) {
      const other = new ReaderSession(remoteApp(server.baseUrl));
      other.setCookie('portal.sid', editor.cookie('portal.sid')!);
      const page = await other.get('/admin');
      assert.equal(page.status, 200, `process ${server.port} knows the session`);
    }
  });

  it('empties every process cache within a second of an edit made through one', async () => {
    for (const server of servers) await fetch(`${server.baseUrl}/article/${articleId}`);
    const editor = await loggedInAdmin(servers[2]!);
    const form = await editor.get(`/admin/articles/${articleId}/edit`);
    const fields = formFields(form.$, 'form#article-form');
    fields.title = '三进程之一改过的标题';
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    const saved = await editor.postMultipart(`/admin/articles/${articleId}`, body);
    assert.equal(saved.status, 303, saved.text.slice(0, 500));
    const deadline = Date.now() + 1000;
    for (const server of servers) {
      let title: string;
      do {
        title = cheerio
          .load(await (await fetch(`${server.baseUrl}/article/${articleId}`)).text())('h1')
          .first()
          .text();
      } while (!title.includes('三进程之一改过的标题') && Date.now() < deadline);
      assert.match(title, /三进程之一改过的标题/, `process ${server.port} shows the edit within a second`);
    }
  });

  it('serves an image uploaded through one process from the others', async () => {
    const editor = await loggedInAdmin(servers[0]!);
    await editor.get('/admin/uploads');
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 20, g: 90, b: 160 } } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('image', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'cluster.png');
    const uploaded = await editor.postMultipart('/admin/uploads', form, { 'x-csrf-token': editor.csrfToken, accept: 'application/json' });
    assert.equal(uploaded.status, 201, uploaded.text);
    const { url } = JSON.parse(uploaded.text) as { url: string };
    for (const server of servers) assert.equal((await fetch(server.baseUrl + url)).status, 200, `process ${server.port} serves ${url}`);
  });

  it('counts captcha images against one limit whichever process answers', async () => {
    const reader = new ReaderSession(remoteApp(proxy.baseUrl), {
      'user-agent': 'Mozilla/5.0 Chrome/130 cluster',
      'x-forwarded-for': '10.9.1.1',
    });
    const statuses: number[] = [];
    for (let i = 0; i < CAPTCHAS_PER_MINUTE + 3; i += 1) {
      const response = await reader.captcha();
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [...Array(CAPTCHAS_PER_MINUTE).fill(200), 429, 429, 429], 'the limit holds for the site, not per process');
  });

  it('adds up the views counted by all three processes, and counts one reader once whichever process answers', async () => {
    const viewsBefore = await count('SELECT views AS n FROM articles WHERE id = $1', articleId);
    const read = (server: ServerProcess, ip: string) =>
      fetch(`${server.baseUrl}/article/${articleId}`, {
        headers: { 'user-agent': 'Mozilla/5.0 Chrome/130 cluster', 'x-forwarded-for': ip },
      });
    for (let i = 0; i < 9; i += 1) await read(servers[i % 3]!, `10.9.2.${i + 1}`); // nine readers
    for (const server of servers) await read(server, '10.9.2.200'); // one reader, through all three
    const expected = viewsBefore + 10;
    const deadline = Date.now() + 5000;
    let views = viewsBefore;
    while (views < expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      views = await count('SELECT views AS n FROM articles WHERE id = $1', articleId);
    }
    await new Promise((resolve) => setTimeout(resolve, 600)); // a few more flushes: nothing more may arrive
    assert.equal(await count('SELECT views AS n FROM articles WHERE id = $1', articleId), expected);
  });

  it('loses no acknowledged comment when a process is SIGKILLed, and the others keep serving', async () => {
    const victim = servers[0]!;
    const acknowledged: string[] = [];
    const readers = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const reader = new ReaderSession(remoteApp(victim.baseUrl), {
          'user-agent': 'Mozilla/5.0 Chrome/130 cluster',
          'x-forwarded-for': `10.9.3.${i + 1}`,
        });
        await reader.openCommentForm(articleId);
        await (await reader.captcha()).arrayBuffer();
        return reader;
      }),
    );
    const posts = readers.map(async (reader, i) => {
      const body = `进程被杀之前的评论 ${i}`;
      const answer = await reader
        .post(`/article/${articleId}/comments`, { _csrf: reader.csrfToken, nickname: '压力', body, captcha: ANSWER })
        .catch(() => undefined);
      if (answer?.status === 303) acknowledged.push(body);
    });
    setTimeout(() => victim.kill('SIGKILL'), 30);
    await Promise.all(posts);
    await victim.exited;
    for (const body of acknowledged) {
      assert.equal(
        await count('SELECT COUNT(*) AS n FROM comments WHERE body = $1', body),
        1,
        `"${body}" was acknowledged and is stored once`,
      );
    }
    for (let i = 0; i < 6; i += 1)
      assert.equal((await fetch(`${proxy.baseUrl}/article/${articleId}`)).status, 200, 'the proxy still gets pages');
    for (const server of servers.slice(1)) assert.doesNotMatch(server.output(), SERVER_ERROR_IN_LOG);
  });
});

async function loggedInAdmin(server: ServerProcess): Promise<ReaderSession> {
  const session = new ReaderSession(remoteApp(server.baseUrl));
  await session.get('/admin/login');
  const answer = await session.post('/admin/login', { _csrf: session.csrfToken, username: 'admin', password: TEST_ADMIN_PASSWORD });
  assert.equal(answer.status, 303, 'logged in');
  await session.get('/admin'); // a page with a form token of the new session
  return session;
}

/** The values a browser would submit for the first form matching the selector. */
function formFields($: cheerio.CheerioAPI, selector: string): Record<string, string> {
  const form = $(selector).first();
  const fields: Record<string, string> = {};
  form.find('input[name], textarea[name], select[name]').each((_, element) => {
    const field = $(element);
    const name = field.attr('name')!;
    const type = (field.attr('type') ?? '').toLowerCase();
    if (type === 'file' || type === 'submit') return;
    if ((type === 'checkbox' || type === 'radio') && field.attr('checked') === undefined) return;
    if (element.tagName === 'select')
      fields[name] = field.find('option[selected]').attr('value') ?? field.find('option').first().attr('value') ?? '';
    else if (element.tagName === 'textarea') fields[name] = field.text();
    else fields[name] = field.attr('value') ?? '';
  });
  return fields;
}
