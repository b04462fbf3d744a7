#!/usr/bin/env node
// The PocketShop benchmark (bench/README.md). For each database: seed the
// bench marketplace into a fresh database, start a Release server on
// 127.0.0.1 with the test-mode payment gateway (`pocketshop gateway`, the
// same binary) beside it, drive every case with wrk for a fixed time, check
// that checkout never oversold, and write a table of the results to
// bench/results/.
//
//   node bench/run.mjs --binary build-release/server/pocketshop
//        [--seconds 10] [--databases sqlite,postgresql]
//        [--cases list,pages,detail,search,shop,directory,bare,checkout,writes]
//        [--payment-tokens-per-second 2500] [--keep-work] [--scale N]
//        [--pin server=0-1,db=2-3,wrk=4-5] [--wrk-threads 2] [--alone-seconds 3]
//        [--paced-seconds 3]
//
// Each read case runs with --connections (64), then for --alone-seconds with
// one, then for --paced-seconds at half the rate the first run reached: the
// second p99 is a request's own latency, without the queue of the first; the
// third is its latency under a load that leaves the server headroom.
//
// With --scale N, each database is seeded twice, at 1x and grown N times
// (`seed --bench --scale N`), both servers run side by side, and every case
// runs on one, then the other, then again in the reverse order; the table
// gives both and their ratio, with seeding time, database size and peak RSS.
//
// The bare case runs pocketshop-bare (bench/bare_beast/), a bare Beast server
// that answers with the product detail case's first body, on the server's
// cores with as many threads, under the same load: the report gives product
// detail and list as shares of its rate.
//
// PostgreSQL runs need POCKETSHOP_TEST_PG_URL (scripts/with-postgres.sh).
import { spawn } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  freePort,
  gatewayArguments,
  loadServeFlags,
  login,
  machine,
  mintPaymentTokens,
  request,
  run,
  sleep,
  wrk as benchWrk,
  writeListCase,
  writeLines,
} from './lib.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);

const { values: options } = parseArgs({
  options: {
    binary: { type: 'string', default: 'build-release/server/pocketshop' },
    // The bare case's server; by default where the same build put it.
    'bare-binary': { type: 'string', default: '' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '64' },
    // Each read case then runs this long with one connection: its latency
    // without other requests queued before it (0 leaves it out).
    'alone-seconds': { type: 'string', default: '3' },
    // Then this long at half the rate it just reached, from 16 connections
    // that each wait a random time between requests: its latency under load
    // that leaves the server headroom, as a shop is run (0 leaves it out).
    'paced-seconds': { type: 'string', default: '3' },
    databases: { type: 'string', default: 'sqlite,postgresql' },
    cases: {
      type: 'string',
      default: 'list,pages,detail,search,shop,directory,bare,checkout,writes',
    },
    out: { type: 'string', default: path.join(here, 'results') },
    // Single-use payment tokens minted before the checkout case, per second
    // of it (and of the warm-up, as headroom): above any rate it reaches.
    'payment-tokens-per-second': { type: 'string', default: '2500' },
    // Keep each database's work folder (logs of the server and the gateway).
    'keep-work': { type: 'boolean', default: false },
    // Grow the marketplace N times and compare with 1x in one run.
    scale: { type: 'string', default: '1' },
    // Runs each role under `taskset -c` on its own cores (bench/README.md,
    // "Pinned to cores"): server, gateway, wrk, and db (PostgreSQL, which
    // scripts/with-postgres.sh pins with PG_CPUS). A role's cores: 0-3 or 0-1+4-5.
    pin: { type: 'string', default: '' },
    // wrk's threads for the read cases (the checkout case runs one per connection).
    'wrk-threads': { type: 'string', default: '2' },
  },
});

const pins = parsePins(options.pin);

function parsePins(text) {
  const pins = {};
  for (const entry of text.split(',').filter(Boolean)) {
    const [role, cores] = entry.split('=');
    if (
      !['server', 'gateway', 'db', 'wrk'].includes(role) ||
      !/^\d+(-\d+)?(\+\d+(-\d+)?)*$/.test(cores ?? '')
    )
      throw new Error(
        `--pin ${entry}: expected server|gateway|db|wrk=CORES, e.g. server=0-1,db=2-3,wrk=4-5`,
      );
    pins[role] = cores.replaceAll('+', ',');
  }
  // The bench does not start PostgreSQL: check that it was started on these cores.
  if (pins.db && (process.env.PG_CPUS ?? '').replaceAll('+', ',') !== pins.db)
    throw new Error(
      `--pin db=${pins.db}: start PostgreSQL on them, e.g. PG_CPUS=${pins.db} scripts/with-postgres.sh node bench/run.mjs ...`,
    );
  return pins;
}

