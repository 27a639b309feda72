// The portal's own http server (portal.listen) builds requests and responses with the Express
// app's prototypes, so Express has nothing to swap per request; pages rendered through Express
// and the page cache's answers still come out whole.
import assert from 'node:assert/strict';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { makeTestApp, type TestApp } from '../support/test-app.js';

describe('the http server of portal.listen', () => {
  let t: TestApp;
  let server: Server;
  let base: string;
  const seen: { path: string; requestPrototype: boolean; responsePrototype: boolean }[] = [];

  before(async () => {
    t = await makeTestApp();
    server = await new Promise((resolve) => {
      const s = t.portal.listen(0, '127.0.0.1', () => resolve(s));
    });
    // what the server built, before the portal's handler (and Express) see it
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      seen.push({
        path: req.url ?? '',
        requestPrototype: Object.getPrototypeOf(req) === t.portal.app.request,
        responsePrototype: Object.getPrototypeOf(res) === t.portal.app.response,
      });
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  it('builds every request and response with the app prototypes', async () => {
    const paths = ['/', '/article/1', '/article/1', '/healthz', '/no-such-page'];
    const statuses = [];
    for (const path of paths) statuses.push((await fetch(base + path)).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 404]);
    assert.deepEqual(
      seen.map((s) => s.path),
      paths,
    );
    for (const s of seen) {
      assert.equal(s.requestPrototype, true, `request of ${s.path}`);
      assert.equal(s.responsePrototype, true, `response of ${s.path}`);
    }
  });

  it('renders a page through Express (a first hit) and serves it again from the cache', async () => {
    const first = await fetch(`${base}/article/2`);
    const again = await fetch(`${base}/article/2`);
    assert.equal(first.headers.get('x-page-cache'), 'miss');
    assert.equal(again.headers.get('x-page-cache'), 'hit');
    const [html1, html2] = [await first.text(), await again.text()];
    assert.match(html1, /<h1[^>]*>[^<]+<\/h1>/);
    assert.equal(html2, html1);
  });
});
