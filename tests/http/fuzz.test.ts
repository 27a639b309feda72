// Fuzzing the real server in a child process with malformed and random requests: odd
// methods, paths with %00 / %ff / overlong UTF-8, odd query strings, invalid or duplicate
// headers, content-length mismatches, broken chunked and multipart bodies. Raw node:net
// sockets send what fetch refuses to; fetch sends the well-formed rest (some with a real
// session, CSRF token and captcha answer, or an editor's session, to get past the guards).
// No answer may be a 5xx, the process must stay up with stable memory, and / must still work.
//
// Every random choice comes from one seeded generator (mulberry32, below): a fixed seed on CI
// (CI=true), a new one each run elsewhere. The seed is printed; replay a run with
// FUZZ_SEED=<seed> (FUZZ_CONCURRENCY=1 for the exact order, FUZZ_REQUESTS=<n> for more,
// FUZZ_LOG=<file> to write every request and its answers).
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
  TEST_ADMIN_PASSWORD,
  withDatabase,
  type ServerProcess,
} from '../support/server-process.js';
import { makeTempDir } from '../support/test-app.js';

function wholeNumberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return Number(raw);
}

/** The seed on CI, where a run must be the same every time. */
const CI_SEED = 20261120;
/** A seed of its own for each run elsewhere, from the high-resolution clock (not a random source). */
const freshSeed = () => Number(process.hrtime.bigint() % 2_147_483_648n);
const SEED = wholeNumberFromEnv('FUZZ_SEED', process.env.CI === 'true' ? CI_SEED : freshSeed());
const SEED_SOURCE = process.env.FUZZ_SEED ? 'from FUZZ_SEED' : process.env.CI === 'true' ? 'fixed on CI' : 'new for this run';
console.log(`fuzz seed ${SEED} (${SEED_SOURCE}); replay: FUZZ_SEED=${SEED} node scripts/run-tests.mjs tests/http/fuzz.test.ts`);
const REQUESTS = wholeNumberFromEnv('FUZZ_REQUESTS', 1000); // about 55% raw malformed ones
const CONCURRENCY = Math.max(1, wholeNumberFromEnv('FUZZ_CONCURRENCY', 12));
const RAW_TIMEOUT_MS = 1500; // after the patience: half-closed, then given up
const MAX_RSS_GROWTH_KB = 60 * 1024;
const ANSWER = 'K7PX';
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 fuzz';

// ---- a small seeded PRNG (mulberry32) ----------------------------------------------------

class Random {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  bytes(n: number): Buffer {
    return Buffer.from(Array.from({ length: n }, () => this.int(256)));
  }
  text(n: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-_.~'): string {
    return Array.from({ length: n }, () => alphabet[this.int(alphabet.length)]).join('');
  }
}

// ---- what a request is made of -------------------------------------------------------------

