import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGunzip, gunzipSync } from 'node:zlib';
import { GzipComposer, joined, type GzipParts } from '../../../src/services/gzip-parts.js';

/** A page: its own head, then a tail (sidebar and footer) that other pages end with too. */
function compressPage(composer: GzipComposer, head: string, tail: string): GzipParts {
  return composer.compress(Buffer.from(head + tail), Buffer.byteLength(head));
}

const TAIL = `<aside>${'<li><a href="/article/7">法治要闻：社区调解工作取得新进展</a></li>\n'.repeat(60)}</aside><footer>© 社会法治观察网</footer></body></html>\n`;
const HEAD = (n: number) => `<!doctype html><title>文章 ${n}</title><main>${`第 ${n} 篇正文。`.repeat(200)}</main>`;

/** Streams the parts through a gunzip one by one, as a browser receives them. */
async function streamed(parts: readonly Buffer[]): Promise<Buffer> {
  const gunzip = createGunzip();
  const out: Buffer[] = [];
  gunzip.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve, reject) => gunzip.on('end', resolve).on('error', reject));
  for (const part of parts) gunzip.write(part);
  gunzip.end();
  await done;
  return Buffer.concat(out);
}

describe('GzipComposer', () => {
  it('joins a page’s own head and a shared tail into one valid gzip member (CRC and length checked)', async () => {
    const composer = new GzipComposer();
    const body = Buffer.from(HEAD(1) + TAIL);
    const gzip = compressPage(composer, HEAD(1), TAIL);
    assert.equal(gzip.parts.length, 3);
    assert.equal(
      gzip.length,
      gzip.parts.reduce((sum, part) => sum + part.length, 0),
    );
    assert.deepEqual(gunzipSync(joined(gzip)), body); // zlib verifies the trailer's CRC-32 and size
    assert.deepEqual(await streamed(gzip.parts), body);
  });

  it('a page that is all shared tail still decodes (an empty head)', () => {
    const gzip = new GzipComposer().compress(Buffer.from(TAIL), 0);
    assert.equal(gzip.parts.length, 3);
    assert.equal(gunzipSync(joined(gzip)).toString(), TAIL);
  });

  it('compresses and keeps a tail once for all pages that end with it', () => {
    const composer = new GzipComposer();
    const first = compressPage(composer, HEAD(1), TAIL);
    const second = compressPage(composer, HEAD(2), TAIL);
    assert.equal(first.parts[1], second.parts[1], 'the same buffer, not an equal copy');
    assert.equal(second.ownBytes, second.length - second.parts[1]!.length);
    assert.ok(second.ownBytes < second.length * 0.8, `${second.ownBytes} of ${second.length} bytes own`);
    assert.equal(gunzipSync(joined(second)).toString(), HEAD(2) + TAIL);
  });

  it('keeps different tails apart', () => {
    const composer = new GzipComposer();
    const otherTail = TAIL.replace('社区调解', '交通安全');
    const a = compressPage(composer, HEAD(1), TAIL);
    const b = compressPage(composer, HEAD(1), otherTail);
    assert.notEqual(a.parts[1], b.parts[1]);
    assert.equal(gunzipSync(joined(a)).toString(), HEAD(1) + TAIL);
    assert.equal(gunzipSync(joined(b)).toString(), HEAD(1) + otherTail);
  });

  it('compresses a page without a tail worth sharing as one plain gzip', () => {
    const composer = new GzipComposer();
    const small = Buffer.from(`${HEAD(3)}</body></html>`);
    for (const gzip of [compressPage(composer, HEAD(3), '</body></html>'), composer.compress(small)]) {
      assert.equal(gzip.parts.length, 1);
      assert.equal(gzip.ownBytes, gzip.length);
      assert.deepEqual(gunzipSync(joined(gzip)), small);
    }
    const empty = composer.compress(Buffer.alloc(0));
    assert.equal(gunzipSync(joined(empty)).length, 0);
  });
});
