// A small round-robin HTTP proxy on 127.0.0.1 for the multi-process check (what nginx does in
// front of several app processes; docs/deployment-postgres.md has the nginx configuration).
// Each request goes to the next upstream; a GET or HEAD whose upstream refuses the connection
// (a process that died) is retried on the next one, as nginx's proxy_next_upstream does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  readonly baseUrl: string;
  /** how many requests each upstream answered */
  readonly answered: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const answered = upstreams.map(() => 0);
  const agent = new http.Agent({ keepAlive: true });

  const forward = (req: http.IncomingMessage, res: http.ServerResponse, attempt: number) => {
    const index = next++ % upstreams.length;
    const target = new URL(req.url ?? '/', upstreams[index]);
    const headers = { ...req.headers, 'x-forwarded-for': req.headers['x-forwarded-for'] ?? req.socket.remoteAddress ?? '' };
    const upstream = http.request(target, { method: req.method, headers, agent }, (answer) => {
      answered[index]! += 1;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      const retryable = (req.method === 'GET' || req.method === 'HEAD') && attempt + 1 < upstreams.length && !res.headersSent;
      if (retryable) return forward(req, res, attempt + 1);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });
    if (req.method === 'GET' || req.method === 'HEAD') upstream.end();
    else req.pipe(upstream);
  };

  const server = http.createServer((req, res) => forward(req, res, 0));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    answered,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
