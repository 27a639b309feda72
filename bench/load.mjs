// One bounded load run with wrk (preferred) or autocannon (fallback), the load generator
// pinned to core 1. Returns { requests, seconds, rps, p50_ms, p99_ms, non2xx, errors }.
import path from 'node:path';
import { pinned, runCommand } from './lib.mjs';

const LOAD_CORE = 1;

/** What Chromium sends; 'identity' sends no Accept-Encoding at all. */
export const ACCEPT_ENCODING = { gzip: 'gzip, deflate, br', identity: null };

/**
 * @param {'wrk'|'autocannon'} tool
 * @param {{url: string, connections: number, seconds: number, randomArticleMax?: number,
 *          encoding: 'gzip'|'identity', root: string}} run
 */
export async function runLoad(tool, run) {
  return tool === 'wrk' ? runWrk(run) : runAutocannon(run);
}

async function runWrk({ url, connections, seconds, randomArticleMax = 0, encoding, root }) {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', 'bench/wrk-request.lua', url];
  args.push('--', String(randomArticleMax), encoding);
  const [cmd, cmdArgs] = pinned(LOAD_CORE, 'wrk', args);
  const out = await runCommand('wrk', cmd, cmdArgs, { capture: true, cwd: root });
  const line = out.split('\n').find((l) => l.startsWith('WRK_JSON '));
  if (!line) throw new Error(`wrk printed no result:\n${out}`);
  const r = JSON.parse(line.slice('WRK_JSON '.length));
  const secs = r.duration_us / 1e6;
  return {
    requests: r.requests,
    seconds: secs,
    rps: r.requests / secs,
    p50_ms: r.p50_us / 1000,
    p99_ms: r.p99_us / 1000,
    non2xx: r.errors.status, // wrk counts answers with status >= 400 here
    errors: r.errors.connect + r.errors.read + r.errors.write + r.errors.timeout,
  };
}

async function runAutocannon({ url, connections, seconds, randomArticleMax = 0, encoding, root }) {
  const worker = path.join(root, 'bench', 'autocannon-worker.mjs');
  const spec = JSON.stringify({ url, connections, duration: seconds, randomArticleMax, acceptEncoding: ACCEPT_ENCODING[encoding] });
  const [cmd, cmdArgs] = pinned(LOAD_CORE, process.execPath, [worker, spec]);
  const out = await runCommand('autocannon', cmd, cmdArgs, { capture: true, cwd: root });
  const line = out.split('\n').find((l) => l.startsWith('AC_JSON '));
  if (!line) throw new Error(`autocannon printed no result:\n${out}`);
  const r = JSON.parse(line.slice('AC_JSON '.length));
  return { ...r, rps: r.requests / r.seconds };
}
