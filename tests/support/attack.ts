// Helpers for the attack battery (issue 7): a parsed-HTML check that nothing on a page could
// run script, raw HTTP requests (paths and heads exactly as written, which fetch would
// normalise or refuse), modest parallelism, and the injection strings shared by the tests.
import assert from 'node:assert/strict';
import net from 'node:net';
import type { CheerioAPI } from 'cheerio';
import type { ReaderSession } from './browser-session.js';
import { commentCount } from './records.js';
import type { Page, TestApp } from './test-app.js';

/** Attributes whose value is a URL a browser may load, navigate to or run. */
const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'background',
  'poster',
  'lowsrc',
  'dynsrc',
  'codebase',
  'cite',
  'ping',
  'srcset',
  'longdesc',
  'usemap',
  'manifest',
  'icon',
  'archive',
  'classid',
];
/** Elements that run or embed active content, animate attributes, or only appear when markup broke out. */
const FORBIDDEN_ELEMENTS = new Set([
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'isindex',
  'bgsound',
  'animate',
  'set',
  'animatetransform',
  'animatemotion',
  'handler',
  'listener',
  'foreignobject',
  'math',
  'style',
  'xmp',
  'plaintext',
  'listing',
  'noembed',
  'noframes',
  'marquee',
  'portal',
  'template',
  'xss',
]);
const DANGEROUS_SCHEME = /^(?:javascript|vbscript|livescript|mocha|data):/;
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpeg|webp);/;

/** A URL as a browser reads its scheme: ASCII whitespace and controls removed, lower case. */
function schemeView(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

/** A same-site path: a single '/' followed by something other than '/' or '\'. */
export function isSameSitePath(value: string): boolean {
  return /^\/(?![/\\])/.test(value.trim());
}

interface ElementLike {
  tagName: string;
  attribs: Record<string, string>;
}

function describeElement(element: ElementLike): string {
  const attributes = Object.entries(element.attribs)
    .map(([name, value]) => `${name}="${value.slice(0, 60)}"`)
    .join(' ');
  return `<${element.tagName}${attributes ? ` ${attributes}` : ''}>`;
}

/**
 * Everything on the parsed page that could run script: scripts other than the page's own
 * (same-site files, or JSON-LD that parses and cannot end its element), on* attributes,
 * javascript:/vbscript:/data: URLs, srcdoc, frames other than the site's own, plugins,
 * SVG animation, inline styles with script, meta refresh. Empty when the page is safe.
 */
/** SVG the site itself draws on every article page (views/articles/_share.ejs). */
const SITE_DRAWN_SVG = 'svg.share-qr-code';

export function scriptVectors($: CheerioAPI, options: { allowSvg?: string } = {}): string[] {
  const problems: string[] = [];
  $.root()
    .find('*')
    .each((_, element) => {
      const name = element.tagName.toLowerCase();
      const label = describeElement(element);
      if (name === 'script') {
        const src = element.attribs.src;
        const inline = $(element).text();
        const type = (element.attribs.type ?? '').toLowerCase();
        if (src !== undefined) {
          if (!isSameSitePath(src) || src.startsWith('/uploads/') || inline.trim() !== '') problems.push(`foreign script ${label}`);
        } else if (type === 'application/ld+json') {
          if (/<\/?script|<!--/i.test(inline)) problems.push(`JSON-LD can end its element: ${inline.slice(0, 80)}`);
          try {
            JSON.parse(inline);
          } catch {
            problems.push(`JSON-LD does not parse (markup broke into it): ${inline.slice(0, 80)}`);
          }
        } else {
          problems.push(`inline script ${label}${inline.slice(0, 60)}`);
        }
      }
      if (FORBIDDEN_ELEMENTS.has(name)) problems.push(`element ${label}`);
      // the 分享 block's QR code is drawn by the server from numbers only; its children are checked like any element
      const allowed = options.allowSvg ? `${options.allowSvg}, ${SITE_DRAWN_SVG}` : SITE_DRAWN_SVG;
      if (name === 'svg' && !$(element).is(allowed)) problems.push(`element ${label}`);
      if (name === 'iframe' && !isSameSitePath(element.attribs.src ?? '')) problems.push(`foreign frame ${label}`);
      if (name === 'base' && element.attribs.href !== undefined) problems.push(`base URL ${label}`);
      if (name === 'meta' && /refresh/i.test(element.attribs['http-equiv'] ?? '')) problems.push(`meta refresh ${label}`);
      if (name === 'link' && /import/i.test(element.attribs.rel ?? '')) problems.push(`HTML import ${label}`);
      for (const [attribute, value] of Object.entries(element.attribs)) {
        const key = attribute.toLowerCase();
        if (key.startsWith('on')) problems.push(`event handler ${key} on ${label}`);
        if (key === 'srcdoc') problems.push(`srcdoc on ${label}`);
        if (key === 'style' && /expression\s*\(|javascript:|vbscript:|behavior\s*:|-moz-binding/i.test(schemeView(value))) {
          problems.push(`scripted style on ${label}`);
        }
        if (URL_ATTRIBUTES.includes(key) || key.endsWith(':href')) {
          const urls = key === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value];
          for (const url of urls) {
            const scheme = schemeView(url);
            if (DANGEROUS_SCHEME.test(scheme) && !(name === 'img' && key === 'src' && SAFE_DATA_IMAGE.test(scheme))) {
              problems.push(`${key}=${JSON.stringify(url.slice(0, 60))} on ${label}`);
            }
          }
        }
      }
    });
  return problems;
}

export function assertNoScriptVectors($: CheerioAPI, where: string, options?: { allowSvg?: string }): void {
  const problems = scriptVectors($, options);
  assert.deepEqual(problems, [], `${where}: markup that could run script:\n  ${problems.join('\n  ')}`);
}

/**
 * Text as compared after an HTML parser read it: CR/CRLF become LF, and NUL is dropped (in
 * text) or becomes U+FFFD (in attributes and textareas), so both are left out on either side.
 */
export function asParsed(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000\uFFFD]/g, '');
}

