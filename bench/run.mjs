#!/usr/bin/env node
// npm run bench [-- --reuse] [--seconds 10] [--warmup 2] [--tool wrk|autocannon]
//
// One bounded benchmark run of the portal (issue 6):
//  1. a database from the bulk generator (10,000 articles, 100,000 comments) in a temp folder;
//  2. npm run build, then dist/server.js in production mode pinned to core 0 (start-up timed);
//  3. wrk (or autocannon) pinned to core 1, 127.0.0.1 only: article (random ids), home,
//     category page 1 and 80, search, and a bare node:http server with the same bytes (ceiling);
//  4. the server's VmRSS sampled throughout;
//  5. a table on stdout, JSON in bench-results/<timestamp>.json and bench-results/latest.json;
//  6. every process it started is stopped by PID, on errors too.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runLoad } from './load.mjs';
import {
  formatTable,
  freePort,
  hasCommand,
  pinned,
  probe,
  RssSampler,
  runCommand,
  startProcess,
  stopAll,
  stopProcess,
  waitForOk,
} from './lib.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const ARTICLES = 10_000;
const COMMENTS = 100_000;
const CONNECTIONS = [50, 10]; // throughput at 50, latency (p99) at 10
const SERVER_CORE = 0;
const STARTUP_TIMEOUT_MS = 30_000;
// Our own folder: created with a marker file; only files named below are ever deleted in it.
const WORK_DIR = process.env.BENCH_DIR || path.join(os.tmpdir(), 'news-portal-bench');
const MARKER = path.join(WORK_DIR, '.created-by-news-portal-bench');
const DB_PATH = path.join(WORK_DIR, 'bench.db');
const DB_META = path.join(WORK_DIR, 'bench-db.json'); // what the database was seeded with
const PAGE_FILE = path.join(WORK_DIR, 'ceiling-page.html');
const SERVER_LOG = path.join(WORK_DIR, 'server.log');
const CACHED = ['article', 'home', 'category', 'category-p80']; // pages the caching work targets

const log = (msg) => console.error(`bench: ${msg}`);
let portalStarted = false; // for the hint to its log on errors

function options() {
  const { values } = parseArgs({
    options: {
      reuse: { type: 'boolean', default: false },
      seconds: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      tool: { type: 'string' },
    },
  });
  const seconds = Number(values.seconds);
  const warmup = Number(values.warmup);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 60) throw new Error('--seconds must be 1..60');
  if (!Number.isInteger(warmup) || warmup < 0 || warmup > 30) throw new Error('--warmup must be 0..30');
  const tool = values.tool ?? (hasCommand('wrk') ? 'wrk' : 'autocannon');
  if (tool !== 'wrk' && tool !== 'autocannon') throw new Error('--tool must be wrk or autocannon');
  if (tool === 'wrk' && !hasCommand('wrk')) throw new Error('wrk not found (apt-get install -y wrk), or use --tool autocannon');
  return { reuse: values.reuse, seconds, warmup, tool };
}

/** Our temp folder, and a database in it: reused (--reuse, same size) or built fresh. */
async function prepareDatabase(reuse) {
  if (!fs.existsSync(WORK_DIR)) {
    fs.mkdirSync(WORK_DIR, { recursive: true });
    fs.writeFileSync(MARKER, 'made by npm run bench; safe to delete\n');
  } else if (!fs.existsSync(MARKER)) {
    throw new Error(`${WORK_DIR} exists but was not made by the bench; set BENCH_DIR to another folder`);
  }
  const wanted = { articles: ARTICLES, comments: COMMENTS };
  const meta = fs.existsSync(DB_META) ? JSON.parse(fs.readFileSync(DB_META, 'utf8')) : null;
  if (reuse && fs.existsSync(DB_PATH) && meta?.articles === ARTICLES && meta?.comments === COMMENTS) {
    log(`reusing ${DB_PATH}`);
    return { fresh: false, seedSeconds: null };
  }
  // Fresh: delete only the files an earlier bench run made here.
  for (const file of [DB_PATH, `${DB_PATH}-wal`, `${DB_PATH}-shm`, DB_META, PAGE_FILE, SERVER_LOG]) {
    fs.rmSync(file, { force: true });
  }
  log(`seeding ${DB_PATH} (${ARTICLES} articles, ${COMMENTS} comments)`);
  const started = Date.now();
  await runCommand(
    'seed:bulk',
    'npm',
    ['run', '--silent', 'seed:bulk', '--', '--articles', String(ARTICLES), '--comments', String(COMMENTS)],
    { cwd: ROOT, env: { ...process.env, DATABASE_PATH: DB_PATH } },
  );
  fs.writeFileSync(DB_META, JSON.stringify(wanted) + '\n');
  return { fresh: true, seedSeconds: (Date.now() - started) / 1000 };
}

