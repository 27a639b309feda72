#!/usr/bin/env node
// npm run bench [-- --reuse] [--seconds 10] [--warmup 2] [--tool wrk|autocannon] [--encoding gzip|identity]
//
// One bounded benchmark run of the portal (issue 6), in two passes over the same database:
//  1. a database from the bulk generator (10,000 articles, 100,000 comments) in a temp folder;
//  2. npm run build, then the portal as `npm run serve` starts it (node with the same flags),
//     in production mode, pinned to core 0 (start-up timed);
//  3. cached pass (page cache on): wrk (or autocannon) pinned to core 1, 127.0.0.1 only, every
//     request with the Accept-Encoding a browser sends (--encoding): a bare node:http server
//     sending the exact bytes the portal sends for one article page (the ceiling), article
//     (random ids; the cache is primed with every article first), article-identity (random
//     ids, no Accept-Encoding), home, category page 1 and 80, search; after each run a sample
//     of requests counts the portal's x-page-cache hits;
//  4. uncached pass: the portal restarted with PAGE_CACHE=off, article, home, category,
//     category-p80 and search at 50 connections, each compared with the straightforward render;
//  5. the portal's VmRSS sampled throughout both passes;
//  6. a table on stdout, JSON in bench-results/<timestamp>.json and bench-results/latest.json;
//  7. every process it started is stopped by PID, on errors too.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { ACCEPT_ENCODING, runLoad } from './load.mjs';
import {
  formatTable,
  freePort,
  getAll,
  hasCommand,
  pinned,
  rawGet,
  RssSampler,
  runCommand,
  sampleCache,
  startProcess,
  stopAll,
  stopProcess,
  waitForOk,
} from './lib.mjs';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const ARTICLES = 10_000;
const COMMENTS = 100_000;
const CONNECTIONS = [50, 10]; // throughput (ratios) at 50, latency (p99) at 10
const THROUGHPUT = 50; // the connection count of the rows measured for throughput only
const SERVER_CORE = 0;
const STARTUP_TIMEOUT_MS = 30_000;
const PRIME_CONCURRENCY = 16;
const PRIME_TIMEOUT_MS = 120_000;
const CACHE_SAMPLE = 20; // requests after each run that count x-page-cache hits
// Our own folder: created with a marker file; only files named below are ever deleted in it.
const WORK_DIR = process.env.BENCH_DIR || path.join(os.tmpdir(), 'news-portal-bench');
const MARKER = path.join(WORK_DIR, '.created-by-news-portal-bench');
const DB_PATH = path.join(WORK_DIR, 'bench.db');
const DB_META = path.join(WORK_DIR, 'bench-db.json'); // what the database was seeded with
const PAGE_FILE = path.join(WORK_DIR, 'ceiling-page.html'); // gzip bytes when --encoding gzip
const SERVER_LOG = path.join(WORK_DIR, 'server.log'); // emptied at the start of every run
const CACHED = ['article', 'home', 'category', 'category-p80']; // pages the caching work targets

// The "straightforward render" baseline: req/s measured on this machine (2 cores) before the
// caching work, at commit d7e3268, with this bench (wrk 4.1.0, one thread on core 1, portal on
// core 0, 50 connections, no Accept-Encoding, i.e. identity encoding). The uncached pass must
// reach UNCACHED_FACTOR_GOAL times these for the CACHED targets; search is shown, no goal.
const STRAIGHTFORWARD_RENDER = {
  commit: 'd7e3268',
  measured: 'this machine, npm run bench, wrk, 50 connections, identity encoding',
  rps: { article: 1217, home: 1060, category: 993, 'category-p80': 757, search: 362 },
};
const UNCACHED_FACTOR_GOAL = 2;

const log = (msg) => console.error(`bench: ${msg}`);
let portalStarted = false; // for the hint to its log on errors
const samplers = []; // RSS samplers of both portals, stopped at the end

