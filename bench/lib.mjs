// Helpers for bench/run.mjs: child processes (tracked, stopped by PID), core pinning, ports, raw HTTP GETs
// (probes, cache priming, x-page-cache samples), RSS sampling and the printed table.
// Plain Node ESM, no dependencies.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

/** Every child process this run started and that may still be alive. */
const children = new Set();

/** Prefix a command with `taskset -c <core>` when taskset exists (null core: no pinning). */
export function pinned(core, command, args) {
  if (core === null || !hasCommand('taskset')) return [command, args];
  return ['taskset', ['-c', String(core), command, ...args]];
}

/**
 * Pin a process that is already running (every thread of it) and its current children to
 * `core` with `taskset -a -p`; processes it forks later inherit the pinning (PostgreSQL's
 * postmaster forks a backend per connection). Returns the PIDs pinned.
 */
export function pinRunning(core, pid) {
  return [pid, ...childPids(pid)].filter(
    (p) => spawnSync('taskset', ['-a', '-p', '-c', String(core), String(p)], { stdio: 'ignore' }).status === 0,
  );
}

/** The PIDs whose parent is `pid` (read from /proc; none where there is no /proc). */
export function childPids(pid) {
  let names;
  try {
    names = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const pids = [];
  for (const name of names) {
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) pids.push(Number(name));
    } catch {
      /* gone meanwhile */
    }
  }
  return pids;
}

/** The CPUs a process may run on (its Cpus_allowed_list, e.g. "0" or "0-1"), or null. */
export function allowedCpus(pid) {
  try {
    return /^Cpus_allowed_list:\s*(\S+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
}

export function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Start a long-lived child (a server). taskset execs the real program, so the PID is the
 * program's own. Output goes to `logFile` when given.
 */
export function startProcess(name, command, args, { env, cwd, logFile } = {}) {
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', out, out] });
  if (typeof out === 'number') fs.closeSync(out);
  child.benchName = name;
  child.exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
    child.on('error', (err) => {
      children.delete(child);
      resolve({ code: null, signal: null, error: err.message });
    });
  });
  children.add(child);
  return child;
}

/**
 * Run a command to completion (build, seed, load generator). It gets its own process group
 * so that an abort can stop it together with what it started (npm -> sh -> node).
 * Resolves with its stdout when `capture` is set (`onStdout` also gets each chunk as it comes);
 * rejects on a non-zero exit.
 */
export function runCommand(name, command, args, { env, capture = false, cwd, onStdout } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      cwd,
      detached: true,
      stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    });
    child.benchName = name;
    child.group = true;
    children.add(child);
    let stdout = '';
    if (capture) {
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        onStdout?.(chunk.toString());
      });
    }
    child.on('error', (err) => {
      children.delete(child);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${name} failed (exit ${code ?? signal})`));
    });
  });
}

/** Stop one child by PID: SIGTERM, then SIGKILL after `graceMs`. Resolves with its exit. */
export async function stopProcess(child, graceMs = 12_000) {
  if (!children.has(child)) return child.exited;
  signal(child, 'SIGTERM');
  const timer = setTimeout(() => signal(child, 'SIGKILL'), graceMs);
  const result = await child.exited;
  clearTimeout(timer);
  return result;
}

/** Stop everything still running that this run started (used on errors and at the end). */
export async function stopAll() {
  const running = [...children];
  for (const child of running) signal(child, 'SIGTERM');
  const deadline = Date.now() + 12_000;
  while (children.size > 0 && Date.now() < deadline) await sleep(50);
  for (const child of children) signal(child, 'SIGKILL');
  return running.map((c) => c.benchName);
}

function signal(child, sig) {
  try {
    // negative PID = the process group this run created for the child (runCommand only)
    process.kill(child.group ? -child.pid : child.pid, sig);
  } catch {
    /* already gone */
  }
}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Poll `url` until it answers 200; returns the milliseconds from `since` (bounded by timeoutMs). */
export async function waitForOk(url, since, timeoutMs, child) {
  const deadline = since + timeoutMs;
  while (Date.now() < deadline) {
    if (child && !children.has(child)) throw new Error(`${child.benchName} exited before answering ${url}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) return Date.now() - since;
    } catch {
      /* not listening yet */
    }
    await sleep(10);
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
}