/** A few facts read straight from the database (read-only, server not running). */
async function databaseFacts() {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(DB_PATH, { readonly: true, fileMustExist: true });
  try {
    const articles = db
      .prepare("SELECT count(*) AS n, min(id) AS minId, max(id) AS maxId FROM articles WHERE status = 'published'")
      .get();
    const sessions = db.prepare('SELECT count(*) AS n FROM sessions').get().n;
    return { published: articles.n, minId: articles.minId, maxId: articles.maxId, sessions };
  } finally {
    db.close();
  }
}

function toolVersion(tool) {
  if (tool === 'wrk') return spawnSync('wrk', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0].trim();
  const pkg = path.join(ROOT, 'node_modules', 'autocannon', 'package.json');
  return `autocannon ${JSON.parse(fs.readFileSync(pkg, 'utf8')).version}`;
}

const round = (n, digits) => (n === null || n === undefined ? null : Number(n.toFixed(digits)));

async function main() {
  const opts = options();
  const notes = []; // anything odd, printed under the table and kept in the JSON
  const pinning = hasCommand('taskset');
  if (!pinning) notes.push('taskset not found: processes are not pinned to cores');

  const db = await prepareDatabase(opts.reuse);
  log('npm run build');
  await runCommand('build', 'npm', ['run', '--silent', 'build'], { cwd: ROOT });
  const before = await databaseFacts();
  if (before.minId !== 1 || before.maxId !== before.published) {
    notes.push(`published article ids are not 1..${before.published} (min ${before.minId}, max ${before.maxId}): random ids may 404`);
  }

  // 2. The portal, production mode, pinned to core 0; start-up = spawn until /healthz answers 200.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    SESSION_SECRET: randomBytes(36).toString('base64url'), // 48 characters
    ADMIN_PASSWORD: randomBytes(18).toString('base64url'),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_PATH: DB_PATH,
  };
  log(`starting the portal on ${base} (log: ${SERVER_LOG})`);
  const started = Date.now();
  const portal = startProcess('portal', ...pinned(SERVER_CORE, process.execPath, ['dist/server.js']), {
    env,
    cwd: ROOT,
    logFile: SERVER_LOG,
  });
  portalStarted = true;
  const rss = new RssSampler(portal.pid); // 4. from the first moment on
  try {
    const startupMs = await waitForOk(`${base}/healthz`, started, STARTUP_TIMEOUT_MS, portal);
    const idleRssMb = rss.sample() / 1024;
    log(`portal up in ${startupMs} ms`);

    // The ceiling: one article page's exact bytes from a bare node:http server, also on core 0.
    const sampleId = Math.ceil(before.maxId / 2);
    const page = await probe(`${base}/article/${sampleId}`);
    if (page.status !== 200) throw new Error(`/article/${sampleId} answered ${page.status}`);
    fs.writeFileSync(PAGE_FILE, page.body);
    const ceilingPort = await freePort();
    const ceilingServer = startProcess(
      'ceiling',
      ...pinned(SERVER_CORE, process.execPath, [path.join(ROOT, 'bench', 'ceiling-server.mjs'), PAGE_FILE, String(ceilingPort)]),
      { cwd: ROOT },
    );
    await waitForOk(`http://127.0.0.1:${ceilingPort}/`, Date.now(), 10_000, ceilingServer);

    // 3. The targets (the ceiling first: every ratio is against it, at the same connection count).
    const search = `/search?q=${encodeURIComponent('法院')}`;
    const targets = [
      { name: 'ceiling', path: '/', url: `http://127.0.0.1:${ceilingPort}/` },
      { name: 'article', path: `/article/<1..${before.maxId}>`, url: `${base}/`, randomArticleMax: before.maxId },
      { name: 'home', path: '/', url: `${base}/` },
      { name: 'category', path: '/category/law', url: `${base}/category/law` },
      { name: 'category-p80', path: '/category/law?page=80', url: `${base}/category/law?page=80` },
      { name: 'search', path: '/search?q=法院', url: `${base}${search}` },
    ];
    // One plain GET of each first: it must be a 200 (the random-id target: the first and last id).
    for (const t of targets) {
      const urls = t.randomArticleMax ? [`${base}/article/1`, `${base}/article/${t.randomArticleMax}`] : [t.url];
      for (const url of urls) {
        const answer = await probe(url);
        t.bytes = answer.body.length;
        t.setsCookie = answer.setsCookie;
        if (answer.status !== 200) notes.push(`${t.name}: ${url} answered ${answer.status}`);
      }
    }

    const runs = targets.length * CONNECTIONS.length;
    const rows = [];
    let done = 0;
    for (const t of targets) {
      const load = { url: t.url, randomArticleMax: t.randomArticleMax, root: ROOT };
      if (opts.warmup > 0) {
        log(`${t.name}: warm-up ${opts.warmup} s`);
        await runLoad(opts.tool, { ...load, connections: CONNECTIONS[0], seconds: opts.warmup });
      }
      rss.takeWindowMax();
      for (const connections of CONNECTIONS) {
        done += 1;
        log(`[${done}/${runs}] ${t.name} ${t.path}: ${connections} connections, ${opts.seconds} s`);
        const r = await runLoad(opts.tool, { ...load, connections, seconds: opts.seconds });
        rows.push({ target: t.name, path: t.path, connections, ...r, rssMaxMb: rss.takeWindowMax() / 1024 });
      }
    }

    // Ratios against the ceiling at the same connection count.
    for (const row of rows) {
      const ceiling = rows.find((r) => r.target === 'ceiling' && r.connections === row.connections);
      row.ratio = row.rps / ceiling.rps;
      if (row.non2xx > 0) notes.push(`${row.target} at ${row.connections} connections: ${row.non2xx} answers with status >= 400`);
      if (row.errors > 0) notes.push(`${row.target} at ${row.connections} connections: ${row.errors} socket errors/timeouts`);
    }

    // 6. Stop both servers (the portal gracefully: it flushes view counts) and look at the database.
    await stopProcess(ceilingServer);
    const stopStarted = Date.now();
    const exit = await stopProcess(portal);
    const shutdownMs = Date.now() - stopStarted;
    rss.stop();
    if (exit.code !== 0) notes.push(`portal exited with ${exit.code ?? exit.signal} on SIGTERM (see ${SERVER_LOG})`);
    const after = await databaseFacts();
    const newSessions = after.sessions - before.sessions;
    if (newSessions > 0) notes.push(`${newSessions} session rows were written during the run (anonymous GETs that store a session)`);
    const cookieTargets = targets.filter((t) => t.setsCookie && t.name !== 'ceiling').map((t) => t.name);
    if (cookieTargets.length) notes.push(`anonymous GET sets a session cookie: ${cookieTargets.join(', ')}`);

    const maxRssMb = rss.maxKb / 1024;
    const goals = checkGoals(rows, maxRssMb, startupMs);
    report({ opts, pinning, db, before, after, startupMs, idleRssMb, maxRssMb, shutdownMs, targets, rows, goals, notes });
  } finally {
    rss.stop();
  }
}