/** The text shown equals the text stored (as a parser reads it). */
export function assertSameText(actual: string | undefined, expected: string, message: string): void {
  assert.equal(actual === undefined ? undefined : asParsed(actual), asParsed(expected), message);
}

/** A short, printable name of a payload for assertion messages. */
/** The first `max` characters (code points) of a text, as the form's length limit would keep. */
export const cut = (text: string, max: number): string => Array.from(text).slice(0, max).join('');

/** Posts /submit with the payload in every field (each within its length limit); the reader holds a solved captcha. */
export function postSubmission(reader: ReaderSession, index: number, payload: string, captcha: string): Promise<Page> {
  return reader.post('/submit', {
    _csrf: reader.csrfToken,
    captcha,
    name: cut(payload, 40),
    contact: cut(`x@example.org ${payload}`, 100),
    title: cut(`${index} ${payload}`, 100),
    body: `${index} 投稿正文足够长足够长足够长足够长足够长 ${payload}`,
  });
}

export function label(payload: string): string {
  const shown = JSON.stringify(payload);
  return shown.length > 90 ? `${shown.slice(0, 87)}…` : shown;
}

/** Runs fn over items with at most `limit` running at once; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  text: string;
}

/**
 * Sends bytes exactly as given over a new TCP connection and reads the answer until the
 * server closes it (the request should say `Connection: close`). Decodes chunked bodies.
 */
