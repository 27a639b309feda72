// Durability of what the portal acknowledges, against the real server in a child process:
// comments and poll votes answered 303 survive a SIGKILL exactly once; view counts are written
// by the timed flush, a SIGKILL loses only what was not yet flushed, and a SIGTERM
// finishes the request in flight and writes every counted view; two processes on one
// database file take 200 concurrent comments without "database is locked" or a 500.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ReaderSession } from '../support/browser-session.js';
import {
  remoteApp,
  SERVER_ERROR_IN_LOG,
  startServerProcess,
  stopServerProcesses,
  until,
  withDatabase,
  type ServerProcess,
} from '../support/server-process.js';
import { makeTempDir } from '../support/test-app.js';

const ANSWER = 'K7PX';
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 durability-test';
// Comment limits are per address (1 per 15 s, 20 an hour): behind a trusted proxy every
// reader gets an address of its own. The second octet keeps each test's readers apart.
const TRUSTED_PROXY = { TRUST_PROXY: 'loopback' };
const address = (group: number, i: number) => `10.${group}.${i >> 8}.${i & 255}`;
const LOCK_ERRORS = /database is locked|SQLITE_BUSY/i;

/** A reader with its own session and address, on the server at baseUrl. */
function readerOn(server: ServerProcess, ip: string, userAgent = USER_AGENT): ReaderSession {
  return new ReaderSession(remoteApp(server.baseUrl), { 'user-agent': userAgent, 'x-forwarded-for': ip });
}

/** The session id behind a ReaderSession's signed cookie (s:<id>.<signature>). */
function sessionIdOf(reader: ReaderSession): string {
  const id = reader.sessionId();
  assert.ok(id, `a signed session cookie, got "${reader.cookie('portal.sid')}"`);
  return id;
}

async function readyCommenter(server: ServerProcess, ip: string, articleId: number): Promise<ReaderSession> {
  const reader = readerOn(server, ip);
  assert.equal((await reader.openCommentForm(articleId)).status, 200);
  const captcha = await reader.captcha();
  await captcha.arrayBuffer(); // read to the end, so the connection is free again
  assert.equal(captcha.status, 200);
  assert.ok(reader.csrfToken, 'the comment form gave a CSRF token');
  return reader;
}

function postComment(reader: ReaderSession, articleId: number, nickname: string, body: string) {
  return reader.post(`/article/${articleId}/comments`, { _csrf: reader.csrfToken, nickname, body, captcha: ANSWER });
}

/** A comment post was acknowledged: redirected to the comments (a refused one goes back to the form). */
const commentPublished = (response: { status: number; headers: Headers }) =>
  response.status === 303 && (response.headers.get('location') ?? '').endsWith('#comments');

function integrityOf(dbFile: string): string {
  return withDatabase(dbFile, (db) => String(db.pragma('integrity_check', { simple: true })));
}

function storedViews(dbFile: string, articleId: number): number {
  return withDatabase(dbFile, (db) => db.prepare('SELECT views FROM articles WHERE id = ?').pluck().get(articleId) as number);
}

function visibleArticleIds(dbFile: string): number[] {
  return withDatabase(
    dbFile,
    (db) =>
      db
        .prepare("SELECT id FROM articles WHERE status = 'published' AND deleted_at IS NULL AND published_at <= ? ORDER BY id")
        .pluck()
        .all(Date.now()) as number[],
  );
}

/**
 * Fires every request at once and SIGKILLs the server as soon as `killAfter` of them were
 * acknowledged (by default: answered 303). Returns which were acknowledged, which failed on
 * the connection, and any other statuses.
 */
async function fireAndKill<R extends { status: number }>(
  server: ServerProcess,
  requests: (() => Promise<R>)[],
  killAfter: number,
  isAcknowledged: (response: R) => boolean = (response) => response.status === 303,
): Promise<{ acknowledged: Set<number>; failed: number; otherStatuses: number[] }> {
  const acknowledged = new Set<number>();
  const otherStatuses: number[] = [];
  let failed = 0;
  await Promise.all(
    requests.map((send, i) =>
      send().then(
        (response) => {
          if (!isAcknowledged(response)) return void otherStatuses.push(response.status);
          acknowledged.add(i);
          if (acknowledged.size === killAfter) server.kill('SIGKILL');
        },
        () => (failed += 1), // refused or cut off by the kill: not acknowledged
      ),
    ),
  );
  return { acknowledged, failed, otherStatuses };
}