// [command, args], under `taskset -c` when the role is pinned (taskset execs
// the command: the process keeps its pid for the CPU and memory readings).
function pinned(role, command, args) {
  return pins[role] ? ['taskset', ['-c', pins[role], command, ...args]] : [command, args];
}

// Targets from issue #6, on this 2-core machine with wrk sharing the cores.
const readCases = [
  // Browsing the catalogue: each page follows the previous one's `next`.
  { key: 'list', name: 'product list', file: 'list.txt', minRps: 10000, maxP99: 20 },
  // The same pages by number (?page=N), as a numbered pager jumps to them.
  { key: 'pages', name: 'product list by page number', file: 'pages.txt' },
  { key: 'detail', name: 'product detail', file: 'detail.txt', minRps: 20000, maxP99: 20 },
  { key: 'search', name: 'search (filter + sort)', file: 'search.txt', minRps: 5000 },
  { key: 'shop', name: 'shop page', file: 'shop.txt' },
  { key: 'directory', name: 'shop directory', file: 'directory.txt' },
];
const chosen = new Set(options.cases.split(','));
const cases = readCases.filter((c) => chosen.has(c.key));
const checkoutTargets = { sqlite: 1500, postgresql: 800 };
// Issue 19's targets, as shares of the bare Beast server's rate on the same cores.
const bareShareTargets = { detail: 0.4, list: 0.15 };
const bareBinary =
  options['bare-binary'] ||
  path.join(path.dirname(options.binary), '..', 'bench', 'bare_beast', 'pocketshop-bare');
const maxRssMb = 200;

// A fresh, empty database for one run.
function databaseUrl(database, work) {
  if (database === 'sqlite') return `sqlite://${work}/pocketshop.db`;
  const admin = process.env.POCKETSHOP_TEST_PG_URL;
  if (!admin) throw new Error('PostgreSQL runs need POCKETSHOP_TEST_PG_URL');
  const name = `bench_${process.pid}_${Date.now()}`;
  run('psql', [admin, '-qc', `CREATE DATABASE ${name}`]);
  return admin.replace(/\/[^/]*$/, `/${name}`);
}

// The numbers one SELECT answers, in one snapshot (its columns separated by |).
function sql(database, url, query) {
  const out =
    database === 'sqlite'
      ? run('sqlite3', [url.replace('sqlite://', ''), query])
      : run('psql', [url, '-Atc', query]);
  return out.trim().split('|').map(Number);
}

// A child process: `pocketshop serve`, the payment gateway (`pocketshop
// gateway`) or pocketshop-bare, on the cores of its --pin role.
class Server {
  constructor(binary, args, logFile, role = 'server') {
    this.logFile = logFile;
    this.log = fs.openSync(logFile, 'w');
    this.process = spawn(...pinned(role, binary, args), {
      stdio: ['ignore', this.log, this.log],
    });
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
  }

  // The address it logs once it serves ("listening on http://HOST:PORT").
  async waitUntilListening() {
    for (let attempt = 0; attempt < 100; ++attempt) {
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(
        fs.readFileSync(this.logFile, 'utf8'),
      );
      if (match) return match[1];
      if (this.process.exitCode !== null) break;
      await sleep(100);
    }
    throw new Error(`${this.logFile}: not listening`);
  }