/**
 * GET once with node:http, which (unlike fetch) leaves the body as it came over the wire:
 * status, headers and the raw bytes (still gzip-compressed when the server compressed them).
 */
export function rawGet(url, { acceptEncoding = null, agent, timeoutMs = 10_000 } = {}) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
    const req = http.get(url, { headers, agent, signal: AbortSignal.timeout(timeoutMs) }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks),
          setsCookie: res.headers['set-cookie'] !== undefined,
        }),
      );
    });
    req.on('error', reject);
  });
}

/**
 * GET every URL once, `concurrency` at a time over keep-alive connections, and stop starting
 * new requests after `timeoutMs`. Returns counts by status, errors, the compressed bytes
 * received (answers with Content-Encoding gzip) and the time taken.
 */
export async function getAll(urls, { concurrency, acceptEncoding, timeoutMs }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const started = Date.now();
  const deadline = started + timeoutMs;
  const statuses = {};
  let next = 0;
  let errors = 0;
  let gzipBytes = 0;
  let gzipAnswers = 0;
  async function worker() {
    while (next < urls.length && Date.now() < deadline) {
      const url = urls[next++];
      try {
        const res = await rawGet(url, { acceptEncoding, agent, timeoutMs: Math.max(1000, Math.min(10_000, deadline - Date.now())) });
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.headers['content-encoding'] === 'gzip') {
          gzipBytes += res.body.length;
          gzipAnswers += 1;
        }
      } catch {
        errors += 1;
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const requested = Object.values(statuses).reduce((a, b) => a + b, 0) + errors;
  return {
    requested,
    of: urls.length,
    complete: requested === urls.length,
    statuses,
    errors,
    gzipBytes,
    gzipAnswers,
    ms: Date.now() - started,
  };
}

/**
 * After a load run: GET `count` URLs (from `nextUrl()`) one after another and count the
 * portal's x-page-cache answers: hit, miss, or none (no such header: cache off, or a page
 * the cache does not keep).
 */
export async function sampleCache(nextUrl, { count, acceptEncoding }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const sample = { sampled: 0, hit: 0, miss: 0, none: 0, non200: 0, errors: 0 };
  try {
    for (let i = 0; i < count; i++) {
      try {
        const res = await rawGet(nextUrl(), { acceptEncoding, agent });
        sample.sampled += 1;
        if (res.status !== 200) sample.non200 += 1;
        const outcome = res.headers['x-page-cache'];
        if (outcome === 'hit') sample.hit += 1;
        else if (outcome === 'miss') sample.miss += 1;
        else sample.none += 1;
      } catch {
        sample.errors += 1;
      }
    }
  } finally {
    agent.destroy();
  }
  return sample;
}

/** Samples a process's resident memory (VmRSS) every `everyMs`, keeping the maximum. */
export class RssSampler {
  constructor(pid, everyMs = 100) {
    this.pid = pid;
    this.maxKb = 0;
    this.windowMaxKb = 0;
    this.timer = setInterval(() => this.sample(), everyMs);
    this.sample();
  }

  sample() {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
      this.maxKb = Math.max(this.maxKb, kb);
      this.windowMaxKb = Math.max(this.windowMaxKb, kb);
      return kb;
    } catch {
      return 0; // no /proc (not Linux) or the process is gone
    }
  }

  /** Maximum since the previous call (per load run). */
  takeWindowMax() {
    const kb = this.windowMaxKb;
    this.windowMaxKb = this.sample();
    return kb;
  }

  stop() {
    clearInterval(this.timer);
  }
}

/** Left-aligned first column, right-aligned others, with a separator line under the header. */
export function formatTable(header, rows) {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}
