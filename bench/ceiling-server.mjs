// The ceiling: a bare node:http server answering every request with the same bytes
// (one article page fetched from the portal), read once from a file into memory.
// Usage: node bench/ceiling-server.mjs <file> <port>   (listens on 127.0.0.1 only)
import fs from 'node:fs';
import http from 'node:http';

const [file, port] = process.argv.slice(2);
const body = fs.readFileSync(file);
const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length };

const server = http.createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(Number(port), '127.0.0.1', () => console.log(`ceiling listening on 127.0.0.1:${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