  // User + system CPU time so far, in microseconds (/proc/<pid>/stat).
  cpuMicros() {
    const stat = fs.readFileSync(`/proc/${this.process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100; // utime, stime at USER_HZ 100
  }

  // Bytes read and written so far by read- and write-family calls
  // (/proc/<pid>/io): SQLite's files; the sockets use sendmsg and recv, which
  // are not counted. Tells a write's I/O from its CPU.
  ioBytes() {
    const io = fs.readFileSync(`/proc/${this.process.pid}/io`, 'utf8');
    return {
      read: Number(/rchar: (\d+)/.exec(io)[1]),
      written: Number(/wchar: (\d+)/.exec(io)[1]),
    };
  }

  async waitUntilHealthy(base) {
    for (let attempt = 0; attempt < 100; ++attempt) {
      try {
        await request('GET', `${base}/healthz`);
        return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error('the server did not become healthy');
  }

  // Peak resident memory since the last reset, in MiB.
  peakRssMb() {
    const status = fs.readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
  }

  resetPeakRss() {
    fs.writeFileSync(`/proc/${this.process.pid}/clear_refs`, '5');
  }

  async stop() {
    this.process.kill('SIGTERM');
    const code = await this.exited;
    fs.closeSync(this.log);
    if (code !== 0) throw new Error(`${this.logFile}: exited with ${code} after SIGTERM`);
  }
}

// wrk on the cores --pin gives it.
function wrk(target) {
  return benchWrk({ ...target, cores: pins.wrk ?? '' });
}

// The payment gateway: its own scratch data directory and keys, a free port.
const gatewayKeys = {
  secret: `sk_test_bench_${process.pid}`,
  publishable: `pk_test_bench_${process.pid}`,
};

async function startGateway(work) {
  const dataDir = path.join(work, 'gateway');
  fs.mkdirSync(dataDir);
  const gateway = new Server(
    options.binary,
    gatewayArguments(dataDir, gatewayKeys),
    path.join(work, 'gateway.log'),
    'gateway',
  );
  try {
    gateway.url = await gateway.waitUntilListening();
  } catch (error) {
    gateway.process.kill('SIGKILL');
    throw error;
  }
  return gateway;
}

// The pages of 24 of the 1x marketplace: a grown one's list cases walk as
// many (numbered pages deeper in cost more with OFFSET at any size; the
// cases compare the same pages).
function pagesAtOneTimes(manifest) {
  return Math.ceil(manifest.products.length / (manifest.scale ?? 1) / 24);
}

// wrk runs each thread's init (which reads these files) before starting the
// next thread, but starts its clock after the last: with the 2 million
// products of 1000x, the first threads sent requests for seconds that the
// rate did not count (detail read 2.7x and checkout 6x its 1x rate). Lists of
// products are therefore cut to an evenly spread sample of this many.
const maxProductsInCase = 20000;

function spreadSample(items, count) {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

// The paths of the other read cases, from the seed's manifest.
function writeCaseFiles(work, manifest) {
  const products = spreadSample(manifest.products, maxProductsInCase);
  const pages = pagesAtOneTimes(manifest);
  writeLines(
    path.join(work, 'pages.txt'),
    Array.from({ length: pages }, (_, i) => `/api/products?page=${i + 1}&limit=24`),
  );
  writeLines(
    path.join(work, 'detail.txt'),
    products.map((id) => `/api/products/${id}`),
  );
  const sorts = ['price_asc', 'price_desc', 'newest'];
  writeLines(
    path.join(work, 'search.txt'),
    manifest.searches.map(
      ({ q, category }, i) =>
        `/api/products?q=${encodeURIComponent(q)}&category=${category}&sort=${sorts[i % 3]}&limit=24`,
    ),
  );
  // What the web app asks for when a shop's page opens.
  writeLines(
    path.join(work, 'shop.txt'),
    manifest.shops.flatMap((slug) => [`/api/shops/${slug}`, `/api/products?shop=${slug}&limit=24`]),
  );
  // The home page's busiest shops, then the directory's pages by each sort.
  const directoryPages = Math.ceil(manifest.shops.length / 24);
  writeLines(path.join(work, 'directory.txt'), [
    '/api/shops?sort=products&limit=6',
    ...['newest', 'products', 'name'].flatMap((sort) =>
      Array.from(
        { length: directoryPages },
        (_, i) => `/api/shops?sort=${sort}&page=${i + 1}&limit=24`,
      ),
    ),
  ]);
  writeLines(path.join(work, 'products.txt'), products.map(String));
}

// Every 201 is a checkout in the database, every order has its payment, and
// initial stock = stock now + units sold. wrk stops with up to one request per
// connection in flight: those checkouts may exist without a 201 seen, and may
// still commit after wrk is done, so the check waits until the count of
// checkouts holds still and reads all of it in one statement (one snapshot).
const pendingJobsQuery = "SELECT COUNT(*) FROM jobs WHERE status IN ('queued', 'running')";

// Waits until the job queue has nothing left to run (at most a minute);
// returns how long that took.
async function drainJobs(database, url) {
  const started = Date.now();
  while (sql(database, url, pendingJobsQuery)[0] > 0 && Date.now() - started < 60000)
    await sleep(100);
  return (Date.now() - started) / 1000;
}

async function integrity(database, url, manifest, answered201, inFlight) {
  const count = () => sql(database, url, 'SELECT COUNT(*) FROM checkouts')[0];
  for (let previous = -1, attempt = 0; attempt < 25; ++attempt) {
    const now = count();
    if (now === previous) break;
    previous = now;
    await sleep(200);
  }
  const [stockNow, sold, checkouts, unpaid, negative] = sql(
    database,
    url,
    `SELECT (SELECT SUM(inventory) FROM products),
            (SELECT COALESCE(SUM(quantity), 0) FROM order_items),
            (SELECT COUNT(*) FROM checkouts),
            (SELECT COUNT(*) FROM orders o LEFT JOIN payments p ON p.id = o.payment_id WHERE p.id IS NULL),
            (SELECT COUNT(*) FROM products WHERE inventory < 0)`,
  );
  const problems = [];
  if (stockNow + sold !== manifest.total_inventory)
    problems.push(`stock ${stockNow} + sold ${sold} != initial ${manifest.total_inventory}`);
  if (checkouts < answered201 || checkouts > answered201 + inFlight)
    problems.push(`${answered201} answered 201 but ${checkouts} checkouts`);
  if (unpaid) problems.push(`${unpaid} orders without a payment`);
  if (negative) problems.push(`${negative} products with negative stock`);
  return { sold, checkouts, problems };
}

// A seeded database with its server and payment gateway, ready for the cases.
async function startMarketplace(database, scale = 1) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `pocketshop-bench-${database}-`));
  const url = databaseUrl(database, work);
  const common = ['--data-dir', work, '--database-url', url, '--password-strength', 'min'];
  const manifestFile = path.join(work, 'manifest.json');
  const seeding = Date.now();
  run(options.binary, [
    'seed',
    '--bench',
    '--scale',
    String(scale),
    '--manifest',
    manifestFile,
    '--log-level',
    'warn',
    ...common,
  ]);
  const seedSeconds = (Date.now() - seeding) / 1000;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  writeCaseFiles(work, manifest);

  const gateway = await startGateway(work);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = new Server(
    options.binary,
    [
      'serve',
      ...common,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      ...loadServeFlags(gateway, gatewayKeys),
    ],
    path.join(work, 'server.log'),
  );
  const bytes = databaseBytes({ database, url });
  const marketplace = {
    database,
    scale,
    work,
    url,
    base,
    server,
    gateway,
    manifest,
    seedSeconds,
    bytes,
  };
  try {
    await server.waitUntilHealthy(base);
    await writeListCase(work, base, pagesAtOneTimes(manifest));
  } catch (error) {
    await stopMarketplace(marketplace);
    throw error;
  }
  return marketplace;
}

async function stopMarketplace({ database, work, server, gateway }) {
  try {
    await server.stop();
  } finally {
    await gateway.stop();
  }
  if (options['keep-work']) console.log(`${database}: work folder kept in ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}

function readCase({ database, work, base, server }, c) {
  const connections = Number(options.connections);
  const target = {
    base,
    script: path.join(here, 'lua', 'read.lua'),
    args: [path.join(work, c.file)],
    threads: Number(options['wrk-threads']),
    connections,
  };
  if (Number(options.warmup) > 0) wrk({ ...target, seconds: Number(options.warmup) });
  server.resetPeakRss();
  const result = wrk({ ...target, seconds: Number(options.seconds) });
  const rssMb = server.peakRssMb();
  const aloneSeconds = Number(options['alone-seconds']);
  const alone =
    aloneSeconds > 0
      ? wrk({ ...target, threads: 1, connections: 1, seconds: aloneSeconds })
      : undefined;
  const paced = pacedRun(target, result.rps);
  console.log(
    `${database} ${c.name}: ${Math.round(result.rps)} req/s, p99 ${result.p99_ms.toFixed(2)} ms` +
      (alone
        ? `; one at a time: p50 ${alone.p50_ms.toFixed(2)} ms, p99 ${alone.p99_ms.toFixed(2)} ms`
        : '') +
      (paced ? `; at ${Math.round(paced.rps)} req/s: p99 ${paced.p99_ms.toFixed(2)} ms` : ''),
  );
  return { ...c, ...result, rssMb, aloneP99Ms: alone?.p99_ms, pacedP99Ms: paced?.p99_ms };
}

// The case again at half the rate the server just reached under saturation.
function pacedRun(target, saturatedRps) {
  const seconds = Number(options['paced-seconds']);
  if (seconds <= 0 || saturatedRps <= 0) return undefined;
  const connections = 16;
  const intervalMs = (connections / (saturatedRps / 2)) * 1000;
  return wrk({ ...target, args: [...target.args, intervalMs.toFixed(3)], connections, seconds });
}

// The bare case: pocketshop-bare with the body the product detail case's
// first path answers, on the server's cores with as many network threads.
async function bareCase(marketplace) {
  const { work, base, server } = marketplace;
  const detailPath = fs.readFileSync(path.join(work, 'detail.txt'), 'utf8').split('\n')[0];
  const bodyFile = path.join(work, 'bare-body.json');
  // Compact, as the server writes it (wrk asks for no compression).
  fs.writeFileSync(bodyFile, JSON.stringify(await request('GET', `${base}${detailPath}`)));
  const threads = /listening on .* threads=(\d+)/.exec(fs.readFileSync(server.logFile, 'utf8'))[1];
  writeLines(path.join(work, 'bare.txt'), [detailPath]);
  const bare = new Server(
    bareBinary,
    ['--body', bodyFile, '--host', '127.0.0.1', '--port', '0', '--threads', threads],
    path.join(work, 'bare.log'),
  );
  try {
    const bareBase = await bare.waitUntilListening();
    const c = {
      key: 'bare',
      name: `bare Beast server, the same product body (${threads} threads)`,
      file: 'bare.txt',
    };
    return readCase({ ...marketplace, base: bareBase, server: bare }, c);
  } finally {
    await bare.stop();
  }
}

async function benchDatabase(database) {
  const marketplace = await startMarketplace(database);
  const { url, base, server, gateway, work, manifest } = marketplace;
  const rows = [];
  try {
    for (const c of cases) rows.push(readCase(marketplace, c));
    if (chosen.has('bare')) rows.push(await bareCase(marketplace));
    if (chosen.has('checkout'))
      rows.push(await benchCheckout(database, url, base, server, gateway, work, manifest));
    if (chosen.has('writes')) rows.push(await benchProductWrites(marketplace));
  } finally {
    await stopMarketplace(marketplace);
  }
  return rows;
}

// The checkout case: one buyer per wrk connection, each adding to the cart and
// paying with a payment token minted beforehand (the browser's round trip to
// the gateway, not the server's). Each token is used once; a wrk thread that
// runs out stops and is reported.
async function benchCheckout(database, url, base, server, gateway, work, manifest) {
  const connections = Number(options.connections);
  const tokens = await login(base, manifest.buyers, manifest.password);
  const paymentTokenCount = Math.ceil(
    Number(options['payment-tokens-per-second']) *
      (Number(options.seconds) + Number(options.warmup)),
  );
  const minting = Date.now();
  const paymentTokens = await mintPaymentTokens(
    gateway.url,
    gatewayKeys.publishable,
    paymentTokenCount,
  );
  const mintingSeconds = ((Date.now() - minting) / 1000).toFixed(1);
  console.log(`${database}: ${paymentTokenCount} payment tokens minted in ${mintingSeconds} s`);
  server.resetPeakRss();
  const cpuBefore = { server: server.cpuMicros(), gateway: gateway.cpuMicros() };
  const result = wrk({
    base,
    script: path.join(here, 'lua', 'checkout.lua'),
    args: [
      writeLines(path.join(work, 'tokens.txt'), tokens),
      path.join(work, 'products.txt'),
      `run${Date.now()}`,
      writeLines(path.join(work, 'payment-tokens.txt'), paymentTokens),
      String(connections),
    ],
    threads: connections,
    connections,
    seconds: Number(options.seconds),
  });
  // The work that checkout leaves to the job queue (the order mails, the
  // gateway's webhooks) belongs to each order's cost: wait for it.
  const backlog = sql(database, url, pendingJobsQuery)[0];
  const drainSeconds = await drainJobs(database, url);
  const cpuAfter = { server: server.cpuMicros(), gateway: gateway.cpuMicros() };
  const cpuPerOrder = (name) => (cpuAfter[name] - cpuBefore[name]) / Math.max(result.orders, 1);
  const check = await integrity(database, url, manifest, result.orders, connections);
  if (result.starved)
    check.problems.push(`${result.starved} of ${connections} buyers ran out of payment tokens`);
  const row = {
    name: 'checkout (add to cart + pay)',
    ...result,
    rssMb: server.peakRssMb(),
    ordersPerSecond: result.orders / result.seconds,
    minOrders: checkoutTargets[database],
    integrity: check,
    serverCpuPerOrderUs: cpuPerOrder('server'),
    gatewayCpuPerOrderUs: cpuPerOrder('gateway'),
    jobsBacklog: backlog,
    drainSeconds,
  };
  console.log(
    `${database} checkout: ${Math.round(row.ordersPerSecond)} orders/s, CPU per order: ` +
      `server ${Math.round(row.serverCpuPerOrderUs)} µs, gateway ${Math.round(row.gatewayCpuPerOrderUs)} µs ` +
      `(with the ${backlog} jobs left at the end, run in ${drainSeconds.toFixed(1)} s)`,
  );
  return row;
}

// The vendors' writes (issue 20): vendors of the 1x shops (which grow with
// the scale), several at once, each listing a product, editing it and
// archiving it, again and again for the case's seconds. Every listed product
// moves the kept counts, the full-text index and the sort indexes.
const writingVendors = 8;

async function benchProductWrites({ database, base, server, manifest }) {
  const emails = Array.from(
    { length: writingVendors },
    (_, i) => `vendor${i + 1}@bench.pocketshop.test`,
  );
  const tokens = await login(base, emails, manifest.password);
  const categories = manifest.categories;
  const writeRounds = async (seconds, latencies) => {
    const until = Date.now() + seconds * 1000;
    let writes = 0;
    await Promise.all(
      tokens.map(async (token, vendor) => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        const headers = { Authorization: `Bearer ${token}` };
        const timed = async (method, target, body) => {
          const started = process.hrtime.bigint();
          const answer = await request(method, `${base}${target}`, body, { headers, agent });
          latencies?.push(Number(process.hrtime.bigint() - started) / 1e6);
          writes += 1;
          return answer;
        };
        for (let round = 0; Date.now() < until; round += 1) {
          const category = categories[(vendor + round) % categories.length];
          const created = await timed('POST', '/api/products', {
            name: `Bench speckled mug ${vendor}-${round}`,
            description: "A stoneware mug, glazed by hand, for the bench's writes.",
            category,
            price_cents: 1500 + (round % 40),
            inventory: 10,
          });
          const path = `/api/products/${created.id}`; // 201 answers the Product itself
          await timed('PATCH', path, {
            name: `Bench speckled cup ${vendor}-${round}`,
            price_cents: 1750,
          });
          await timed('DELETE', path);
        }
        agent.destroy();
      }),
    );
    return writes;
  };
  await writeRounds(Number(options.warmup));
  server.resetPeakRss();
  const latencies = [];
  const cpuBefore = server.cpuMicros();
  const ioBefore = server.ioBytes();
  const started = Date.now();
  const writes = await writeRounds(Number(options.seconds), latencies);
  const seconds = (Date.now() - started) / 1000;
  const cpuPerWrite = (server.cpuMicros() - cpuBefore) / Math.max(writes, 1);
  const ioAfter = server.ioBytes();
  const kibPerWrite = (key) => (ioAfter[key] - ioBefore[key]) / 1024 / Math.max(writes, 1);
  latencies.sort((a, b) => a - b);
  const percentile = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  const row = {
    key: 'writes',
    name: 'vendor writes (list, edit, archive a product)',
    rps: writes / seconds,
    p50_ms: percentile(0.5),
    p99_ms: percentile(0.99),
    socket_errors: 0,
    status_errors: 0,
    rssMb: server.peakRssMb(),
    serverCpuPerWriteUs: cpuPerWrite,
    serverReadKibPerWrite: kibPerWrite('read'),
    serverWrittenKibPerWrite: kibPerWrite('written'),
  };
  console.log(
    `${database} vendor writes: ${Math.round(row.rps)} writes/s, p99 ${row.p99_ms.toFixed(2)} ms, ` +
      `server CPU ${Math.round(cpuPerWrite)} µs a write, ` +
      `${row.serverReadKibPerWrite.toFixed(1)} KiB read and ${row.serverWrittenKibPerWrite.toFixed(1)} KiB written a write`,
  );
  return row;
}

function verdict(row) {
  const misses = [];
  if (row.minRps && row.rps < row.minRps) misses.push(`< ${row.minRps} req/s`);
  if (row.maxP99 && row.p99_ms >= row.maxP99) misses.push(`p99 ≥ ${row.maxP99} ms`);
  if (row.minOrders && row.ordersPerSecond < row.minOrders)
    misses.push(`< ${row.minOrders} orders/s`);
  if (row.socket_errors + row.status_errors) misses.push('errors');
  if (row.integrity?.problems.length) misses.push(...row.integrity.problems);
  if (row.rssMb >= maxRssMb) misses.push(`RSS ≥ ${maxRssMb} MB`);
  if (misses.length) return `missed: ${misses.join(', ')}`;
  return row.minRps || row.maxP99 || row.minOrders ? 'met' : 'no target; no errors';
}

function table(database, rows) {
  const lines = [
    `### ${database}`,
    '',
    '| case | req/s | orders/s | p50 ms | p99 ms | errors | peak RSS MB | target |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.name} | ${Math.round(row.rps)} | ${row.ordersPerSecond ? Math.round(row.ordersPerSecond) : ''} | ` +
        `${row.p50_ms.toFixed(2)} | ${row.p99_ms.toFixed(2)} | ${row.socket_errors + row.status_errors} | ` +
        `${row.rssMb.toFixed(0)} | ${verdict(row)} |`,
    );
  }
  const bare = rows.find((row) => row.key === 'bare');
  const shares = bare ? rows.filter((row) => bareShareTargets[row.key]) : [];
  if (shares.length)
    lines.push(
      '',
      "Shares of the bare Beast server's rate (issue 19's targets): " +
        shares
          .map((row) => {
            const share = row.rps / bare.rps;
            const target = bareShareTargets[row.key];
            return `${row.name} ${(share * 100).toFixed(0)} % (${share >= target ? 'met' : 'missed'}: ≥ ${target * 100} %)`;
          })
          .join('; ') +
        '.',
    );
  const writes = rows.find((row) => row.serverCpuPerWriteUs !== undefined);
  if (writes)
    lines.push(
      '',
      `Vendor writes: server CPU ${Math.round(writes.serverCpuPerWriteUs)} µs a write.`,
    );
  const checkout = rows.find((row) => row.serverCpuPerOrderUs !== undefined);
  if (checkout)
    lines.push(
      '',
      `Checkout CPU per order: server ${Math.round(checkout.serverCpuPerOrderUs)} µs, ` +
        `payment gateway ${Math.round(checkout.gatewayCpuPerOrderUs)} µs, counting the ` +
        `${checkout.jobsBacklog} jobs (order mails, webhooks) left when the load stopped, ` +
        `which took ${checkout.drainSeconds.toFixed(1)} s more.`,
    );
  return lines.join('\n');
}

