// The http server builds requests and responses with the app's prototypes, so that Express
// does not have to swap them per request; Express's own methods keep working either way.
import assert from 'node:assert/strict';
import { createServer, IncomingMessage, ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import express from 'express';
import { expressPrototypes } from '../../../src/web/express-prototypes.js';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function appReportingPrototypes() {
  const app = express();
  const options = expressPrototypes(app);
  app.get('/probe', (req, res) => {
    res.json({
      requestPrototypeIsApps: Object.getPrototypeOf(req) === app.request,
      responsePrototypeIsApps: Object.getPrototypeOf(res) === app.response,
      requestKnowsApp: req.app === app && res.app === app,
      nodeTypes: req instanceof IncomingMessage && res instanceof ServerResponse,
      header: req.get('x-probe') ?? null,
    });
  });
  return { app, options };
}

describe('expressPrototypes', () => {
  it('makes the server construct requests and responses that already have the app prototypes', async () => {
    const { app, options } = appReportingPrototypes();
    let builtWithAppPrototypes: boolean | undefined;
    const server = createServer(options, (req, res) => {
      // before Express sees them
      builtWithAppPrototypes = Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response;
      app(req, res);
    });
    const base = await listen(server);
    try {
      const response = await fetch(`${base}/probe`, { headers: { 'x-probe': 'news' } });
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), {
        requestPrototypeIsApps: true,
        responsePrototypeIsApps: true,
        requestKnowsApp: true,
        nodeTypes: true,
        header: 'news',
      });
      assert.equal(builtWithAppPrototypes, true);
    } finally {
      await close(server);
    }
  });

  it('still works on a server made without the options (Express swaps the prototypes itself)', async () => {
    const { app } = appReportingPrototypes();
    const server = createServer(app);
    const base = await listen(server);
    try {
      const response = await fetch(`${base}/probe`, { headers: { 'x-probe': 'plain' } });
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(body.requestPrototypeIsApps, true);
      assert.equal(body.responsePrototypeIsApps, true);
      assert.equal(body.requestKnowsApp, true);
      assert.equal(body.header, 'plain');
    } finally {
      await close(server);
    }
  });

  it('answers errors and unknown paths through Express as before', async () => {
    const { app, options } = appReportingPrototypes();
    app.set('env', 'test'); // Express's final handler then does not print the error
    app.get('/boom', () => {
      throw new Error('boom');
    });
    const server = createServer(options, app);
    const base = await listen(server);
    try {
      assert.equal((await fetch(`${base}/nowhere`)).status, 404);
      assert.equal((await fetch(`${base}/boom`)).status, 500);
    } finally {
      await close(server);
    }
  });
});