const READER_PATHS = [
  '/',
  '/article/1',
  '/article/2',
  '/article/1/comments',
  '/article/1/comment-form',
  '/category/law',
  '/category/cases',
  '/search',
  '/rank',
  '/polls/1',
  '/polls/1/vote',
  '/captcha',
  '/page/about',
  '/page/comment-rules',
  '/page/set-homepage',
  '/staff',
  '/submit',
  '/submit/thanks',
  '/feed.xml',
  '/category/law/feed.xml',
  '/sitemap.xml',
  '/sitemap-news.xml',
  '/sitemap-pages.xml',
  '/sitemap-articles-1.xml',
  '/robots.txt',
  '/healthz',
  '/css/site.css',
  '/js/site.js',
  '/images/demo/cover-court.jpg',
  '/uploads/none.webp',
  '/vendor/quill/quill.js',
  '/favicon.ico',
  '/article/1/comments',
];
const ADMIN_PATHS = [
  '/admin',
  '/admin/login',
  '/admin/logout',
  '/admin/articles',
  '/admin/articles/new',
  '/admin/articles/1/edit',
  '/admin/articles/1/preview',
  '/admin/articles/1/revisions',
  '/admin/articles/1/revisions/1',
  '/admin/uploads',
  '/admin/comments',
  '/admin/comments/settings',
  '/admin/categories',
  '/admin/categories/1/edit',
  '/admin/polls',
  '/admin/polls/1',
  '/admin/polls/1/edit',
  '/admin/staff',
  '/admin/staff/1/edit',
  '/admin/submissions',
  '/admin/submissions/1',
  '/admin/pages',
  '/admin/pages/about/edit',
  '/admin/settings',
  '/admin/users',
  '/admin/users/1/edit',
  '/admin/audit',
];
const POST_PATHS = [
  '/article/1/comments',
  '/polls/1/vote',
  '/submit',
  '/admin/login',
  '/admin/logout',
  '/admin/articles',
  '/admin/settings',
];
const ODD_SEGMENTS = [
  '%00',
  '%ff',
  '%FF%FE',
  '%c0%af',
  '%e0%80%af',
  '%c0%ae%c0%ae%c0%af',
  '%f8%80%80%80%af',
  '%ed%a0%80',
  '%ef%bf%bf',
  '%2e%2e%2f',
  '%2e%2e',
  '..',
  '.',
  '%',
  '%zz',
  '%2',
  '%25',
  '%u0041',
  '%5c',
  '\\',
  ';',
  ';jsessionid=1',
  '%3B',
  '%0d%0aX-Injected:%201',
  '%20',
  '+',
  '~',
  '%e4%bd%a0%e5%a5%bd',
  '你好',
  '%09',
  '-1',
  '0',
  '00001',
  '1e3',
  '0x10',
  '99999999999999999999999',
  '1.5',
  'NaN',
  'undefined',
  '__proto__',
  'constructor',
  '%2F',
  '%252F',
  '*',
  '@',
  ':',
  'a'.repeat(300),
  '%E2%80%AE',
  '%F0%9F%98%80',
];
const QUERY_KEYS = [
  'q',
  'page',
  'period',
  'category',
  'option',
  'purpose',
  'order',
  'id',
  'status',
  'title',
  '',
  'a[]',
  'a[b]',
  '__proto__',
  '%ff',
  'q%00',
];
const QUERY_VALUES = [
  '',
  '1',
  '2',
  '0',
  '-1',
  '999999999',
  '1e9',
  'abc',
  'day',
  'week',
  'month',
  'all',
  'law',
  'newest',
  'oldest',
  'comment',
  'poll',
  'submission',
  'published',
  'draft',
  '法院',
  '%ff',
  '%00',
  '%',
  '%zz',
  '%c0%af',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '${7*7}',
  '../../etc/passwd',
  'a'.repeat(3000),
  '%e4%b8',
  '+',
  '%20',
  '[]',
  '{}',
];
const CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-8',
  'application/x-www-form-urlencoded; charset=utf-16',
  'application/x-www-form-urlencoded; charset=bogus',
  'multipart/form-data',
  'multipart/form-data; boundary=fuzz',
  'multipart/form-data; boundary=',
  'text/plain',
  'application/json',
  'application/xml',
  'image/png',
  '',
  ';',
  '*/*',
  'application/x-www-form-urlencoded, text/plain',
  'APPLICATION/X-WWW-FORM-URLENCODED',
  'a/b/c',
  '\u00e9/\u00e9',
];
const RAW_METHODS = [
  'GET',
  'GET',
  'GET',
  'POST',
  'POST',
  'HEAD',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'TRACE',
  'CONNECT',
  'PROPFIND',
  'MKCOL',
  'PURGE',
  'SEARCH',
  'LINK',
  'BREW',
  'get',
  'Post',
  'G E T',
  '',
  'GET\u0000',
  'X'.repeat(100),
  'ЖGET',
];
const FETCH_METHODS = ['GET', 'GET', 'GET', 'POST', 'POST', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'PURGE', 'REPORT'];

interface Sessions {
  /** readers who opened a comment form and fetched a comment captcha (answer ANSWER) */
  readers: { cookie: string; csrf: string }[];
  /** a logged-in editor: admin GET pages only, so the fuzz does not rewrite content */
  editor: { cookie: string; csrf: string };
  articleIds: number[];
}

interface FuzzCase {
  description: string;
  /** the statuses of every answer (several when a request smuggled a second one) */
  send(baseUrl: string, port: number): Promise<number[]>;
}