// The database's size on disk: SQLite's file (with its WAL), PostgreSQL's database.
function databaseBytes({ database, url }) {
  if (database !== 'sqlite')
    return sql(database, url, 'SELECT pg_database_size(current_database())')[0];
  const file = url.replace('sqlite://', '');
  return [file, `${file}-wal`].reduce(
    (sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0),
    0,
  );
}

// Both sizes of the marketplace, each case on one then the other and back
// (1x, Nx, Nx, 1x), so that what else the machine does weighs on both alike.
async function benchScaledDatabase(database, scale) {
  const small = await startMarketplace(database, 1);
  let large;
  try {
    large = await startMarketplace(database, scale);
  } catch (error) {
    await stopMarketplace(small);
    throw error;
  }
  const rows = [];
  const peakRss = new Map([
    [small, 0],
    [large, 0],
  ]);
  const measure = async (marketplace, c) => {
    const row =
      c.key === 'checkout'
        ? await benchCheckout(
            database,
            marketplace.url,
            marketplace.base,
            marketplace.server,
            marketplace.gateway,
            marketplace.work,
            marketplace.manifest,
          )
        : c.key === 'writes'
          ? await benchProductWrites(marketplace)
          : readCase(marketplace, c);
    peakRss.set(marketplace, Math.max(peakRss.get(marketplace), row.rssMb));
    return row;
  };
  try {
    const all = [
      ...cases,
      ...['checkout', 'writes'].filter((key) => chosen.has(key)).map((key) => ({ key })),
    ];
    for (const c of all) {
      const order = c.key === 'checkout' ? [small, large] : [small, large, large, small];
      const results = new Map([
        [small, []],
        [large, []],
      ]);
      for (const marketplace of order) results.get(marketplace).push(await measure(marketplace, c));
      rows.push({ small: mean(results.get(small)), large: mean(results.get(large)) });
    }
  } finally {
    await Promise.allSettled([stopMarketplace(small), stopMarketplace(large)]);
  }
  const sizes = [small, large].map((m) => ({
    scale: m.scale,
    products: m.manifest.products.length,
    seedSeconds: m.seedSeconds,
    megabytes: m.bytes / 2 ** 20,
    peakRssMb: peakRss.get(m),
  }));
  return scaledTable(database, scale, rows, sizes);
}