/** The goals of issue 6, each with its measured value. */
function checkGoals(rows, maxRssMb, startupMs) {
  const at = (target, connections) => rows.find((r) => r.target === target && r.connections === connections);
  const goals = [];
  for (const target of CACHED) {
    goals.push({ goal: `${target} ratio >= 0.30 (50 conn)`, value: round(at(target, 50).ratio, 3), pass: at(target, 50).ratio >= 0.3 });
  }
  goals.push({ goal: 'search ratio >= 0.05 (50 conn)', value: round(at('search', 50).ratio, 3), pass: at('search', 50).ratio >= 0.05 });
  for (const target of CACHED) {
    goals.push({ goal: `${target} p99 < 5 ms (10 conn)`, value: round(at(target, 10).p99_ms, 2), pass: at(target, 10).p99_ms < 5 });
  }
  goals.push({ goal: 'max RSS < 200 MB', value: round(maxRssMb, 1), pass: maxRssMb < 200 });
  goals.push({ goal: 'start-up < 2000 ms', value: startupMs, pass: startupMs < 2000 });
  return goals;
}

function report(r) {
  const header = ['target', 'conn', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'non-2xx', 'errors'];
  const table = formatTable(
    header,
    r.rows.map((row) => [
      row.target,
      row.connections,
      Math.round(row.rps),
      row.p50_ms.toFixed(2),
      row.p99_ms.toFixed(2),
      row.ratio.toFixed(4),
      row.non2xx,
      row.errors,
    ]),
  );
  const lines = [
    '',
    `news portal benchmark, ${new Date().toISOString()} (${r.opts.tool}, ${r.opts.seconds} s per run after ${r.opts.warmup} s warm-up` +
      `${r.pinning ? ', server on core 0, load generator on core 1' : ''})`,
    `targets: ${r.targets.map((t) => `${t.name} = ${t.path} (${t.bytes} B)`).join('; ')}`,
    '',
    table,
    '',
    `start-up: ${r.startupMs} ms (until /healthz answered; ${r.db.fresh ? 'fresh database' : 'reused database'})`,
    `max RSS:  ${r.maxRssMb.toFixed(1)} MB (after start-up ${r.idleRssMb.toFixed(1)} MB)`,
    '',
    'goals (issue 6):',
    ...r.goals.map((g) => `  ${g.pass ? 'ok  ' : 'MISS'} ${g.goal}: ${g.value}`),
  ];
  if (r.notes.length) lines.push('', 'notes:', ...r.notes.map((n) => `  - ${n}`));
  console.log(lines.join('\n'));

  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}` },
    tool: toolVersion(r.opts.tool),
    settings: { seconds: r.opts.seconds, warmupSeconds: r.opts.warmup, connections: CONNECTIONS, pinned: r.pinning },
    database: {
      path: DB_PATH,
      articles: ARTICLES,
      comments: COMMENTS,
      fresh: r.db.fresh,
      seedSeconds: r.db.seedSeconds,
      publishedArticles: r.before.published,
      sessionsBefore: r.before.sessions,
      sessionsAfter: r.after.sessions,
    },
    startupMs: r.startupMs,
    shutdownMs: r.shutdownMs,
    maxRssMb: round(r.maxRssMb, 1),
    rssAfterStartupMb: round(r.idleRssMb, 1),
    targets: r.targets.map(({ name, path: p, bytes, setsCookie }) => ({ name, path: p, bytes, setsCookie })),
    results: r.rows.map((row) => ({
      target: row.target,
      path: row.path,
      connections: row.connections,
      requests: row.requests,
      seconds: round(row.seconds, 2),
      rps: round(row.rps, 1),
      p50Ms: round(row.p50_ms, 3),
      p99Ms: round(row.p99_ms, 3),
      ratio: round(row.ratio, 4),
      non2xx: row.non2xx,
      errors: row.errors,
      rssMaxMb: round(row.rssMaxMb, 1),
    })),
    goals: r.goals,
    notes: r.notes,
  };
  const dir = path.join(ROOT, 'bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.date.replace(/[:.]/g, '-')}.json`);
  const json = JSON.stringify(result, null, 2) + '\n';
  fs.writeFileSync(file, json);
  fs.writeFileSync(path.join(dir, 'latest.json'), json);
  console.log(`\nwritten: ${path.relative(ROOT, file)} and bench-results/latest.json`);
}

// Stop everything this run started on Ctrl-C / kill, on errors, and at the end.
let stopping = false;
async function abort(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping the processes this run started`);
  await stopAll();
  process.exit(130);
}
process.on('SIGINT', () => abort('SIGINT'));
process.on('SIGTERM', () => abort('SIGTERM'));
process.on('SIGHUP', () => abort('SIGHUP'));

try {
  await main();
} catch (err) {
  process.exitCode = 1;
  if (!stopping) log(`failed: ${err instanceof Error ? err.message : err}`);
  if (!stopping && portalStarted) log(`portal log: ${SERVER_LOG}`);
} finally {
  const left = await stopAll();
  if (left.length) log(`stopped: ${left.join(', ')}`);
}