function randomPath(r: Random, sessions: Sessions, bases = READER_PATHS): string {
  let base = r.chance(0.1) ? `/article/${r.pick(sessions.articleIds)}` : r.pick(bases);
  const segments = base.split('/').slice(1);
  const mutations = r.int(3);
  for (let i = 0; i < mutations; i += 1) {
    const at = r.int(segments.length + 1);
    switch (r.int(5)) {
      case 0:
        segments[Math.min(at, segments.length - 1)] = r.pick(ODD_SEGMENTS);
        break;
      case 1:
        segments.splice(at, 0, r.pick(ODD_SEGMENTS));
        break;
      case 2:
        segments.push(r.pick(ODD_SEGMENTS) + r.pick(ODD_SEGMENTS));
        break;
      case 3:
        segments.splice(at, 0, '');
        break;
      default:
        segments[Math.min(at, segments.length - 1)] += r.pick(ODD_SEGMENTS);
    }
  }
  base = `/${segments.join('/')}`;
  if (r.chance(0.03)) base = '/' + 'x/'.repeat(2000 + r.int(3000));
  return base;
}

function randomQuery(r: Random): string {
  if (r.chance(0.4)) return '';
  const pairs = Array.from({ length: 1 + r.int(r.chance(0.1) ? 60 : 4) }, () => {
    const key = r.pick(QUERY_KEYS);
    if (r.chance(0.1)) return key;
    return `${key}=${r.pick(QUERY_VALUES)}`;
  });
  if (r.chance(0.2)) pairs.push(pairs[0]!); // a repeated parameter
  return `?${pairs.join(r.chance(0.1) ? ';' : '&')}${r.chance(0.05) ? '#frag' : ''}`;
}

function formBody(r: Random, reader: Sessions['readers'][number]): string {
  const fields: [string, string][] = [];
  if (r.chance(0.8)) fields.push(['_csrf', r.chance(0.85) ? reader.csrf : r.pick(QUERY_VALUES)]);
  const names = ['nickname', 'body', 'captcha', 'option', 'title', 'content', 'contact', 'name', 'username', 'password', 'email', 'x'];
  for (let i = r.int(6); i > 0; i -= 1) {
    const name = r.pick(names);
    let value = r.pick([...QUERY_VALUES, ANSWER, '1', '2', '3', '张三', '评论内容评论内容', '\u202Eevil\u0007', '😀'.repeat(30)]);
    if (name === 'captcha' && r.chance(0.6)) value = ANSWER;
    fields.push([name, value]);
  }
  if (r.chance(0.1)) fields.push(['option', String(r.int(20))], ['option', String(r.int(20))]);
  const encode = r.chance(0.8) ? encodeURIComponent : (value: string) => value; // raw: bad percent signs and all
  return fields.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
}