// The rounds of one case averaged: rates and percentiles (the worse p99).
function mean(rows) {
  const first = rows[0];
  const average = (key) => rows.reduce((sum, r) => sum + (r[key] ?? 0), 0) / rows.length;
  const worst = (key) => Math.max(...rows.map((r) => r[key]));
  // A measure only some cases take stays absent where the case has none.
  const ifMeasured = (key, combine) => (first[key] === undefined ? undefined : combine(key));
  return {
    ...first,
    rps: average('rps'),
    ordersPerSecond: ifMeasured('ordersPerSecond', average),
    serverCpuPerWriteUs: ifMeasured('serverCpuPerWriteUs', average),
    serverReadKibPerWrite: ifMeasured('serverReadKibPerWrite', average),
    serverWrittenKibPerWrite: ifMeasured('serverWrittenKibPerWrite', average),
    p50_ms: average('p50_ms'),
    p99_ms: worst('p99_ms'),
    aloneP99Ms: ifMeasured('aloneP99Ms', worst),
    pacedP99Ms: ifMeasured('pacedP99Ms', worst),
    rssMb: worst('rssMb'),
  };
}

function scaledTable(database, scale, rows, sizes) {
  const rate = (row) => row.ordersPerSecond ?? row.rps;
  const lines = [
    `### ${database}, 1× and ${scale}×`,
    '',
    `| case | 1× req/s | ${scale}× req/s | ratio | 1× p99 ms | ${scale}× p99 ms | ` +
      `1× p99 ms, one at a time | ${scale}× p99 ms, one at a time | ` +
      `1× p99 ms at half its rate | ${scale}× p99 ms at half its rate | ${scale}× peak RSS MB | errors |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { small, large } of rows) {
    const errors = [small, large].reduce((sum, r) => sum + r.socket_errors + r.status_errors, 0);
    const problems = [small, large].flatMap((r) => r.integrity?.problems ?? []);
    lines.push(
      `| ${large.name}${large.ordersPerSecond !== undefined ? ' (orders/s)' : ''} | ` +
        `${Math.round(rate(small))} | ${Math.round(rate(large))} | ${(rate(large) / rate(small)).toFixed(2)} | ` +
        `${small.p99_ms.toFixed(2)} | ${large.p99_ms.toFixed(2)} | ` +
        `${small.aloneP99Ms?.toFixed(2) ?? ''} | ${large.aloneP99Ms?.toFixed(2) ?? ''} | ` +
        `${small.pacedP99Ms?.toFixed(2) ?? ''} | ${large.pacedP99Ms?.toFixed(2) ?? ''} | ${large.rssMb.toFixed(0)} | ` +
        `${errors}${problems.length ? `; ${problems.join(', ')}` : ''} |`,
    );
  }
  // What a write costs the server, less noisy than its rate on a busy machine.
  for (const [key, what] of [
    ['serverCpuPerOrderUs', 'an order'],
    ['serverCpuPerWriteUs', "a vendor's write"],
  ]) {
    const row = rows.find(({ large }) => large[key] !== undefined);
    if (row)
      lines.push(
        '',
        `Server CPU for ${what}: ${Math.round(row.small[key])} µs at 1×, ${Math.round(row.large[key])} µs at ` +
          `${scale}× (${(row.large[key] / row.small[key]).toFixed(2)}).`,
      );
  }
  const writes = rows.find(({ large }) => large.serverWrittenKibPerWrite !== undefined);
  if (writes) {
    const kib = (row, key) => row[key].toFixed(1);
    lines.push(
      '',
      `Read and written by the server's read and write calls (files: on SQLite, its database and WAL) for a vendor's write: ` +
        `${kib(writes.small, 'serverReadKibPerWrite')} KiB and ${kib(writes.small, 'serverWrittenKibPerWrite')} KiB at 1×, ` +
        `${kib(writes.large, 'serverReadKibPerWrite')} KiB and ${kib(writes.large, 'serverWrittenKibPerWrite')} KiB at ${scale}×.`,
    );
  }
  lines.push(
    '',
    '| marketplace | products | seeding s | database MB | server peak RSS MB |',
    '|---|---:|---:|---:|---:|',
  );
  for (const size of sizes)
    lines.push(
      `| ${size.scale}× | ${size.products} | ${size.seedSeconds.toFixed(1)} | ${size.megabytes.toFixed(0)} | ` +
        `${size.peakRssMb.toFixed(0)} |`,
    );
  return lines.join('\n');
}

const started = new Date();
const sections = [];
const scale = Number(options.scale);
for (const database of options.databases.split(','))
  sections.push(
    scale > 1
      ? await benchScaledDatabase(database, scale)
      : table(database, await benchDatabase(database)),
  );

const report = [
  `# PocketShop benchmark, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `Machine: ${machine()}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at the end. ` +
    (options.pin
      ? `Pinned with taskset: ${options.pin}; `
      : 'wrk, the server and the payment gateway share these cores; ') +
    `${options.connections} connections, ${options['wrk-threads']} wrk threads, ` +
    `${options.seconds} s per case after a ${options.warmup} s warm-up. Bench marketplace: see bench/README.md.`,
  '',
  `Server: \`${options.binary}\`${chosen.has('bare') ? `; bare case: \`${bareBinary}\`` : ''}.`,
  '',
  ...sections.flatMap((s) => [s, '']),
].join('\n');
console.log('\n' + report);
fs.mkdirSync(options.out, { recursive: true });
// Named by the minute it started; a second run of the same minute gets -2, and so on.
const stamp = `${started.toISOString().slice(0, 16).replace(/[T:]/g, '-')}-${os.hostname()}`;
let file = path.join(options.out, `${stamp}.md`);
for (let n = 2; fs.existsSync(file); ++n) file = path.join(options.out, `${stamp}-${n}.md`);
fs.writeFileSync(file, report);
console.log(`written to ${path.relative(process.cwd(), file)}`);
