// Attack battery (issue 7), malformed and oversized requests over the real HTTP server:
// bodies past the form and upload limits (413), oversized heads (431), malformed url-encoded
// forms (400/413/422), malformed multipart on the admin upload routes (4xx), path traversal
// on the static and upload folders (4xx, never the file), and the server keeps serving.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { loggedIn } from '../support/admin.js';
import { assertStillServing, contentSnapshot, rawGet, rawHttp } from '../support/attack.js';
import { ReaderSession } from '../support/browser-session.js';
import { firstPollId } from '../support/records.js';
import { makeTestApp, type TestApp } from '../support/test-app.js';

const KB = 1024;
const MB = 1024 * KB;

describe('attack battery: bad bodies, heads and paths', () => {
  let t: TestApp;
  let articleId: number;
  let pollId: number;
  let admin: ReaderSession;
  let png: Buffer;

  before(async () => {
    t = await makeTestApp({ captchaText: () => 'K7PX' });
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    articleId = newest!.id;
    pollId = await firstPollId(t.storage.repositories);
    admin = await loggedIn(t, 'admin');
    png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#883322' } })
      .png()
      .toBuffer();
  });
  after(() => t?.close());

  /** A POST with exactly this body and content type, as the admin (cookie and CSRF header) or anonymously. */
  async function post(
    urlPath: string,
    body: string | Buffer,
    contentType: string,
    options: { asAdmin?: boolean; headers?: Record<string, string> } = {},
  ) {
    const cookie = options.asAdmin ? admin.cookie('portal.sid') : undefined;
    const response = await fetch(t.baseUrl + urlPath, {
      method: 'POST',
      redirect: 'manual',
      body: typeof body === 'string' ? body : new Uint8Array(body),
      headers: {
        'content-type': contentType,
        ...(cookie ? { cookie: `portal.sid=${cookie}`, 'x-csrf-token': admin.csrfToken } : {}),
        ...options.headers,
      },
    });
    return { status: response.status, text: await response.text() };
  }
  const FORM = 'application/x-www-form-urlencoded';

  describe('oversized bodies', () => {
    it('url-encoded forms past their limits: 413 (also chunked); a stalled 100 MB declaration blocks nobody', async () => {
      const before = await contentSnapshot(t);
      const filler = (bytes: number) => `x=${'a'.repeat(bytes)}`;
      const cases: [string, number, boolean][] = [
        [`/article/${articleId}/comments`, 40 * KB, false],
        ['/submit', 130 * KB, false],
        [`/polls/${pollId}/vote`, 5 * KB, false],
        ['/admin/login', 9 * KB, false],
        ['/admin/comments/bulk', 17 * KB, true],
        [`/admin/articles/${articleId}/trash`, 5 * KB, true],
        ['/admin/settings', 17 * KB, true],
        ['/admin/staff', 17 * KB, true],
        ['/admin/categories', 17 * KB, true],
        ['/admin/users', 9 * KB, true],
      ];
      for (const [urlPath, bytes, asAdmin] of cases) {
        assert.equal((await post(urlPath, filler(bytes), FORM, { asAdmin })).status, 413, `${urlPath} with ${bytes / KB} KB`);
      }
      const host = new URL(t.baseUrl).host;
      // a declared 100 MB body that never comes: the server goes on serving others meanwhile
      const { hostname, port } = new URL(t.baseUrl);
      const hanging = net.connect(Number(port), hostname);
      hanging.on('error', () => {});
      hanging.write(
        `POST /article/${articleId}/comments HTTP/1.1\r\nHost: ${host}\r\nContent-Type: ${FORM}\r\nContent-Length: 104857600\r\n\r\nnickname=a&body=bb`,
      );
      await assertStillServing(t, 'a request that declared 100 MB and stalled');
      hanging.destroy();
      const chunk = 'a'.repeat(16 * KB);
      const chunked = `POST /submit HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\nContent-Type: ${FORM}\r\nTransfer-Encoding: chunked\r\n\r\n${`${(16 * KB).toString(16)}\r\n${chunk}\r\n`.repeat(10)}0\r\n\r\n`;
      assert.equal((await rawHttp(t.baseUrl, chunked)).status, 413, 'a chunked body past the limit');
      assert.deepEqual(await contentSnapshot(t), before);
      await assertStillServing(t, 'oversized forms');
    });

    it('uploads past their limits: 413 (image, cover, staff photo, long editor fields)', async () => {
      const before = await contentSnapshot(t);
      const big = Buffer.alloc(9 * MB, 1);
      png.copy(big, 0, 0, 16);
      const file = (field: string, bytes: Buffer, name = 'big.png') => {
        const form = new FormData();
        form.append('_csrf', admin.csrfToken);
        form.append(field, new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name);
        return form;
      };
      const send = (urlPath: string, form: FormData) => admin.postMultipart(urlPath, form, { 'x-csrf-token': admin.csrfToken });
      assert.equal((await send('/admin/uploads', file('image', big))).status, 413, '9 MB image');
      assert.equal((await send('/admin/articles', file('cover', big))).status, 413, '9 MB cover');
      assert.equal((await send('/admin/staff', file('photoFile', big))).status, 413, '9 MB staff photo');
      const longBody = new FormData();
      for (const [k, v] of Object.entries({ _csrf: admin.csrfToken, title: '超长正文', categoryId: '1', status: 'draft', version: '0' }))
        longBody.append(k, v);
      longBody.append('bodyHtml', `<p>${'长'.repeat(400 * KB)}</p>`);
      assert.equal((await send('/admin/articles', longBody)).status, 413, 'a body HTML field over 1 MB');
      const longStaff = new FormData();
      longStaff.append('_csrf', admin.csrfToken);
      longStaff.append('name', '长'.repeat(2 * KB));
      assert.equal((await send('/admin/staff', longStaff)).status, 413, 'a staff text field over 4 KB');
      assert.deepEqual(await contentSnapshot(t), before);
      await assertStillServing(t, 'oversized uploads');
    });
  });

  it('oversized heads: 431 (or another 4xx), and the server keeps serving', async () => {
    const cases: [string, Record<string, string> | undefined, string][] = [
      ['a 20 KB cookie', { Cookie: `portal.sid=${'a'.repeat(20 * KB)}` }, '/'],
      ['a 20 KB header', { 'X-Padding': 'b'.repeat(20 * KB) }, '/'],
      ['300 headers of 100 bytes', Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`X-H${i}`, 'c'.repeat(100)])), '/'],
      ['3000 tiny headers', Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`X-${i}`, 'd'])), '/'],
      ['a 20 KB URL', undefined, `/search?q=${'e'.repeat(20 * KB)}`],
    ];
    for (const [what, headers, target] of cases) {
      const response = await rawGet(t.baseUrl, target, headers);
      assert.ok(response.status >= 400 && response.status < 500, `${what}: ${response.status}`);
      if (headers) assert.equal(response.status, 431, what);
      await assertStillServing(t, what);
    }
    const viaFetch = await fetch(`${t.baseUrl}/`, { headers: { cookie: `x=${'f'.repeat(20 * KB)}` } });
    await viaFetch.arrayBuffer();
    assert.equal(viaFetch.status, 431, 'a 20 KB cookie over fetch');
    await assertStillServing(t, 'oversized heads');
  });

  describe('malformed url-encoded forms', () => {
    /** A reader with a session, a CSRF token for the comment form and a captcha. */
    async function reader(): Promise<ReaderSession> {
      const session = new ReaderSession(t);
      await session.openCommentForm(articleId);
      await session.captcha();
      return session;
    }

    it('bad % escapes and broken UTF-8: 400; too many parameters: 413; nothing stored', async () => {
      const before = await contentSnapshot(t);
      const session = await reader();
      const token = encodeURIComponent(session.csrfToken);
      const targets: [string, string][] = [
        [`/article/${articleId}/comments`, `_csrf=${token}&captcha=K7PX&nickname=a&body=`],
        ['/submit', `_csrf=${token}&captcha=K7PX&name=a&contact=b&title=c&body=`],
        ['/admin/login', `_csrf=${token}&username=a&password=`],
        [`/polls/${pollId}/vote`, `_csrf=${token}&option=`],
      ];
      const badValues = ['%', '%Z1', 'abc%', '%%41', '%E0%A4%A', '%FF%FE', '%C0%AE', '%ED%A0%80', '%F4%90%80%80', '+%+', '%u0041'];
      for (const [urlPath, prefix] of targets) {
        for (const bad of badValues) {
          const response = await session.request(urlPath, { method: 'POST', body: `${prefix}${bad}`, headers: { 'content-type': FORM } });
          assert.equal(response.status, 400, `${urlPath} with ${bad}`);
        }
        const many = `${prefix}x&${Array.from({ length: 1000 }, (_, i) => `p${i}=${i}`).join('&')}`;
        assert.equal(
          (await session.request(urlPath, { method: 'POST', body: many, headers: { 'content-type': FORM } })).status,
          413,
          `${urlPath} with 1000 parameters`,
        );
      }
      assert.deepEqual(await contentSnapshot(t), before);
      await assertStillServing(t, 'bad escapes');
    });

    it('nested brackets, prototype keys and repeated fields on the form fields: 400/413/422, no pollution, nothing stored', async () => {
      const before = await contentSnapshot(t);
      const text = encodeURIComponent('一条评论内容足够长足够长足够长足够长足够长');
      const bodies = (name: string) => [
        `${name}[a][b]=x&body=${text}`,
        `${name}[]=x&body=${text}`,
        `${name}[]=x&${name}[]=y&body=${text}`,
        `${name}=a&body[]=x&body[]=y`,
        `${name}=a&body[a]=${text}`,
        `${name}${'[a]'.repeat(3000)}=x&body=${text}`,
        `${name}[__proto__][polluted]=1&body=${text}`,
        `__proto__[${name}]=x&__proto__[polluted]=1&body=${text}`,
        `constructor[prototype][polluted]=1&${name}[constructor][prototype][polluted]=1&body=${text}`,
        `__proto__=x&${name}=&body=${text}`,
        `${name}=a&${name}=b&body=${text}`,
        `${name}=a&body=${text}&body=${text}`,
        `${name}=a&body=${text}&captcha=K7PX`,
      ];
      for (const index of bodies('').keys()) {
        const session = await reader();
        const body = bodies('nickname')[index]!;
        const response = await session.request(`/article/${articleId}/comments`, {
          method: 'POST',
          body: `_csrf=${encodeURIComponent(session.csrfToken)}&captcha=K7PX&${body}`,
          headers: { 'content-type': FORM },
        });
        const backToForm = response.status === 303 && response.headers.get('location') === `/article/${articleId}/comments/new`;
        assert.ok([400, 413].includes(response.status) || backToForm, `comment form ${body.slice(0, 100)}: ${response.status}`);
        const submitter = new ReaderSession(t);
        await submitter.get('/submit');
        await submitter.captcha('submission');
        const asSubmission = bodies('name')[index]!;
        const answer = await submitter.request('/submit', {
          method: 'POST',
          body: `_csrf=${encodeURIComponent(submitter.csrfToken)}&captcha=K7PX&contact=x%40example.org&title=${encodeURIComponent('标题')}&${asSubmission}`,
          headers: { 'content-type': FORM },
        });
        assert.ok([400, 413, 422].includes(answer.status), `submission form ${asSubmission.slice(0, 100)}: ${answer.status}`);
      }
      // junk keys beside a valid form are ignored (never 5xx, never pollution)
      t.clock.advance(60 * 60_000);
      const session = await reader();
      const junk = `_csrf=${encodeURIComponent(session.csrfToken)}&captcha=K7PX&nickname=a&body=${text}&__proto__[polluted]=1&constructor[prototype][polluted]=1&a${'[b]'.repeat(50)}=1&toString=1&hasOwnProperty=1`;
      const answer = await session.request(`/article/${articleId}/comments`, {
        method: 'POST',
        body: junk,
        headers: { 'content-type': FORM },
      });
      assert.ok(answer.status < 500, `junk keys beside a valid comment: ${answer.status}`);
      const prototype = Object.prototype as Record<string, unknown>;
      assert.equal(prototype.polluted, undefined, 'Object.prototype is not polluted');
      assert.equal(({} as Record<string, unknown>).nickname, undefined, 'Object.prototype is not polluted');
      assert.deepEqual({ ...(await contentSnapshot(t)), comments: before.comments }, before, 'only the valid comment can have been stored');
      await assertStillServing(t, 'nested brackets');
    });

    it('other types and encodings of a form: 4xx', async () => {
      const session = await reader();
      const body = `_csrf=${encodeURIComponent(session.csrfToken)}&nickname=a&body=abcd&captcha=K7PX`;
      const cases: [string, Record<string, string>, string | Buffer][] = [
        ['text/plain', { 'content-type': 'text/plain' }, body],
        ['application/json', { 'content-type': 'application/json' }, '{"nickname":"a","body":"abcd"}'],
        ['utf-16 charset', { 'content-type': `${FORM}; charset=utf-16` }, body],
        ['gzip that is not gzip', { 'content-type': FORM, 'content-encoding': 'gzip' }, body],
        ['unknown encoding', { 'content-type': FORM, 'content-encoding': 'x-unknown' }, body],
        ['no content type', {}, body],
        [
          'multipart on a url-encoded route',
          { 'content-type': 'multipart/form-data; boundary=x' },
          '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n',
        ],
      ];
      for (const [what, headers, payload] of cases) {
        const response = await session.request(`/article/${articleId}/comments`, {
          method: 'POST',
          body: typeof payload === 'string' ? payload : new Uint8Array(payload),
          headers,
        });
        assert.ok(response.status >= 400 && response.status < 500, `${what}: ${response.status}`);
      }
      await assertStillServing(t, 'odd form types');
    });
  });

  describe('malformed multipart on the upload routes (logged in, with the CSRF token)', () => {
    const B = 'attackBoundary7MA4YWxkTrZu0gW';
    const part = (name: string, value: string | Buffer, file?: { filename: string; type: string }, boundary = B) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file.filename}"` : ''}\r\n${file ? `Content-Type: ${file.type}\r\n` : ''}\r\n`,
        ),
        Buffer.isBuffer(value) ? value : Buffer.from(value),
        Buffer.from('\r\n'),
      ]);
    const end = (boundary = B) => Buffer.from(`--${boundary}--\r\n`);
    const routes: [string, string, Record<string, string>][] = [
      ['/admin/uploads', 'image', {}],
      ['/admin/articles', 'cover', { title: '坏表单', categoryId: '1', bodyHtml: '<p>x</p>', status: 'draft', version: '0' }],
      [
        '/admin/staff',
        'photoFile',
        { name: '坏表单', cardNumber: 'SHFZ-2026-9999', position: '记者', department: '测试部', status: 'active' },
      ],
    ];

    it('missing or wrong boundary, truncated bodies, too many parts, files where text belongs, non-images: 4xx', async () => {
      const before = await contentSnapshot(t);
      const failures: string[] = [];
      for (const [urlPath, fileField, fields] of routes) {
        const textParts = () => Buffer.concat([part('_csrf', admin.csrfToken), ...Object.entries(fields).map(([k, v]) => part(k, v))]);
        const image = part(fileField, png, { filename: 'a.png', type: 'image/png' });
        const cases: [string, Buffer, string][] = [
          ['missing boundary', Buffer.concat([textParts(), image, end()]), 'multipart/form-data'],
          ['empty boundary', Buffer.concat([textParts(), image, end()]), 'multipart/form-data; boundary='],
          ['wrong boundary', Buffer.concat([textParts(), image, end()]), 'multipart/form-data; boundary=notTheBoundary'],
          [
            'truncated in the file',
            Buffer.concat([textParts(), image.subarray(0, image.length - 40)]),
            `multipart/form-data; boundary=${B}`,
          ],
          [
            'truncated in a part head',
            Buffer.concat([textParts(), Buffer.from(`--${B}\r\nContent-Disposition: form-da`)]),
            `multipart/form-data; boundary=${B}`,
          ],
          ['no closing boundary', Buffer.concat([textParts(), image]), `multipart/form-data; boundary=${B}`],
          [
            'too many parts',
            Buffer.concat([textParts(), ...Array.from({ length: 40 }, (_, i) => part(`extra${i}`, 'x')), image, end()]),
            `multipart/form-data; boundary=${B}`,
          ],
          [
            'a file in a text field',
            Buffer.concat([part('_csrf', admin.csrfToken), part('title', png, { filename: 'title.png', type: 'image/png' }), image, end()]),
            `multipart/form-data; boundary=${B}`,
          ],
          [
            'two files',
            Buffer.concat([textParts(), image, part(fileField, png, { filename: 'b.png', type: 'image/png' }), end()]),
            `multipart/form-data; boundary=${B}`,
          ],
          [
            'a text file as the image',
            Buffer.concat([textParts(), part(fileField, 'just some text, not an image', { filename: 'a.png', type: 'image/png' }), end()]),
            `multipart/form-data; boundary=${B}`,
          ],
          [
            'an HTML file as the image',
            Buffer.concat([
              textParts(),
              part(fileField, '<html><script>alert(1)</script></html>', { filename: 'x.html', type: 'text/html' }),
              end(),
            ]),
            `multipart/form-data; boundary=${B}`,
          ],
          [
            'an SVG as the image',
            Buffer.concat([
              textParts(),
              part(fileField, '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', { filename: 'x.svg', type: 'image/svg+xml' }),
              end(),
            ]),
            `multipart/form-data; boundary=${B}`,
          ],
          [
            'only a part without a name',
            Buffer.concat([
              part('_csrf', admin.csrfToken),
              Buffer.from(`--${B}\r\nContent-Type: image/png\r\n\r\n`),
              png,
              Buffer.from('\r\n'),
              end(),
            ]),
            `multipart/form-data; boundary=${B}`,
          ],
          [
            'a part head without a blank line',
            Buffer.concat([
              part('_csrf', admin.csrfToken),
              Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="${fileField}"; filename="a.png"\r\n`),
              png,
              end(),
            ]),
            `multipart/form-data; boundary=${B}`,
          ],
          [
            'a boundary of 200 characters',
            Buffer.concat([part('_csrf', admin.csrfToken, undefined, 'z'.repeat(200)), end('z'.repeat(200))]),
            `multipart/form-data; boundary=${'z'.repeat(200)}`,
          ],
          ['garbage', Buffer.from('\u0000\u0001\u0002 definitely not multipart'), `multipart/form-data; boundary=${B}`],
          ['multipart/mixed', Buffer.concat([textParts(), image, end()]), `multipart/mixed; boundary=${B}`],
        ];
        for (const [what, body, contentType] of cases) {
          const response = await post(urlPath, body, contentType, { asAdmin: true });
          if (response.status < 400 || response.status >= 500) failures.push(`${urlPath}, ${what}: ${response.status}`);
        }
      }
      assert.deepEqual(failures, [], `malformed multipart:\n  ${failures.join('\n  ')}`);
      assert.deepEqual(await contentSnapshot(t), before, 'nothing was stored');
      await assertStillServing(t, 'malformed multipart');
    });

    it('a file name with a path is only a label: the image is stored under a generated name in uploads/', async () => {
      const before = [...new Set([...fs.readdirSync(t.dataDir), 'uploads'])].sort();
      for (const filename of [
        '../../../escaped.png',
        '..\\..\\escaped.png',
        '/tmp/escaped.png',
        'escaped.png\u0000.html',
        '%2e%2e%2fescaped.png',
      ]) {
        const body = Buffer.concat([part('_csrf', admin.csrfToken), part('image', png, { filename, type: 'image/png' }), end()]);
        const response = await post('/admin/uploads', body, `multipart/form-data; boundary=${B}`, {
          asAdmin: true,
          headers: { accept: 'application/json' },
        });
        if (response.status >= 400 && response.status < 500) continue; // refused outright is fine too
        assert.equal(response.status, 201, JSON.stringify(filename));
        const { url } = JSON.parse(response.text) as { url: string };
        assert.match(url, /^\/uploads\/[\w-]+\.webp$/, `${JSON.stringify(filename)} is stored as ${url}`);
      }
      assert.deepEqual(fs.readdirSync(t.dataDir).sort(), before, 'nothing was written beside the uploads folder');
      assert.equal(fs.existsSync('/tmp/escaped.png'), false);
      await assertStillServing(t, 'upload file names');
    });
  });

  describe('path traversal on static and upload URLs', () => {
    const SENTINEL = 'TOP-SECRET-SENTINEL-7f3a';
    before(() => {
      fs.mkdirSync(path.join(t.dataDir, 'uploads'), { recursive: true });
      fs.writeFileSync(path.join(t.dataDir, 'secret.txt'), SENTINEL);
    });

    it('never answers with a file outside the folder: 4xx', async () => {
      const form = new FormData();
      form.append('image', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'a.png');
      const uploaded = await admin.postMultipart('/admin/uploads', form, { 'x-csrf-token': admin.csrfToken, accept: 'application/json' });
      const { url } = JSON.parse(uploaded.text) as { url: string };
      for (const served of ['/css/site.css', '/js/site.js', '/vendor/quill/quill.js', url]) {
        assert.equal((await rawGet(t.baseUrl, served)).status, 200, `${served} is served (the folders under attack are live)`);
      }
      const targets = [
        '/css/../../package.json',
        '/css/../package.json',
        '/css/..%2f..%2fpackage.json',
        '/css/..%2F..%2Fpackage.json',
        '/css/%2e%2e/%2e%2e/package.json',
        '/css/%2e%2e%2f%2e%2e%2fpackage.json',
        '/css/..%5c..%5cpackage.json',
        '/css/..\\..\\package.json',
        '/css/%252e%252e%252f%252e%252e%252fpackage.json',
        '/css/..%252f..%252fpackage.json',
        '/css/....//....//package.json',
        '/css/%c0%ae%c0%ae/%c0%ae%c0%ae/package.json',
        '/css/..%c0%af..%c0%afpackage.json',
        '/css/..%00/../package.json',
        '/css//../../package.json',
        '/js/../../../package.json',
        '/js/%2e%2e/%2e%2e/src/app.ts',
        '/images/..%2f..%2f..%2fpackage.json',
        '/uploads/../portal.db',
        '/uploads/../secret.txt',
        '/uploads/..%2fportal.db',
        '/uploads/..%2Fsecret.txt',
        '/uploads/%2e%2e/portal.db',
        '/uploads/%2e%2e%2fsecret.txt',
        '/uploads/..%5csecret.txt',
        '/uploads/..\\secret.txt',
        '/uploads/%252e%252e%252fsecret.txt',
        '/uploads/....//secret.txt',
        '/uploads/.%2e/secret.txt',
        '/uploads//../secret.txt',
        '/uploads/%2e%2e%5csecret.txt',
        '/uploads/',
        '/uploads/.',
        '/uploads/..',
        '/uploads/%2e%2e',
        '/vendor/quill/../../package.json',
        '/vendor/quill/../package.json',
        '/vendor/quill/../../../package.json',
        '/vendor/quill/..%2f..%2f..%2fpackage.json',
        '/vendor/quill/%2e%2e/%2e%2e/%2e%2e/package.json',
        '/vendor/quill/%2e%2e%2fpackage.json',
        '/vendor/quill/..%5c..%5c..%5cpackage.json',
        '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
        '/..%2f..%2f..%2f..%2fetc/passwd',
        '/css/../../../../../../etc/passwd',
        '/css/site.css/../../../package.json',
        '/css/site.0123456789.css/../../../package.json',
        '/css/..%2f..%2fpackage.0123456789.json',
      ];
      const failures: string[] = [];
      for (const target of [...targets, `${t.baseUrl}/css/../../package.json`, `${t.baseUrl}/uploads/../secret.txt`]) {
        const response = await rawGet(t.baseUrl, target);
        const body = response.body.toString('latin1');
        if (response.status < 400 || response.status >= 500) failures.push(`${target}: ${response.status}`);
        if (
          /"name":\s*"(?:news-portal|quill)"/.test(body) ||
          body.includes('SQLite format 3') ||
          body.includes(SENTINEL) ||
          /root:.*:0:0:/.test(body) ||
          body.includes('createApp')
        ) {
          failures.push(`${target}: answered with the file's content`);
        }
      }
      assert.deepEqual(failures, [], `path traversal:\n  ${failures.join('\n  ')}`);
      await assertStillServing(t, 'path traversal');
    });
  });
});