function randomBody(r: Random, reader: Sessions['readers'][number], contentType: string): Buffer {
  switch (r.int(8)) {
    case 0:
      return Buffer.alloc(0);
    case 1:
      return r.bytes(r.int(2000));
    case 2:
      return Buffer.from('a=' + 'x'.repeat(33_000 + r.int(100_000))); // over the form size limits
    case 3:
      return Buffer.from(Array.from({ length: 30 + r.int(200) }, (_, i) => `k${i}=${i}`).join('&')); // too many fields
    case 4: {
      const boundary = /boundary=(\S+)/.exec(contentType)?.[1] ?? 'fuzz';
      const parts = [`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${reader.csrf}\r\n`];
      if (r.chance(0.5))
        parts.push(
          `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n${r.bytes(200).toString('latin1')}\r\n`,
        );
      if (r.chance(0.5)) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name=`);
      else parts.push(`--${boundary}--\r\n`);
      return Buffer.from(parts.join(''), 'latin1');
    }
    case 5:
      return Buffer.from(`{"_csrf":${JSON.stringify(reader.csrf)},"nickname":{"$gt":""},"body":["a","b"],"__proto__":{"admin":true}}`);
    default:
      return Buffer.from(formBody(r, reader));
  }
}

function rawCase(r: Random, sessions: Sessions): FuzzCase {
  // A third of the raw requests are wild (every defect is likely); the rest are nearly valid,
  // with a defect or two, so that most of them get past the HTTP parser into the app.
  const wild = r.chance(0.35);
  const odd = (p: number) => r.chance(wild ? Math.min(1, p * 2) : p / 3);
  const reader = r.pick(sessions.readers);
  const editor = r.chance(0.15);
  const method = odd(0.4) ? r.pick(RAW_METHODS) : r.pick(['GET', 'GET', 'POST', 'HEAD']);
  const isPost = method.toUpperCase() === 'POST' || odd(0.2);
  const target = odd(0.06)
    ? r.pick(['*', 'no-slash', `http://127.0.0.1${randomPath(r, sessions)}`, '//double', '/?', ''])
    : randomPath(r, sessions, isPost ? POST_PATHS : editor ? ADMIN_PATHS : READER_PATHS) + randomQuery(r);
  const version = odd(0.3) ? r.pick(['HTTP/1.0', 'HTTP/2.0', 'HTTP/1.', 'HTTP/9.9', 'http/1.1', '']) : 'HTTP/1.1';
  const contentType = r.pick(CONTENT_TYPES);
  let body = isPost || odd(0.1) ? randomBody(r, reader, contentType) : Buffer.alloc(0);
  const headers: string[] = [];
  if (!odd(0.05))
    headers.push(`Host: ${odd(0.3) ? r.pick(['localhost', 'evil.example', '', '[::1]:1', 'a'.repeat(300), 'a b']) : '127.0.0.1'}`);
  if (odd(0.05)) headers.push('Host: second.example');
  if (!odd(0.1)) headers.push(`User-Agent: ${odd(0.3) ? r.pick(['curl/8', 'Googlebot/2.1', '', 'x'.repeat(2000)]) : USER_AGENT}`);
  if (r.chance(0.7))
    headers.push(
      `Cookie: ${editor ? sessions.editor.cookie : !odd(0.3) ? reader.cookie : r.pick(['portal.sid=s%3Agarbage.sig', 'portal.sid=', 'portal.sid=%ff%00', 'a=b; a=c', `portal.sid=${'z'.repeat(3000)}`])}`,
    );
  if (body.length > 0 || r.chance(0.2)) headers.push(`Content-Type: ${odd(0.5) ? contentType : 'application/x-www-form-urlencoded'}`);
  if (odd(0.05)) headers.push(`Content-Type: ${r.pick(CONTENT_TYPES)}`); // a second one
  if (r.chance(0.3))
    headers.push(
      `X-Forwarded-For: ${odd(0.4) ? r.pick(['unknown', '', '999.1.1.1', '::1, 10.0.0.1', 'a'.repeat(200), '1.1.1.1,,,']) : `10.${r.int(256)}.${r.int(256)}.${r.int(256)}`}`,
    );
  if (r.chance(0.1)) headers.push(`X-Forwarded-Proto: ${r.pick(['https', 'http', 'gopher', ''])}`);
  if (r.chance(0.1)) headers.push(`X-CSRF-Token: ${r.chance(0.5) ? reader.csrf : r.text(40)}`);
  if (odd(0.1))
    headers.push(
      `Range: ${r.pick(['bytes=0-10', 'bytes=abc', 'bytes=-1', 'bytes=5-1', 'bytes=0-1,2-3,4-5', 'lines=1-2', 'bytes=99999999999999999999-'])}`,
    );
  if (odd(0.1)) headers.push(`If-Modified-Since: ${r.pick(['garbage', 'Thu, 01 Jan 1970 00:00:00 GMT', ''])}`);
  if (odd(0.1)) headers.push(`If-None-Match: ${r.pick(['*', '"x"', 'W/', ''])}`);
  if (odd(0.1)) headers.push(`Accept-Encoding: ${r.pick(['gzip', 'br;q=2', '*;q=0', 'x'.repeat(500)])}`);
  if (odd(0.1)) headers.push(`Content-Encoding: ${r.pick(['gzip', 'deflate', 'br', 'identity', 'bogus'])}`);
  if (odd(0.05)) headers.push(`X-Huge: ${'h'.repeat(17_000 + r.int(20_000))}`);
  if (odd(0.05)) for (let i = 0; i < 150; i += 1) headers.push(`X-Many-${i}: ${i}`);
  if (odd(0.08))
    headers.push(
      r.pick(['X-Bad\u0001: y', 'Bad Header: x', ': empty-name', 'X-Nul: a\u0000b', 'X-Folded: a\r\n b', 'NoColon', 'X-Utf8: 你好']),
    );
  if (odd(0.05)) headers.push('Expect: 100-continue');
  if (odd(0.05)) headers.push(`Connection: ${r.pick(['close', 'keep-alive', 'upgrade', 'Upgrade, HTTP2-Settings'])}`);
  if (odd(0.03)) headers.push('Upgrade: websocket');

  let framing = 'content-length';
  let incomplete = false; // the server may wait for more body than is sent
  const roll = r.next() * (wild ? 1 : 2);
  if (roll < 0.15) {
    framing = 'chunked';
    headers.push(`Transfer-Encoding: ${r.pick(['chunked', 'chunked', 'gzip, chunked', 'chunked, gzip', 'Chunked', 'identity'])}`);
    if (r.chance(0.2)) headers.push(`Content-Length: ${body.length}`); // both: a smuggling attempt
    body = chunk(r, body);
    incomplete = true;
  } else if (roll < 0.45) {
    framing = 'mismatch';
    incomplete = true;
    headers.push(
      `Content-Length: ${r.pick([String(body.length + 1 + r.int(500)), String(Math.max(0, body.length - 1 - r.int(20))), '-1', 'abc', '99999999999999999999', '1e3', ' 5', `${body.length}, ${body.length + 1}`])}`,
    );
    if (r.chance(0.2)) headers.push(`Content-Length: ${body.length}`);
  } else if (body.length > 0 || r.chance(0.3)) {
    headers.push(`Content-Length: ${body.length}`);
  }
  const eol = odd(0.05) ? '\n' : '\r\n';
  const head = `${method} ${target} ${version}`.trimEnd() + eol + headers.join(eol) + eol + eol;
  const bytes = Buffer.concat([Buffer.from(head, odd(0.1) ? 'latin1' : 'utf8'), body]);
  const description = `raw${wild ? ' (wild)' : ''} ${JSON.stringify(head.slice(0, 300))} + ${body.length} body bytes (${framing})`;
  return { description, send: (_baseUrl, port) => sendRaw(port, bytes, method === 'HEAD', incomplete ? 500 : 3000) };
}

function chunk(r: Random, body: Buffer): Buffer {
  const pieces: Buffer[] = [];
  for (let at = 0; at < body.length;) {
    const size = 1 + r.int(Math.max(1, body.length - at));
    const sizeLine = r.chance(0.1) ? r.pick(['zz', '-1', 'fffffffffffffffff', `${size.toString(16)};ext=1`, '']) : size.toString(16);
    pieces.push(Buffer.from(`${sizeLine}\r\n`), body.subarray(at, at + size), Buffer.from(r.chance(0.05) ? '' : '\r\n'));
    at += size;
  }
  if (!r.chance(0.1)) pieces.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(pieces);
}

function fetchCase(r: Random, sessions: Sessions): FuzzCase {
  const reader = r.pick(sessions.readers);
  const method = r.pick(FETCH_METHODS);
  const asEditor = method === 'GET' && r.chance(0.3); // editors only read: the fuzz does not rewrite content
  const sendsBody = method !== 'GET' && method !== 'HEAD';
  const target = randomPath(r, sessions, asEditor ? ADMIN_PATHS : sendsBody && r.chance(0.7) ? POST_PATHS : READER_PATHS) + randomQuery(r);
  const headers: Record<string, string> = { 'user-agent': r.pick([USER_AGENT, 'Googlebot/2.1', 'x'.repeat(1000)]) };
  if (asEditor) headers.cookie = sessions.editor.cookie;
  else if (r.chance(0.7)) headers.cookie = reader.cookie;
  if (r.chance(0.3)) headers['x-forwarded-for'] = `10.${r.int(256)}.${r.int(256)}.${r.int(256)}`;
  if (r.chance(0.1)) headers['x-csrf-token'] = reader.csrf;
  if (r.chance(0.1)) headers.accept = r.pick(['application/json', 'text/html;q=0', '*/*', 'image/webp']);
  if (r.chance(0.1)) headers['accept-language'] = r.pick(['zh-CN', 'xx;q=abc', '*']);
  if (r.chance(0.1)) headers.referer = r.pick(['http://evil.example/', 'javascript:alert(1)', '%ff']);
  let body: Buffer | undefined;
  if (sendsBody) {
    const contentType = r.pick(CONTENT_TYPES.filter((type) => /^[\x20-\x7e]*$/.test(type)));
    if (contentType) headers['content-type'] = contentType;
    body = randomBody(r, reader, contentType);
  }
  const description = `fetch ${method} ${target} ${JSON.stringify({ ...headers, cookie: headers.cookie ? '(session)' : undefined })} + ${body?.length ?? 0} body bytes`;
  return {
    description,
    async send(baseUrl) {
      const response = await fetch(baseUrl + target, { method, headers, body: body && new Uint8Array(body), redirect: 'manual' });
      await response.arrayBuffer();
      return [response.status];
    },
  };
}

const TEXT_PIECES = [
  '读者',
  '评论内容',
  '法治',
  'abc',
  ' ',
  '\r\n',
  '\n',
  '\t',
  '\u0000',
  '\u0007',
  '\u202E',
  '\u200F',
  '\u200B',
  '\uFEFF',
  '\uD800',
  '😀',
  '👨‍👩‍👧',
  '🏽',
  'é',
  'e\u0301',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:',
  '&amp;',
  '%',
  '%00',
  "'; DROP TABLE comments; --",
  'http://a.example/ ',
  'https://b.example/',
  'www.c.example',
  '${{7*7}}',
  '<%= 7*7 %>',
];

function randomText(r: Random): string {
  if (r.chance(0.05)) return '字'.repeat(r.pick([999, 1000, 1001, 10_000, 10_001]));
  if (r.chance(0.05)) return r.bytes(r.int(100)).toString('latin1');
  return Array.from({ length: r.int(12) }, () => r.pick(TEXT_PIECES)).join('');
}

/** A well-formed form post with a fresh captcha for the reader: random but plausible field values, to reach the handlers. */
function formCase(r: Random, sessions: Sessions): FuzzCase {
  const reader = r.pick(sessions.readers);
  const kind = r.pick(['comment', 'comment', 'submission', 'poll'] as const);
  const articleId = r.pick(sessions.articleIds);
  const target =
    kind === 'comment' ? `/article/${articleId}/comments` : kind === 'submission' ? '/submit' : `/polls/${r.pick([1, 1, 2, 999])}/vote`;
  const names = kind === 'comment' ? ['nickname', 'body'] : kind === 'submission' ? ['name', 'contact', 'title', 'body'] : [];
  const fields: [string, string][] = [['_csrf', reader.csrf]];
  for (const name of names) if (!r.chance(0.05)) fields.push([name, randomText(r)]);
  if (kind !== 'poll') fields.push(['captcha', r.chance(0.8) ? r.pick([ANSWER, ANSWER.toLowerCase(), ` ${ANSWER} `]) : randomText(r)]);
  else
    for (let i = r.chance(0.2) ? 2 : 1; i > 0; i -= 1)
      fields.push(['option', r.pick(['1', '2', '3', '4', '5', '0', '-1', 'x', '999999999999', ''])]);
  if (r.chance(0.1)) fields.push([r.pick(names.length ? names : ['option']), randomText(r)]); // a repeated field
  const body = new URLSearchParams(fields).toString();
  const headers = {
    'user-agent': USER_AGENT,
    cookie: reader.cookie,
    'x-forwarded-for': `10.${r.int(256)}.${r.int(256)}.${r.int(256)}`,
    'content-type': 'application/x-www-form-urlencoded',
  };
  return {
    description: `form POST ${target} ${JSON.stringify(body.slice(0, 300))}`,
    async send(baseUrl) {
      if (kind !== 'poll') {
        const captcha = await fetch(`${baseUrl}/captcha?purpose=${kind}`, { headers });
        await captcha.arrayBuffer();
      }
      const response = await fetch(baseUrl + target, { method: 'POST', headers, body, redirect: 'manual' });
      await response.arrayBuffer();
      return [response.status];
    },
  };
}

/**
 * Writes the bytes on a fresh connection and reads the answers (several when a second request
 * was smuggled in). A request the server is still waiting on (a body shorter than announced)
 * gets `patienceMs`; then the connection is half-closed and, a moment later, closed.
 */
function sendRaw(port: number, bytes: Buffer, isHead: boolean, patienceMs: number): Promise<number[]> {
  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    let done = false;
    let idle: NodeJS.Timeout | undefined;
    const socket = net.connect(port, '127.0.0.1');
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(idle);
      clearTimeout(patience);
      clearTimeout(deadline);
      socket.destroy();
      resolve(parseResponses(received, isHead).statuses);
    };
    const patience = setTimeout(() => socket.end(), patienceMs);
    const deadline = setTimeout(finish, patienceMs + RAW_TIMEOUT_MS);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      clearTimeout(idle);
      // A complete answer: wait a moment for a second one, then stop (the connection may stay open).
      if (parseResponses(received, isHead).complete) idle = setTimeout(finish, 60);
    });
    socket.on('close', finish);
    socket.on('error', () => undefined); // a reset ends it too: the answers read so far count
    socket.write(bytes);
  });
}