export function rawHttp(baseUrl: string, request: string | Buffer, timeoutMs = 10_000): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer in ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // the server may close while we are still writing a body it refused (EPIPE/ECONNRESET)
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') {
        clearTimeout(timer);
        reject(error);
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const headEnd = all.indexOf('\r\n\r\n');
      if (headEnd < 0) return reject(new Error(`no HTTP answer (${all.length} bytes): ${all.toString('latin1').slice(0, 200)}`));
      const [statusLine = '', ...lines] = all.subarray(0, headEnd).toString('latin1').split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      let body: Buffer = all.subarray(headEnd + 4);
      if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
      resolve({ status, headers, body, text: body.toString('utf8') });
    });
    socket.write(request);
  });
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < data.length) {
    const lineEnd = data.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = parseInt(data.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!size) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** A GET with the request target exactly as given (no dot-segment removal, no re-encoding). */
export function rawGet(baseUrl: string, target: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { host } = new URL(baseUrl);
  const lines = [`GET ${target} HTTP/1.1`, `Host: ${host}`, 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return rawHttp(baseUrl, `${lines.join('\r\n')}\r\n\r\n`);
}

/** The server still answers the home page with 200 (after an attack class). */
export async function assertStillServing(t: TestApp, after: string): Promise<void> {
  const response = await fetch(`${t.baseUrl}/`, { redirect: 'manual' });
  await response.arrayBuffer();
  assert.equal(response.status, 200, `GET / after ${after}`);
}

/**
 * Row counts of the content tables, and the schema, to show nothing was dropped or changed.
 * Counted through the repositories where one counts the table; t.sql counts the rest (votes,
 * revisions, uploads) and lists the schema's objects.
 */
export async function contentSnapshot(t: TestApp): Promise<Record<string, unknown>> {
  const read = t.storage.repositories;
  const polls = await read.polls.listForAdmin(await read.polls.count(), 0);
  const users = await read.users.listAll();
  const counted: Record<string, number> = {
    articles: await read.articles.count(),
    comments: await commentCount(read),
    categories: (await read.categories.listAll()).length,
    users: await read.users.count(),
    polls: polls.length,
    poll_options: polls.reduce((sum, poll) => sum + poll.optionCount, 0),
    staff: await read.staff.countSearch(''),
    pages: (await read.pages.listAll()).length,
    submissions: await read.submissions.count(),
    sensitive_words: (await read.sensitiveWords.listAll()).length,
  };
  for (const table of ['poll_votes', 'article_revisions', 'uploads']) {
    counted[table] = Number(await t.sql.value(`SELECT COUNT(*) FROM ${table}`));
  }
  return {
    ...counted,
    schema: await t.sql.schema(),
    userHashes: users.map((user) => `${user.id}${user.role}${user.passwordHash}`),
  };
}

/** Error text that must never reach a client (SQL or template engine internals). */
export const LEAKED_INTERNALS =
  /SQLITE_|SqliteError|syntax error|no such (?:table|column|function)|unrecognized token|fts5:|malformed MATCH|__output|__append|escapeFn|ReferenceError|TypeError|at [\w.<>]+ \(\/|node_modules/;

/** SQL-injection strings for every route and query parameter. */
export const SQL_INJECTIONS = [
  "' OR 1=1--",
  "' OR '1'='1",
  '" OR ""="',
  '1 OR 1=1',
  '1; DROP TABLE articles',
  "1'; DROP TABLE comments; --",
  '" UNION SELECT username, password_hash FROM users--',
  "' UNION SELECT NULL,NULL,NULL,NULL--",
  "1' AND (SELECT COUNT(*) FROM sqlite_master)>0--",
  "' || (SELECT password_hash FROM users LIMIT 1) || '",
  "'; ATTACH DATABASE '/tmp/attack.db' AS x; --",
  '1)) OR ((1=1',
  "admin'--",
  '1/**/OR/**/1=1',
  '%27',
  '%27%20OR%201%3D1--',
  '1 AND randomblob(1000000000)',
  '-1',
  '0',
  '1e3',
  '0x10',
  '99999999999999999999999',
  '1.5',
  ' 1',
  '\u0000',
  '\\',
  // FTS5 query syntax for the search index
  'NEAR(法院 检察)',
  '"法院" OR "*"',
  '法院* AND ^检察 NOT -x',
  'title:法院',
  '{title body}:法院',
  '"',
  '*',
];

/** `next` values for the login redirect that must never leave the site. */
export const OPEN_REDIRECT_NEXTS = [
  '//evil.example',
  'https://evil.example',
  'http://evil.example/admin',
  '/\\evil.example',
  '\\\\evil.example',
  '%2F%2Fevil.example',
  '%252F%252Fevil.example',
  '///evil.example',
  '/%2F/evil.example',
  '/%5Cevil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '\t//evil.example',
  ' //evil.example',
  '/\t/evil.example',
  '/admin\r\nLocation: https://evil.example',
  '/admin%0d%0aLocation:%20https://evil.example',
  '/admin//evil.example',
  '/admin/\\evil.example',
  '/admin/../..//evil.example',
  '/admin@evil.example',
  'http:evil.example',
  '//evil.example/admin',
  '/admin?next=//evil.example',
  '/admin#//evil.example',
  '\u3002evil.example',
  '//evil%E3%80%82example',
];