function options() {
  const { values } = parseArgs({
    options: {
      reuse: { type: 'boolean', default: false },
      seconds: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      tool: { type: 'string' },
      encoding: { type: 'string', default: 'gzip' },
    },
  });
  const seconds = Number(values.seconds);
  const warmup = Number(values.warmup);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 60) throw new Error('--seconds must be 1..60');
  if (!Number.isInteger(warmup) || warmup < 0 || warmup > 30) throw new Error('--warmup must be 0..30');
  const tool = values.tool ?? (hasCommand('wrk') ? 'wrk' : 'autocannon');
  if (tool !== 'wrk' && tool !== 'autocannon') throw new Error('--tool must be wrk or autocannon');
  if (tool === 'wrk' && !hasCommand('wrk')) throw new Error('wrk not found (apt-get install -y wrk), or use --tool autocannon');
  if (!Object.hasOwn(ACCEPT_ENCODING, values.encoding)) throw new Error('--encoding must be gzip or identity');
  return { reuse: values.reuse, seconds, warmup, tool, encoding: values.encoding };
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
    const articles = db.prepare("SELECT count(*) AS n, min(id) AS minId, max(id) AS maxId FROM articles WHERE status = 'published'").get();
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
const randomId = (maxId) => 1 + Math.floor(Math.random() * maxId);

/**
 * The node arguments of package.json's `serve` script (V8 flags, then dist/server.js): the bench
 * measures the portal started exactly as `npm start` starts it. Spawned directly, not through
 * npm, so that the sampled RSS is the portal's.
 */
function serveArgs() {
  const script = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.serve;
  const words = script.trim().split(/\s+/);
  if (words[0] === 'exec') words.shift(); // the script execs node so that signals reach it
  if (words[0] !== 'node' || words.at(-1) !== 'dist/server.js' || words.slice(1, -1).some((w) => !w.startsWith('--'))) {
    throw new Error(`package.json's serve script is not "[exec] node [--flags] dist/server.js": ${script}`);
  }
  return words.slice(1);
}

/** The portal in production mode, pinned to core 0; start-up = spawn until /healthz answers 200. */
async function startPortal(pass, secrets, extraEnv) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    ...secrets,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_PATH: DB_PATH,
    ...extraEnv,
  };
  fs.appendFileSync(SERVER_LOG, `--- bench: ${pass} pass, ${new Date().toISOString()}, ${JSON.stringify(extraEnv)} ---\n`);
  log(
    `${pass} pass: starting the portal on ${base} (${Object.entries(extraEnv)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}; log: ${SERVER_LOG})`,
  );
  const started = Date.now();
  const child = startProcess(`portal (${pass})`, ...pinned(SERVER_CORE, process.execPath, serveArgs()), {
    env,
    cwd: ROOT,
    logFile: SERVER_LOG,
  });
  portalStarted = true;
  const rss = new RssSampler(child.pid); // from the first moment on
  samplers.push(rss);
  const startupMs = await waitForOk(`${base}/healthz`, started, STARTUP_TIMEOUT_MS, child);
  const idleRssMb = rss.sample() / 1024;
  log(`portal up in ${startupMs} ms`);
  return { child, base, rss, startupMs, idleRssMb };
}

/** Stops the portal gracefully (it flushes view counts) and reads the database afterwards. */
async function stopPortal(portal, pass, before, notes) {
  const stopStarted = Date.now();
  const exit = await stopProcess(portal.child);
  const shutdownMs = Date.now() - stopStarted;
  portal.rss.stop();
  if (exit.code !== 0) notes.push(`${pass} pass: portal exited with ${exit.code ?? exit.signal} on SIGTERM (see ${SERVER_LOG})`);
  const after = await databaseFacts();
  const sessionsWritten = after.sessions - before.sessions;
  if (sessionsWritten > 0) {
    notes.push(`${pass} pass: ${sessionsWritten} session rows were written (anonymous GETs that store a session)`);
  }
  return {
    after,
    info: {
      startupMs: portal.startupMs,
      shutdownMs,
      rssAfterStartupMb: portal.idleRssMb,
      maxRssMb: portal.rss.maxKb / 1024,
      sessionsWritten,
      exit,
    },
  };
}