/** The statuses of the HTTP/1.x answers in the bytes, and whether the last one is complete. */
function parseResponses(bytes: Buffer, isHead: boolean): { statuses: number[]; complete: boolean } {
  const statuses: number[] = [];
  let at = 0;
  let complete = false;
  while (at < bytes.length) {
    const headEnd = bytes.indexOf('\r\n\r\n', at);
    if (headEnd < 0) return { statuses, complete: false };
    const head = bytes.toString('latin1', at, headEnd);
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(head);
    if (!status) return { statuses, complete: true }; // not HTTP: nothing more to read
    const code = Number(status[1]);
    statuses.push(code);
    at = headEnd + 4;
    if (code < 200) continue; // 100 Continue: the real answer follows
    if (isHead || code === 204 || code === 304) {
      complete = true;
    } else if (/\r\ntransfer-encoding:[^\r]*chunked/i.test(head)) {
      while (true) {
        const lineEnd = bytes.indexOf('\r\n', at);
        if (lineEnd < 0) return { statuses, complete: false };
        const size = parseInt(bytes.toString('latin1', at, lineEnd), 16);
        if (Number.isNaN(size)) return { statuses, complete: true };
        at = lineEnd + 2 + size + 2;
        if (at > bytes.length) return { statuses, complete: false };
        if (size === 0) break;
      }
      complete = true;
    } else {
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      if (!length) return { statuses, complete: false }; // a body until the server closes
      at += Number(length[1]);
      if (at > bytes.length) return { statuses, complete: false };
      complete = true;
    }
  }
  return { statuses, complete };
}

