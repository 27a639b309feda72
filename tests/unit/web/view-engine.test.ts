// The view engine's list of template locals: every name a template reads is on it (else that
// page would fail with a ReferenceError), and every template compiles with it (a template
// that declares a variable of a listed name would not).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ejs from 'ejs';
import { viewsDir } from '../../../src/paths.js';
import { TEMPLATE_LOCALS } from '../../../src/web/view-engine.js';
import { freeNames } from '../../support/template-names.js';

function templates(dir = viewsDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return templates(file);
    return entry.name.endsWith('.ejs') ? [file] : [];
  });
}

describe('view engine', () => {
  const listed = new Set(TEMPLATE_LOCALS);

  it('lists every name a template reads', () => {
    const missing: string[] = [];
    for (const file of templates()) {
      for (const name of freeNames(fs.readFileSync(file, 'utf8'))) {
        if (!listed.has(name)) missing.push(`${path.relative(viewsDir, file)}: ${name}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('compiles every template without `with`, destructuring the listed names', () => {
    const failures: string[] = [];
    for (const file of templates()) {
      try {
        ejs.compile(fs.readFileSync(file, 'utf8'), { filename: file, root: viewsDir, _with: false, destructuredLocals: TEMPLATE_LOCALS });
      } catch (err) {
        failures.push(`${path.relative(viewsDir, file)}: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('has no name twice', () => {
    assert.equal(listed.size, TEMPLATE_LOCALS.length);
  });
});