/** One plain GET of each target first (it must be a 200); the random-id target: the first and last id. */
async function probeTargets(targets, notes) {
  for (const t of targets) {
    const urls = t.randomArticleMax ? [t.articleUrl(1), t.articleUrl(t.randomArticleMax)] : [t.url];
    for (const url of urls) {
      const answer = await rawGet(url, { acceptEncoding: ACCEPT_ENCODING[t.encoding] });
      t.bytes = answer.body.length;
      t.contentEncoding = answer.headers['content-encoding'] ?? 'identity';
      t.setsCookie = answer.setsCookie;
      if (answer.status !== 200) notes.push(`${t.name}: ${url} answered ${answer.status}`);
    }
  }
}

/**
 * Warm-up and measured runs of each target; after each run a sample of CACHE_SAMPLE requests
 * (same Accept-Encoding) counts the portal's x-page-cache answers.
 */
async function measure(targets, { opts, rss, progress, beforeTarget }) {
  const rows = [];
  for (const t of targets) {
    if (beforeTarget) await beforeTarget(t);
    const load = { url: t.url, randomArticleMax: t.randomArticleMax, encoding: t.encoding, root: ROOT };
    if (opts.warmup > 0) {
      log(`${t.name}: warm-up ${opts.warmup} s`);
      await runLoad(opts.tool, { ...load, connections: THROUGHPUT, seconds: opts.warmup });
    }
    rss.takeWindowMax();
    for (const connections of t.connections) {
      progress.done += 1;
      log(`[${progress.done}/${progress.total}] ${t.name} ${t.path}: ${connections} connections, ${opts.seconds} s`);
      const r = await runLoad(opts.tool, { ...load, connections, seconds: opts.seconds });
      const row = { target: t.name, base: t.base, pass: t.pass, path: t.path, connections, encoding: t.encoding, ...r };
      row.rssMaxMb = rss.takeWindowMax() / 1024;
      row.endedAt = Date.now();
      row.pageCache =
        t.name === 'ceiling'
          ? null
          : await sampleCache(() => (t.randomArticleMax ? t.articleUrl(randomId(t.randomArticleMax)) : t.url), {
              count: CACHE_SAMPLE,
              acceptEncoding: ACCEPT_ENCODING[t.encoding],
            });
      rows.push(row);
    }
  }
  return rows;
}

/** The reader-page targets of one pass (names suffixed for the uncached pass). */
function portalTargets(base, maxId, { pass, encoding, connections, withIdentity }) {
  const suffix = pass === 'uncached' ? '-uncached' : '';
  const articleUrl = (id) => `${base}/article/${id}`;
  const t = (name, p, extra = {}) => ({
    name: name + suffix,
    base: name,
    pass,
    path: p,
    url: `${base}${p}`,
    encoding,
    connections,
    ...extra,
  });
  const article = { path: `/article/<1..${maxId}>`, url: `${base}/`, randomArticleMax: maxId, articleUrl };
  const targets = [{ ...t('article', '/'), ...article, prime: pass === 'cached' }];
  if (withIdentity) {
    // informational: what unzipping per request costs for clients that do not accept gzip
    targets.push({ ...t('article-identity', '/'), ...article, encoding: 'identity', connections: [THROUGHPUT] });
  }
  targets.push(t('home', '/'), t('category', '/category/law'), t('category-p80', '/category/law?page=80'), {
    ...t('search', `/search?q=${encodeURIComponent('法院')}`),
    path: '/search?q=法院',
  });
  return targets;
}

