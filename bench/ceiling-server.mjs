// The ceiling: a bare node:http server answering every request with the same bytes (one
// article page as the portal sent it on the wire, gzip-compressed when the bench asks for
// gzip), read once from a file into memory.
// Usage: node bench/ceiling-server.mjs <file> <port> [gzip|identity]   (listens on 127.0.0.1 only)
import fs from 'node:fs';
import http from 'node:http';

const [file, port, encoding = 'identity'] = process.argv.slice(2);
const body = fs.readFileSync(file);
const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length };
if (encoding === 'gzip') headers['Content-Encoding'] = 'gzip';

const server = http.createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(Number(port), '127.0.0.1', () => console.log(`ceiling listening on 127.0.0.1:${port} (${encoding})`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
