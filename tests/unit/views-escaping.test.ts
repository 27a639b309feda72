// House rule: <%- (unescaped output) only for include() and the sanitized-on-write HTML.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { viewsDir } from '../../src/paths.js';

const ALLOWED_RAW = [/^<%-\s*include\(/, /^<%-\s*article\.bodyHtml\b/, /^<%-\s*page\.bodyHtml\b/];
// JSON-LD: printed raw only by this partial, from serializeJsonLd() (src/web/json-ld.ts), inside
// the one data block browsers do not run.
const JSON_LD_PARTIAL = path.join('partials', '_json-ld.ejs');
const JSON_LD_RAW = /^<%-\s*jsonLd\s*$/;
const JSON_LD_SCRIPT = '<script type="application/ld+json">';
// The sidebar and footer: the output of their own (escaping) templates, rendered once per chrome
// build by src/web/chrome-fragments.ts; printed raw only by the page-end partial.
const PAGE_END_PARTIAL = path.join('partials', '_page-end.ejs');
const FRAGMENT_RAW = /^<%-\s*(sidebarHtml|footerHtml)\s*$/;

function templates(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? templates(full) : entry.name.endsWith('.ejs') ? [full] : [];
  });
}

describe('views', () => {
  it('print unescaped output only for includes and sanitized HTML', () => {
    const offenders: string[] = [];
    for (const file of templates(viewsDir)) {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(/<%-[^%]*/g)) {
        const jsonLd = path.relative(viewsDir, file) === JSON_LD_PARTIAL && JSON_LD_RAW.test(match[0]);
        const fragment = path.relative(viewsDir, file) === PAGE_END_PARTIAL && FRAGMENT_RAW.test(match[0]);
        if (!jsonLd && !fragment && !ALLOWED_RAW.some((rule) => rule.test(match[0])))
          offenders.push(`${path.relative(viewsDir, file)}: ${match[0].slice(0, 60)}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('contain no inline scripts, inline event handlers or style attributes (CSP forbids them)', () => {
    for (const file of templates(viewsDir)) {
      let source = fs.readFileSync(file, 'utf8');
      if (path.relative(viewsDir, file) === JSON_LD_PARTIAL) source = source.split(JSON_LD_SCRIPT).join('');
      assert.doesNotMatch(source, /<script(?![^>]*\bsrc=)[^>]*>/i, file);
      assert.doesNotMatch(source, /\son[a-z]+\s*=/i, file);
      assert.doesNotMatch(source, /\sstyle\s*=/i, file);
    }
  });
});