async function main() {
  const opts = options();
  const notes = []; // anything odd, printed under the table and kept in the JSON
  const pinning = hasCommand('taskset');
  if (!pinning) notes.push('taskset not found: processes are not pinned to cores');

  const db = await prepareDatabase(opts.reuse);
  fs.writeFileSync(SERVER_LOG, ''); // this run's log only (both passes)
  log('npm run build');
  await runCommand('build', 'npm', ['run', '--silent', 'build'], { cwd: ROOT });
  const before = await databaseFacts();
  if (before.minId !== 1 || before.maxId !== before.published) {
    notes.push(`published article ids are not 1..${before.published} (min ${before.minId}, max ${before.maxId}): random ids may 404`);
  }
  const secrets = {
    SESSION_SECRET: randomBytes(36).toString('base64url'), // 48 characters
    ADMIN_PASSWORD: randomBytes(18).toString('base64url'),
  };
  const pageCacheSettings = {
    mb: process.env.PAGE_CACHE_MB || '96 (default)',
    maxAgeS: process.env.PAGE_CACHE_MAX_AGE || '60 (default)',
  };
  const maxAgeMs = Number.parseInt(pageCacheSettings.maxAgeS, 10) * 1000;
  const withIdentity = opts.encoding !== 'identity';
  if (!withIdentity) notes.push('--encoding identity: no separate article-identity row (the article rows are identity already)');
  const progress = { done: 0, total: 2 + 2 + (withIdentity ? 1 : 0) + 4 * 2 + 5 };

  // ---- Pass 1: page cache on --------------------------------------------------------------
  const cached = await startPortal('cached', secrets, { PAGE_CACHE: 'on' });

  // The ceiling: the sample article page exactly as the portal sent it (raw, still compressed),
  // from a bare node:http server, also on core 0.
  const sampleId = Math.ceil(before.maxId / 2);
  const page = await rawGet(`${cached.base}/article/${sampleId}`, { acceptEncoding: ACCEPT_ENCODING[opts.encoding] });
  if (page.status !== 200) throw new Error(`/article/${sampleId} answered ${page.status}`);
  const ceilingEncoding = page.headers['content-encoding'] ?? 'identity';
  if (ceilingEncoding !== 'gzip' && ceilingEncoding !== 'identity')
    throw new Error(`/article/${sampleId}: unexpected Content-Encoding ${ceilingEncoding}`);
  if (opts.encoding === 'gzip' && ceilingEncoding !== 'gzip')
    notes.push(`/article/${sampleId} answered without gzip to Accept-Encoding: ${ACCEPT_ENCODING.gzip}`);
  if (opts.encoding === 'identity' && ceilingEncoding !== 'identity')
    notes.push(`/article/${sampleId} answered ${ceilingEncoding} to a request without Accept-Encoding`);
  const ceilingPage = {
    articleId: sampleId,
    bytes: page.body.length,
    contentEncoding: ceilingEncoding,
    unzippedBytes: ceilingEncoding === 'gzip' ? gunzipSync(page.body).length : page.body.length,
  };
  fs.writeFileSync(PAGE_FILE, page.body);
  const ceilingPort = await freePort();
  const ceilingServer = startProcess(
    'ceiling',
    ...pinned(SERVER_CORE, process.execPath, [
      path.join(ROOT, 'bench', 'ceiling-server.mjs'),
      PAGE_FILE,
      String(ceilingPort),
      ceilingEncoding,
    ]),
    { cwd: ROOT },
  );
  await waitForOk(`http://127.0.0.1:${ceilingPort}/`, Date.now(), 10_000, ceilingServer);

  // The ceiling first: every ratio is against it, at the same connection count.
  const ceilingTarget = {
    name: 'ceiling',
    base: 'ceiling',
    pass: 'cached',
    path: '/',
    url: `http://127.0.0.1:${ceilingPort}/`,
    encoding: opts.encoding,
    connections: CONNECTIONS,
  };
  const cachedTargets = [
    ceilingTarget,
    ...portalTargets(cached.base, before.maxId, { pass: 'cached', encoding: opts.encoding, connections: CONNECTIONS, withIdentity }),
  ];
  await probeTargets(cachedTargets, notes);
  for (const t of cachedTargets) {
    if (t.name !== 'ceiling' && t.encoding === 'gzip' && t.contentEncoding !== 'gzip')
      notes.push(`${t.name}: answered ${t.contentEncoding} to Accept-Encoding: ${ACCEPT_ENCODING.gzip}`);
  }

  // Warm cache: every article once, just before the article runs.
  let priming = null;
  const primeCache = async (t) => {
    if (!t.prime) return;
    log(`priming the page cache: /article/1..${t.randomArticleMax}, ${PRIME_CONCURRENCY} at a time (at most ${PRIME_TIMEOUT_MS / 1000} s)`);
    const urls = Array.from({ length: t.randomArticleMax }, (_, i) => t.articleUrl(i + 1));
    const r = await getAll(urls, { concurrency: PRIME_CONCURRENCY, acceptEncoding: ACCEPT_ENCODING.gzip, timeoutMs: PRIME_TIMEOUT_MS });
    priming = { ...r, startedAt: Date.now() - r.ms, seconds: r.ms / 1000, rssAfterMb: cached.rss.sample() / 1024 };
    log(`primed ${r.requested} pages in ${(r.ms / 1000).toFixed(1)} s (portal RSS now ${priming.rssAfterMb.toFixed(1)} MB)`);
    if (!r.complete) notes.push(`priming stopped after ${PRIME_TIMEOUT_MS / 1000} s: ${r.requested} of ${r.of} articles requested`);
    const odd = Object.entries(r.statuses).filter(([s]) => s !== '200');
    if (odd.length || r.errors)
      notes.push(
        `priming: ${odd
          .map(([s, n]) => `${n} x ${s}`)
          .concat(r.errors ? [`${r.errors} errors`] : [])
          .join(', ')}`,
      );
  };
  const cachedRows = await measure(cachedTargets, { opts, rss: cached.rss, progress, beforeTarget: primeCache });

  await stopProcess(ceilingServer);
  const pass1 = await stopPortal(cached, 'cached', before, notes);

  // ---- Pass 2: page cache off (every page rendered per request) ---------------------------
  const uncached = await startPortal('uncached', secrets, { PAGE_CACHE: 'off' });
  const uncachedTargets = portalTargets(uncached.base, before.maxId, {
    pass: 'uncached',
    encoding: opts.encoding,
    connections: [THROUGHPUT],
    withIdentity: false,
  });
  await probeTargets(uncachedTargets, notes);
  const uncachedRows = await measure(uncachedTargets, { opts, rss: uncached.rss, progress });
  const pass2 = await stopPortal(uncached, 'uncached', pass1.after, notes);

  // Ratios against the ceiling at the same connection count; uncached rows against the render.
  const rows = [...cachedRows, ...uncachedRows];
  for (const row of rows) {
    const ceiling = rows.find((r) => r.target === 'ceiling' && r.connections === row.connections);
    row.ratio = row.rps / ceiling.rps;
    const render = STRAIGHTFORWARD_RENDER.rps[row.base];
    row.vsRender = row.pass === 'uncached' && render ? row.rps / render : null;
    if (row.non2xx > 0) notes.push(`${row.target} at ${row.connections} connections: ${row.non2xx} answers with status >= 400`);
    if (row.errors > 0) notes.push(`${row.target} at ${row.connections} connections: ${row.errors} socket errors/timeouts`);
    const s = row.pageCache;
    if (s && (s.non200 || s.errors))
      notes.push(`${row.target} at ${row.connections}: x-page-cache sample had ${s.non200} non-200 answers, ${s.errors} errors`);
    if (s && row.pass === 'uncached' && s.none < s.sampled) notes.push(`${row.target}: x-page-cache header seen with PAGE_CACHE=off`);
  }
  const missed = cachedRows.filter((row) => row.pageCache && row.pageCache.hit < row.pageCache.sampled);
  if (missed.length) {
    notes.push(
      `warm cache, yet not every sampled request was an x-page-cache hit (hit/miss/no header after the run): ` +
        missed
          .map((row) => `${row.target} ${row.connections} conn ${row.pageCache.hit}/${row.pageCache.miss}/${row.pageCache.none}`)
          .join(', '),
    );
  }
  if (priming) {
    // What the article pages take in the cache at most: PageCache counts each page's own gzip
    // bytes + 1 KB; the bytes on the wire also hold the shared sidebar and footer, counted once.
    const neededMb = (priming.gzipBytes + priming.gzipAnswers * 1024) / 1024 / 1024;
    const limitMb = Number.parseInt(pageCacheSettings.mb, 10);
    priming.cacheMbNeeded = round(neededMb, 1);
    if (priming.gzipAnswers > 0 && neededMb > limitMb) {
      notes.push(
        `the ${priming.gzipAnswers} article pages take about ${neededMb.toFixed(1)} MB in the page cache at most (gzip + 1 KB per entry), ` +
          `more than PAGE_CACHE_MB ${limitMb}: about ${Math.round((100 * limitMb) / neededMb)}% of them fit, so random-id article requests cannot all be hits`,
      );
    }
    const lastArticleRun = Math.max(
      ...cachedRows.filter((r) => r.base === 'article' || r.base === 'article-identity').map((r) => r.endedAt),
    );
    if (lastArticleRun - priming.startedAt > maxAgeMs) {
      notes.push(
        `the article runs ended ${((lastArticleRun - priming.startedAt) / 1000).toFixed(0)} s after priming began: pages primed first had passed PAGE_CACHE_MAX_AGE`,
      );
    }
  }
  const cookieTargets = [...cachedTargets, ...uncachedTargets].filter((t) => t.setsCookie && t.name !== 'ceiling').map((t) => t.name);
  if (cookieTargets.length) notes.push(`anonymous GET sets a session cookie: ${cookieTargets.join(', ')}`);

  const maxRssMb = Math.max(pass1.info.maxRssMb, pass2.info.maxRssMb);
  const goals = checkGoals(rows, maxRssMb, cached.startupMs);
  report({
    opts,
    pinning,
    db,
    before,
    after: pass2.after,
    passes: { cached: pass1.info, uncached: pass2.info },
    maxRssMb,
    pageCacheSettings,
    ceilingPage,
    priming,
    targets: [...cachedTargets, ...uncachedTargets],
    rows,
    goals,
    notes,
  });
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
  for (const target of CACHED) {
    const row = at(`${target}-uncached`, THROUGHPUT);
    goals.push({
      goal: `${target} uncached >= ${UNCACHED_FACTOR_GOAL}x straightforward render (${STRAIGHTFORWARD_RENDER.rps[target]} req/s)`,
      value: round(row.vsRender, 2),
      pass: row.vsRender >= UNCACHED_FACTOR_GOAL,
    });
  }
  goals.push({ goal: 'max RSS < 200 MB (both passes)', value: round(maxRssMb, 1), pass: maxRssMb < 200 });
  goals.push({ goal: 'start-up < 2000 ms (cached pass)', value: startupMs, pass: startupMs < 2000 });
  return goals;
}

