// The view engine's list of template locals: every name a template reads is on it (else that
// page would fail with a ReferenceError), every template compiles with the names of it that
// its text holds (a template that declares a variable of a listed name would not), and the
// engine renders pages with their includes, picking up edited files in development.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import ejs from 'ejs';
import { viewsDir } from '../../../src/paths.js';
import { localsNamedIn, TEMPLATE_LOCALS, viewEngine } from '../../../src/web/view-engine.js';
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

  it('compiles every template without `with`, destructuring the listed names its text holds', () => {
    const failures: string[] = [];
    for (const file of templates()) {
      const text = fs.readFileSync(file, 'utf8');
      for (const name of freeNames(text)) assert.ok(localsNamedIn(text).includes(name), `${file}: ${name}`);
      try {
        ejs.compile(text, { filename: file, root: viewsDir, _with: false, destructuredLocals: localsNamedIn(text) });
      } catch (err) {
        failures.push(`${path.relative(viewsDir, file)}: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('renders a page with its includes, each reading its own names; edited files are read again only in development', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'views-'));
    try {
      fs.mkdirSync(path.join(dir, 'partials'));
      fs.writeFileSync(
        path.join(dir, 'page.ejs'),
        "<h1><%= title %></h1><%- include('/partials/_item', { message: '<b>' }) %><%= typeof message %>",
      );
      fs.writeFileSync(path.join(dir, 'partials', '_item.ejs'), '<p><%= message %> <%= title %></p>');
      const render = (engine: ReturnType<typeof viewEngine>, data: object) =>
        new Promise<string>((resolve, reject) =>
          engine(path.join(dir, 'page.ejs'), data, (err, html) => (err ? reject(err) : resolve(html!))),
        );
      const production = viewEngine({ root: dir, cache: true });
      const development = viewEngine({ root: dir, cache: false });
      assert.equal(
        await render(production, { title: 'T' }),
        '<h1>T</h1><p>&lt;b&gt; T</p>undefined',
        'what an include is given stays its own',
      );
      assert.equal(await render(development, { title: 'T' }), '<h1>T</h1><p>&lt;b&gt; T</p>undefined');
      fs.writeFileSync(path.join(dir, 'partials', '_item.ejs'), '<p><%= message %>!</p>');
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(path.join(dir, 'partials', '_item.ejs'), later, later);
      assert.equal(await render(development, { title: 'T' }), '<h1>T</h1><p>&lt;b&gt;!</p>undefined', 'development reads the edit');
      assert.equal(await render(production, { title: 'T' }), '<h1>T</h1><p>&lt;b&gt; T</p>undefined', 'production keeps what it compiled');
      await assert.rejects(
        new Promise((resolve, reject) => production(path.join(dir, 'missing.ejs'), {}, (err) => (err ? reject(err) : resolve(undefined)))),
        /ENOENT|no such file/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has no name twice', () => {
    assert.equal(listed.size, TEMPLATE_LOCALS.length);
  });
});