describe('durability of acknowledged writes (real server, SIGKILL and SIGTERM)', () => {
  let dir: string;
  before(() => {
    dir = makeTempDir('portal-durability-');
  });
  after(async () => {
    await stopServerProcesses();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('200 concurrent comments, SIGKILL midway: every acknowledged comment is stored exactly once', async (t) => {
    const dbFile = path.join(dir, 'comments.db');
    const first = await startServerProcess({ dbFile, commentModeration: 'auto', captchaText: ANSWER, env: TRUSTED_PROXY });
    const articleIds = visibleArticleIds(dbFile);
    assert.ok(articleIds.length >= 4, 'demo articles to comment on');
    const articleOf = (i: number) => articleIds[i % 4]!;
    const bodyOf = (i: number) => `断电测试评论 第${i}条`;
    const readers = await Promise.all(Array.from({ length: 200 }, (_, i) => readyCommenter(first, address(1, i), articleOf(i))));

    const outcome = await fireAndKill(
      first,
      readers.map((reader, i) => () => postComment(reader, articleOf(i), `读者${i}`, bodyOf(i))),
      40,
      commentPublished,
    );
    const status = await first.exited;
    assert.equal(status.signal, 'SIGKILL');
    assert.deepEqual(outcome.otherStatuses, [], 'every answer before the kill published the comment');
    assert.ok(outcome.acknowledged.size >= 40, `at least 40 acknowledged (got ${outcome.acknowledged.size})`);
    assert.ok(outcome.failed > 0, 'the kill came while posts were still in flight');

    const second = await startServerProcess({ dbFile, commentModeration: 'auto', captchaText: ANSWER, env: TRUSTED_PROXY });
    const stored = withDatabase(dbFile, (db) => {
      const count = db.prepare('SELECT COUNT(*) FROM comments WHERE body = ?').pluck();
      return readers.map((_, i) => count.get(bodyOf(i)) as number);
    });
    for (const i of outcome.acknowledged) assert.equal(stored[i], 1, `acknowledged comment ${i} is stored once`);
    assert.ok(
      stored.every((n) => n <= 1),
      'no comment is stored twice',
    );
    t.diagnostic(`acknowledged ${outcome.acknowledged.size}, cut off ${outcome.failed}, stored ${stored.filter((n) => n === 1).length}`);
    assert.equal(integrityOf(dbFile), 'ok');
    assert.doesNotMatch(second.output(), LOCK_ERRORS);

    // The restarted server takes new comments and shows the acknowledged ones.
    const i = [...outcome.acknowledged][0]!;
    const listingReader = readerOn(second, address(1, 250));
    let listed = false;
    for (let page = 1; !listed; page += 1) {
      const listing = await listingReader.get(`/article/${articleOf(i)}/comments?order=newest&page=${page}`);
      assert.equal(listing.status, 200, `page ${page} of the comments`);
      listed = listing.text.includes(bodyOf(i));
      if (listing.$('.pagination a[rel=next]').length === 0) break;
    }
    assert.ok(listed, 'an acknowledged comment is listed after the restart');
    const late = await readyCommenter(second, address(1, 251), articleIds[0]!);
    assert.ok(commentPublished(await postComment(late, articleIds[0]!, '重启后', '重启以后的评论')));
    assert.deepEqual(await second.stop(), { code: 0, signal: null });
    assert.equal(integrityOf(dbFile), 'ok');
  });

  it('200 concurrent poll votes, SIGKILL midway: every acknowledged vote is counted exactly once', async (t) => {
    const dbFile = path.join(dir, 'polls.db');
    const first = await startServerProcess({ dbFile, env: TRUSTED_PROXY });
    const now = Date.now();
    const pollId = withDatabase(dbFile, (db) =>
      db
        .prepare('SELECT id FROM polls WHERE is_multiple = 0 AND starts_at <= ? AND (ends_at IS NULL OR ends_at > ?) ORDER BY id LIMIT 1')
        .pluck()
        .get(now, now),
    ) as number;
    assert.ok(pollId, 'an open single-choice demo poll');
    const tally = () =>
      withDatabase(dbFile, (db) => ({
        optionVotes: db.prepare('SELECT SUM(votes) FROM poll_options WHERE poll_id = ?').pluck().get(pollId) as number,
        voteRows: db.prepare('SELECT COUNT(*) FROM poll_votes WHERE poll_id = ?').pluck().get(pollId) as number,
        sessions: new Set(db.prepare('SELECT session_id FROM poll_votes WHERE poll_id = ?').pluck().all(pollId) as string[]),
        optionIds: db.prepare('SELECT id FROM poll_options WHERE poll_id = ? ORDER BY id').pluck().all(pollId) as number[],
      }));
    const start = tally();
    const optionOf = (i: number) => start.optionIds[i % start.optionIds.length]!;
    const readers = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const reader = readerOn(first, address(2, i));
        assert.equal((await reader.get(`/polls/${pollId}`)).status, 200);
        assert.ok(reader.csrfToken, 'the vote form gave a CSRF token');
        return reader;
      }),
    );

    const outcome = await fireAndKill(
      first,
      readers.map((reader, i) => () => reader.post(`/polls/${pollId}/vote`, { _csrf: reader.csrfToken, option: String(optionOf(i)) })),
      40,
    );
    assert.equal((await first.exited).signal, 'SIGKILL');
    assert.deepEqual(outcome.otherStatuses, [], 'every answer before the kill was a 303');
    assert.ok(outcome.failed > 0, 'the kill came while votes were still in flight');

    const second = await startServerProcess({ dbFile, env: TRUSTED_PROXY });
    const end = tally();
    for (const i of outcome.acknowledged) assert.ok(end.sessions.has(sessionIdOf(readers[i]!)), `acknowledged vote ${i} is recorded`);
    const ours = readers.filter((reader) => end.sessions.has(sessionIdOf(reader))).length;
    t.diagnostic(`acknowledged ${outcome.acknowledged.size}, cut off ${outcome.failed}, recorded ${ours}`);
    assert.equal(end.voteRows - start.voteRows, ours, 'one vote row per session (UNIQUE), none from elsewhere');
    assert.equal(end.optionVotes - start.optionVotes, ours, 'each recorded vote added exactly one to its option');
    assert.equal(integrityOf(dbFile), 'ok');

    // A reader whose vote was acknowledged is told so by the restarted server and cannot vote again.
    const i = [...outcome.acknowledged][0]!;
    const returning = readerOn(second, address(2, i));
    returning.setCookie('portal.sid', readers[i]!.cookie('portal.sid')!);
    const page = await returning.get(`/polls/${pollId}`);
    assert.equal(page.status, 200);
    assert.equal(page.$('form.poll-vote-form').length, 0, 'no vote form for a reader who voted');
    assert.deepEqual(await second.stop(), { code: 0, signal: null });
    assert.equal(tally().optionVotes, end.optionVotes);
  });

  it('views: the timed flush writes them; SIGKILL keeps what was flushed; SIGTERM finishes in-flight work and writes every counted view', async (t) => {
    const dbFile = path.join(dir, 'views.db');
    const FLUSH_MS = 1000;
    const first = await startServerProcess({
      dbFile,
      commentModeration: 'auto',
      captchaText: ANSWER,
      viewFlushIntervalMs: FLUSH_MS,
      env: TRUSTED_PROXY,
    });
    const [articleId, commentArticleId] = visibleArticleIds(dbFile);
    assert.ok(articleId && commentArticleId);
    // Distinct browsers: each read is a reader of its own, so none is deduplicated.
    const read = async (server: ServerProcess, n: number) => {
      const response = await fetch(`${server.baseUrl}/article/${articleId}`, { headers: { 'user-agent': `${USER_AGENT} reader-${n}` } });
      await response.arrayBuffer();
      return response.status;
    };
    const readMany = async (server: ServerProcess, from: number, count: number) => {
      const statuses = await Promise.all(Array.from({ length: count }, (_, i) => read(server, from + i)));
      assert.deepEqual(new Set(statuses), new Set([200]));
    };

    const base = storedViews(dbFile, articleId);
    await readMany(first, 0, 30);
    const lastRead = Date.now();
    // Nothing else writes meanwhile (no request, no shutdown): only the view counter's own timer
    // can. Another process's write sends no event here: look until it is there, 10 s at most.
    await until(() => storedViews(dbFile, articleId) >= base + 30, 'the counted reads written', 10_000);
    const lag = Date.now() - lastRead;
    assert.equal(storedViews(dbFile, articleId), base + 30, 'every counted read is written, by the timed flush');

    await readMany(first, 100, 30);
    const flushedBeforeKill = storedViews(dbFile, articleId);
    first.kill('SIGKILL');
    assert.equal((await first.exited).signal, 'SIGKILL');

    const second = await startServerProcess({
      dbFile,
      commentModeration: 'auto',
      captchaText: ANSWER,
      viewFlushIntervalMs: 600_000,
      env: TRUSTED_PROXY,
    });
    const afterKill = storedViews(dbFile, articleId);
    assert.ok(
      afterKill >= flushedBeforeKill && afterKill >= base + 30,
      `flushed views survive the kill (${afterKill} >= ${flushedBeforeKill})`,
    );
    assert.ok(afterKill <= base + 60, 'no read is counted twice');

    await readMany(second, 200, 40); // counted in memory only: the next flush is 10 minutes away
    assert.equal(storedViews(dbFile, articleId), afterKill);

    // A comment post in flight when SIGTERM arrives: headers and half the body sent before.
    const commenter = await readyCommenter(second, address(3, 1), commentArticleId);
    const body = new URLSearchParams({
      _csrf: commenter.csrfToken,
      nickname: '关机前',
      body: '关机时正在提交的评论',
      captcha: ANSWER,
    }).toString();
    const socket = net.connect(second.port, '127.0.0.1');
    const answer = readAll(socket);
    // Expect: 100-continue makes the server say when it has the request: then it is in flight.
    socket.write(
      `POST /article/${commentArticleId}/comments HTTP/1.1\r\nHost: 127.0.0.1:${second.port}\r\n` +
        `User-Agent: ${USER_AGENT}\r\nX-Forwarded-For: ${address(3, 1)}\r\nCookie: portal.sid=${commenter.cookie('portal.sid')}\r\n` +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    );
    assert.match(await answer.interim, /^HTTP\/1\.1 100 Continue\r\n/, 'the server has the request');
    socket.write(body.slice(0, 20));
    const stopping = Date.now();
    second.kill('SIGTERM');
    // It prints this and stops listening in the same step: from then on no connection is taken.
    await second.waitForOutput(/SIGTERM: shutting down/);
    await assert.rejects(fetch(`${second.baseUrl}/healthz`), 'no new connections once shutting down');
    assert.equal(second.hasExited(), false, 'it waits for the request in flight');
    socket.end(body.slice(20));
    assert.match(finalAnswer(await answer.all), /^HTTP\/1\.1 303 /, 'the request in flight is answered');
    // exit 0: it did not take the forced way out (exit 1, "shutdown took too long") 10 s after SIGTERM
    assert.deepEqual(await second.exited, { code: 0, signal: null });
    assert.doesNotMatch(second.output(), /shutdown took too long/);
    const shutdownMs = Date.now() - stopping;
    t.diagnostic(`views written ${lag} ms after the last read (flush every ${FLUSH_MS} ms); shutdown took ${shutdownMs} ms`);

    assert.equal(storedViews(dbFile, articleId), afterKill + 40, 'every counted read was written at shutdown');
    const stored = withDatabase(dbFile, (db) =>
      db.prepare("SELECT COUNT(*) FROM comments WHERE body = '关机时正在提交的评论'").pluck().get(),
    );
    assert.equal(stored, 1, 'the comment in flight was stored');
    assert.equal(integrityOf(dbFile), 'ok');
  });

  it('SIGTERM while a client stalls mid-request: every counted view is still written, within 10 s', async (t) => {
    const dbFile = path.join(dir, 'stalled.db');
    const server = await startServerProcess({ dbFile, viewFlushIntervalMs: 600_000 });
    const [articleId] = visibleArticleIds(dbFile);
    const base = storedViews(dbFile, articleId!);
    for (let i = 0; i < 5; i += 1) {
      const response = await fetch(`${server.baseUrl}/article/${articleId}`, { headers: { 'user-agent': `${USER_AGENT} stalled-${i}` } });
      assert.equal(response.status, 200);
      await response.arrayBuffer();
    }
    // A client that sent its headers and 2 of the 100 body bytes it announced, then nothing; the
    // server's 100 Continue says it has the request.
    const socket = net.connect(server.port, '127.0.0.1');
    socket.on('error', () => undefined);
    const answer = readAll(socket);
    socket.write(
      'POST /polls/1/vote HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n' +
        'Expect: 100-continue\r\n\r\n',
    );
    assert.match(await answer.interim, /^HTTP\/1\.1 100 Continue\r\n/, 'the server has the request');
    socket.write('op');
    const stopping = Date.now();
    const status = await server.stop(15_000);
    const shutdownMs = Date.now() - stopping;
    socket.destroy();
    t.diagnostic(`exit ${JSON.stringify(status)} after ${shutdownMs} ms`);
    assert.equal(storedViews(dbFile, articleId!), base + 5, 'the 5 counted reads were written before the process ended');
    // exit 0, not the forced exit 1 ("shutdown took too long") that comes 10 s after SIGTERM, nor
    // the SIGKILL that stop() sends after 15 s: the shutdown ended within 10 s
    assert.deepEqual(status, { code: 0, signal: null }, `the shutdown ended within 10 s (${shutdownMs} ms)`);
    assert.doesNotMatch(server.output(), /shutdown took too long/);
  });

  it('two processes on one database file: 100 comment posts each at once, all stored, never locked', async () => {
    const dbFile = path.join(dir, 'two.db');
    // Both start at once on a new file: one migrates and seeds, the other finds it done.
    const servers = await Promise.all(
      [0, 1].map(() => startServerProcess({ dbFile, commentModeration: 'auto', captchaText: ANSWER, env: TRUSTED_PROXY })),
    );
    assert.equal(servers.filter((server) => /demo content added/.test(server.output())).length, 1, 'the demo content is added once');
    withDatabase(dbFile, (db) => {
      assert.deepEqual(db.prepare('SELECT title FROM articles GROUP BY title HAVING COUNT(*) > 1').pluck().all(), [], 'no article twice');
      assert.equal(db.prepare('SELECT COUNT(*) FROM users').pluck().get(), 1, 'one first admin');
    });
    const articleIds = visibleArticleIds(dbFile).slice(0, 4);
    const articleOf = (i: number) => articleIds[i % articleIds.length]!;
    const bodyOf = (i: number) => `两个进程同时写入的评论 第${i}条`;
    // Sessions live in the database: a reader who opened the form on one process posts to the other.
    const posters = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const ip = address(4, i);
        const opened = await readyCommenter(servers[i % 2]!, ip, articleOf(i));
        const poster = readerOn(servers[(i + 1) % 2]!, ip);
        poster.setCookie('portal.sid', opened.cookie('portal.sid')!);
        poster.csrfToken = opened.csrfToken;
        return poster;
      }),
    );
    const answers = await Promise.all(posters.map((poster, i) => postComment(poster, articleOf(i), `双进程${i}`, bodyOf(i))));
    assert.equal(answers.filter(commentPublished).length, 200, 'every post acknowledged, none failed');
    const stored = withDatabase(dbFile, (db) => {
      const count = db.prepare('SELECT COUNT(*) FROM comments WHERE body = ?').pluck();
      return posters.map((_, i) => count.get(bodyOf(i)) as number);
    });
    assert.deepEqual(new Set(stored), new Set([1]), 'each of the 200 comments stored exactly once');
    for (const server of servers) {
      assert.doesNotMatch(server.output(), LOCK_ERRORS);
      assert.doesNotMatch(server.output(), SERVER_ERROR_IN_LOG, 'no 5xx in the request log');
    }
    assert.deepEqual(await Promise.all(servers.map((server) => server.stop())), [
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    assert.equal(integrityOf(dbFile), 'ok');
  });
});

/**
 * What the server sends on a raw connection: `interim` settles with the first interim answer
 * (100 Continue) as soon as it is complete, `all` with everything once the server closes.
 */
function readAll(socket: net.Socket): { interim: Promise<string>; all: Promise<string> } {
  let text = '';
  let interimArrived!: (head: string) => void;
  const interim = new Promise<string>((resolve) => (interimArrived = resolve));
  const all = new Promise<string>((resolve, reject) => {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const headEnd = text.indexOf('\r\n\r\n');
      if (headEnd >= 0) interimArrived(text.slice(0, headEnd + 4));
    });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
  all.then(interimArrived, () => interimArrived('')); // no interim answer: the test's match fails
  return { interim, all };
}

/** The final answer in what the server sent: after any interim 1xx answers. */
function finalAnswer(text: string): string {
  return text.replace(/^(?:HTTP\/1\.1 1\d\d [^\r]*\r\n(?:[^\r]+\r\n)*\r\n)+/, '');
}