function report(r) {
  const cacheCell = (s) => (s === null ? '' : s.hit + s.miss === 0 ? '-' : `${s.hit}/${s.sampled}`);
  const header = ['target', 'conn', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'x-page-cache', 'x render', 'non-2xx', 'errors'];
  const table = formatTable(
    header,
    r.rows.map((row) => [
      row.target,
      row.connections,
      Math.round(row.rps),
      row.p50_ms.toFixed(2),
      row.p99_ms.toFixed(2),
      row.ratio.toFixed(4),
      cacheCell(row.pageCache),
      row.vsRender === null ? '' : `${row.vsRender.toFixed(2)}x`,
      row.non2xx,
      row.errors,
    ]),
  );
  const accept = ACCEPT_ENCODING[r.opts.encoding];
  const p = r.priming;
  const render = Object.entries(STRAIGHTFORWARD_RENDER.rps)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  const lines = [
    '',
    `news portal benchmark, ${new Date().toISOString()} (${r.opts.tool}, ${r.opts.seconds} s per run after ${r.opts.warmup} s warm-up` +
      `${r.pinning ? ', server on core 0, load generator on core 1' : ''})`,
    `requests: ${accept ? `Accept-Encoding: ${accept} (--encoding gzip, as Chromium sends)` : 'no Accept-Encoding (--encoding identity)'}` +
      `${r.opts.encoding === 'gzip' ? '; article-identity sends none' : ''}`,
    `ceiling: /article/${r.ceilingPage.articleId} exactly as the portal sent it: ${r.ceilingPage.bytes} B ${r.ceilingPage.contentEncoding}` +
      `${r.ceilingPage.contentEncoding === 'gzip' ? ` (${r.ceilingPage.unzippedBytes} B unzipped)` : ''}`,
    `cached pass (PAGE_CACHE=on, PAGE_CACHE_MB ${r.pageCacheSettings.mb}, PAGE_CACHE_MAX_AGE ${r.pageCacheSettings.maxAgeS} s): WARM cache, ` +
      (p
        ? `every article 1..${p.of} requested once before the article runs (${p.requested} in ${p.seconds.toFixed(1)} s, ` +
          `${PRIME_CONCURRENCY} at a time; portal RSS after priming ${p.rssAfterMb.toFixed(1)} MB)`
        : 'not primed'),
    `uncached pass (PAGE_CACHE=off, every page rendered per request): "x render" = req/s / straightforward render at ${STRAIGHTFORWARD_RENDER.commit} (${render} req/s)`,
    `x-page-cache: hits among ${CACHE_SAMPLE} requests sent after each run ("-": no such header)`,
    `targets: ${r.targets.map((t) => `${t.name} = ${t.path} (${t.bytes} B ${t.contentEncoding})`).join('; ')}`,
    '',
    table,
    '',
    `start-up: ${r.passes.cached.startupMs} ms cached pass, ${r.passes.uncached.startupMs} ms uncached pass ` +
      `(until /healthz answered; ${r.db.fresh ? 'fresh database' : 'reused database'})`,
    `max RSS:  ${r.maxRssMb.toFixed(1)} MB over both passes (cached ${r.passes.cached.maxRssMb.toFixed(1)} MB, after start-up ` +
      `${r.passes.cached.rssAfterStartupMb.toFixed(1)} MB; uncached ${r.passes.uncached.maxRssMb.toFixed(1)} MB)`,
    '',
    'goals (issue 6):',
    ...r.goals.map((g) => `  ${g.pass ? 'ok  ' : 'MISS'} ${g.goal}: ${g.value}`),
  ];
  if (r.notes.length) lines.push('', 'notes:', ...r.notes.map((n) => `  - ${n}`));
  console.log(lines.join('\n'));

  const passInfo = (info) => ({
    startupMs: info.startupMs,
    shutdownMs: info.shutdownMs,
    rssAfterStartupMb: round(info.rssAfterStartupMb, 1),
    maxRssMb: round(info.maxRssMb, 1),
    sessionsWritten: info.sessionsWritten,
    exit: info.exit,
  });
  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      node: process.version,
      portalNodeFlags: serveArgs().slice(0, -1),
      platform: `${os.platform()} ${os.release()}`,
    },
    tool: toolVersion(r.opts.tool),
    settings: {
      seconds: r.opts.seconds,
      warmupSeconds: r.opts.warmup,
      connections: CONNECTIONS,
      pinned: r.pinning,
      encoding: r.opts.encoding,
      acceptEncoding: accept,
      cacheSampleRequests: CACHE_SAMPLE,
      pageCacheMb: r.pageCacheSettings.mb,
      pageCacheMaxAgeSeconds: r.pageCacheSettings.maxAgeS,
    },
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
    straightforwardRender: STRAIGHTFORWARD_RENDER,
    uncachedFactorGoal: UNCACHED_FACTOR_GOAL,
    startupMs: r.passes.cached.startupMs,
    maxRssMb: round(r.maxRssMb, 1),
    passes: { cached: passInfo(r.passes.cached), uncached: passInfo(r.passes.uncached) },
    ceiling: r.ceilingPage,
    priming: p && {
      warmCache: true,
      articles: p.of,
      requested: p.requested,
      complete: p.complete,
      seconds: round(p.seconds, 2),
      concurrency: PRIME_CONCURRENCY,
      statuses: p.statuses,
      errors: p.errors,
      cacheMbNeeded: p.cacheMbNeeded,
      rssAfterMb: round(p.rssAfterMb, 1),
    },
    targets: r.targets.map(({ name, pass, path: tp, encoding, bytes, contentEncoding, setsCookie }) => ({
      name,
      pass,
      path: tp,
      acceptEncoding: ACCEPT_ENCODING[encoding],
      bytes,
      contentEncoding,
      setsCookie,
    })),
    results: r.rows.map((row) => ({
      target: row.target,
      pass: row.pass,
      path: row.path,
      connections: row.connections,
      encoding: row.encoding,
      requests: row.requests,
      seconds: round(row.seconds, 2),
      rps: round(row.rps, 1),
      p50Ms: round(row.p50_ms, 3),
      p99Ms: round(row.p99_ms, 3),
      ratio: round(row.ratio, 4),
      vsStraightforwardRender: round(row.vsRender, 3),
      pageCache: row.pageCache,
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
  for (const rss of samplers) rss.stop();
  const left = await stopAll();
  if (left.length) log(`stopped: ${left.join(', ')}`);
}
