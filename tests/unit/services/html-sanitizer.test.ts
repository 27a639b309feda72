// The article sanitizer against a corpus of attacks, each with the exact clean output expected.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitizeArticleHtml } from '../../../src/services/html-sanitizer.js';

const REL = 'rel="noopener noreferrer nofollow"';

const CORPUS: [string, string][] = [
  ['<p>正常段落</p>', '<p>正常段落</p>'],
  ['<script>alert(1)</script><p>x</p>', '<p>x</p>'],
  ['<p onclick="alert(1)">x</p>', '<p>x</p>'],
  ['<img src=x onerror=alert(1)>', '<img src="x" />'],
  ['<img src="javascript:alert(1)">', '<img />'],
  ['<img src="data:image/svg+xml;base64,PHN2Zz4=">', '<img />'],
  ['<a href="javascript:alert(1)">x</a>', `<a ${REL}>x</a>`],
  ['<a href="JaVaScRiPt:alert(1)">x</a>', `<a ${REL}>x</a>`],
  ['<a href="jav&#x09;ascript:alert(1)">x</a>', `<a ${REL}>x</a>`],
  ['<a href="&#106;avascript:alert(1)">x</a>', `<a ${REL}>x</a>`],
  ['<a href=" javascript:alert(1)">x</a>', `<a ${REL}>x</a>`],
  ['<a href="vbscript:msgbox(1)">x</a>', `<a ${REL}>x</a>`],
  ['<a href="data:text/html,<script>alert(1)</script>">x</a>', `<a ${REL}>x</a>`],
  ['<a href="//evil.example">x</a>', `<a ${REL}>x</a>`],
  ['<a href="https://example.org" target="_blank" rel="opener">x</a>', `<a href="https://example.org" ${REL}>x</a>`],
  ['<a href="mailto:editor@example.org">信箱</a>', `<a href="mailto:editor@example.org" ${REL}>信箱</a>`],
  ['<iframe src="https://evil.example"></iframe><p>x</p>', '<p>x</p>'],
  ['<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>', ''],
  ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', '<table></table>'],
  ['<style>body{display:none}</style><p>x</p>', '<p>x</p>'],
  ['<p style="background:url(javascript:alert(1))">x</p>', '<p>x</p>'],
  ['<xmp><img src=x onerror=alert(1)></xmp>', ''],
  ['<textarea/><img src=x onerror=alert(1)></textarea>', ''],
  ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">', '<p></p>'],
  ['<form action="javascript:alert(1)"><input autofocus onfocus=alert(1)></form>', ''],
  ['<object data="javascript:alert(1)"></object><embed src="x">', ''],
  ['<base href="//evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">', ''],
  ['<!--<img src="--><img src=x onerror=alert(1)//">', '<img src="x" />'],
  ['<h2 id="x" class="y">小标题</h2>', '<h2>小标题</h2>'],
  ['<blockquote><p>引用</p></blockquote><ul><li>一</li></ul>', '<blockquote><p>引用</p></blockquote><ul><li>一</li></ul>'],
  ['<p>【作者简介：某某，本网记者。】</p>', '<p>【作者简介：某某，本网记者。】</p>'],
];

describe('article HTML sanitizer', () => {
  it(`has a corpus of at least 25 payloads (${CORPUS.length})`, () => {
    assert.ok(CORPUS.length >= 25);
  });

  for (const [input, expected] of CORPUS) {
    it(`cleans ${input.slice(0, 60)}`, () => {
      assert.equal(sanitizeArticleHtml(input), expected);
    });
  }

  it('is idempotent: cleaning clean output changes nothing', () => {
    for (const [input] of CORPUS) {
      const once = sanitizeArticleHtml(input);
      assert.equal(sanitizeArticleHtml(once), once);
    }
  });
});