function signedCookie(reader: ReaderSession): string {
  return `portal.sid=${reader.cookie('portal.sid')}`;
}

// ---- the test ------------------------------------------------------------------------------

describe(`fuzzing the real server (FUZZ_SEED=${SEED})`, () => {
  let dir: string;
  let server: ServerProcess;
  let sessions: Sessions;

  before(async () => {
    dir = makeTempDir('portal-fuzz-');
    const dbFile = path.join(dir, 'portal.db');
    // A small page cache: random search terms fill it with real pages, and its bound (64 MB by
    // default) would hide a leak from the memory check.
    server = await startServerProcess({
      dbFile,
      captchaText: ANSWER,
      captchaRequestsPerMinute: 100_000,
      env: { TRUST_PROXY: 'loopback', PAGE_CACHE_MB: '4' },
    });
    const app = remoteApp(server.baseUrl);
    const articleIds = withDatabase(
      dbFile,
      (db) => db.prepare("SELECT id FROM articles WHERE status = 'published' ORDER BY id LIMIT 20").pluck().all() as number[],
    );
    const readers = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const reader = new ReaderSession(app, { 'user-agent': USER_AGENT, 'x-forwarded-for': `10.200.0.${i}` });
        await reader.openCommentForm(articleIds[i % articleIds.length]!);
        for (const purpose of ['comment', 'submission', 'poll']) await (await reader.captcha(purpose)).arrayBuffer();
        assert.ok(reader.csrfToken && reader.hasSession());
        return { cookie: signedCookie(reader), csrf: reader.csrfToken };
      }),
    );
    const editor = new ReaderSession(app, { 'user-agent': USER_AGENT, 'x-forwarded-for': '10.200.1.1' });
    await editor.get('/admin/login');
    const login = await editor.post('/admin/login', { _csrf: editor.csrfToken, username: 'admin', password: TEST_ADMIN_PASSWORD });
    assert.equal(login.status, 303, 'the editor logs in');
    await editor.get('/admin');
    sessions = { readers, editor: { cookie: signedCookie(editor), csrf: editor.csrfToken }, articleIds };
  });
  after(async () => {
    await stopServerProcesses();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`${REQUESTS} random and malformed requests: no 5xx, the process stays up, memory stays flat`, async (t) => {
    t.diagnostic(`seed ${SEED} (${SEED_SOURCE}): replay with FUZZ_SEED=${SEED} (FUZZ_CONCURRENCY=1 for the exact order)`);
    const r = new Random(SEED);
    const cases = Array.from({ length: REQUESTS }, () => {
      const roll = r.next();
      return roll < 0.55 ? rawCase(r, sessions) : roll < 0.85 ? fetchCase(r, sessions) : formCase(r, sessions);
    });
    const statuses = new Map<string, number>();
    const serverErrors: string[] = [];
    const clientErrors: string[] = [];
    let noAnswer = 0;
    let rssBefore = 0;

    // Memory is compared from the end of a warm-up (the first quarter: templates compiled,
    // caches, V8's heap and sharp's buffers grown to their working size) to the end.
    const warmUp = Math.floor(REQUESTS / 4);
    for (let start = 0; start < cases.length; start += CONCURRENCY) {
      if (start >= warmUp && rssBefore === 0) rssBefore = server.rssKb();
      const batch = cases.slice(start, start + CONCURRENCY);
      await Promise.all(
        batch.map(async (fuzz, i) => {
          try {
            const answers = await fuzz.send(server.baseUrl, server.port);
            if (answers.length === 0) noAnswer += 1;
            if (process.env.FUZZ_LOG)
              fs.appendFileSync(process.env.FUZZ_LOG, `#${start + i}\t${answers.join(',') || '-'}\t${fuzz.description}\n`);
            for (const status of answers) {
              statuses.set(String(status), (statuses.get(String(status)) ?? 0) + 1);
              if (status >= 500) serverErrors.push(`#${start + i} ${status}: ${fuzz.description}`);
            }
          } catch (err) {
            clientErrors.push(
              `#${start + i} ${(err as Error).message} ${(err as { cause?: Error }).cause?.message ?? ''}: ${fuzz.description}`,
            );
          }
        }),
      );
      if (server.hasExited())
        assert.fail(`the server exited after request #${start}: ${JSON.stringify(await server.exited)}\n${server.output()}`);
    }
    const rssAfter = server.rssKb();
    t.diagnostic(
      `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; closed without an answer ${noAnswer}; fetch errors ${clientErrors.length}`,
    );
    t.diagnostic(`VmRSS ${Math.round(rssBefore / 1024)} MB -> ${Math.round(rssAfter / 1024)} MB`);

    assert.deepEqual(
      serverErrors,
      [],
      `5xx answers (seed ${SEED}):\n${serverErrors.join('\n')}\n--- server output ---\n${server.output().slice(-5000)}`,
    );
    assert.deepEqual(clientErrors, [], `fetch requests that got no answer (seed ${SEED})`);
    assert.equal(server.hasExited(), false, 'the server is still running');
    assert.ok(rssAfter - rssBefore < MAX_RSS_GROWTH_KB, `memory grew by ${Math.round((rssAfter - rssBefore) / 1024)} MB (seed ${SEED})`);
    const home = await fetch(`${server.baseUrl}/`, { headers: { 'user-agent': USER_AGENT } });
    assert.equal(home.status, 200, 'the home page still works');
    await home.arrayBuffer();
    assert.doesNotMatch(server.output(), SERVER_ERROR_IN_LOG, 'no 5xx in the server log');
    assert.doesNotMatch(server.output(), /Error:/, 'no errors in the server log');
  });
});
