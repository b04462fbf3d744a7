#!/usr/bin/env node
// `make bench-scale` (bench/README.md, docs/scaling.md): PocketShop as it runs
// in production, all on 127.0.0.1. It starts PostgreSQL (durable defaults),
// seeds the bench marketplace, starts the test-mode payment gateway, three
// instances of the server sharing the database and the data folder, and
// nginx with the proxy settings of deploy/nginx/ in front of them. Then:
//
//  1. the read loads (product detail, product list) and the checkout load
//     through the proxy with 1, 2 and 3 instances (and one instance
//     directly, to see what the proxy costs), and the table;
//  2. `kill -9` of one instance in the middle of the checkout load, and the
//     proof: every checkout acknowledged with a 201 is in the database,
//     nothing is oversold (no stock below zero, stock + sold = initial), and
//     the only errors are requests that were in flight on the killed
//     instance (nginx's log names the upstream of each failed request);
//  3. a restart of PostgreSQL in the middle of the read load, and the
//     window during which readers saw errors.
//
//   node bench/scale.mjs --binary build-release/server/pocketshop [--seconds 8]
//
// Exits non-zero when a proof fails. Writes the report to bench/results/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  benchDir,
  Child,
  freePort,
  gatewayArguments,
  loadServeFlags,
  login,
  machine,
  mintPaymentTokens,
  pgNumbers,
  request,
  run,
  sleep,
  wrk,
  wrkInBackground,
  writeListCase,
  writeLines,
} from './lib.mjs';

const repo = path.dirname(benchDir);
const { values: options } = parseArgs({
  options: {
    binary: { type: 'string', default: 'build-release/server/pocketshop' },
    seconds: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '64' },
    out: { type: 'string', default: path.join(benchDir, 'results') },
    'keep-work': { type: 'boolean', default: false },
  },
});
const seconds = Number(options.seconds);
const warmup = Number(options.warmup);
const connections = Number(options.connections);
const binary = path.resolve(options.binary);
const instanceCount = 3;
const asRoot = process.getuid() === 0;
// What the fault runs last, and when the fault comes.
const faultRunSeconds = 12;
const faultAfterMs = 4000;

const gatewayKeys = {
  secret: `sk_test_scale_${process.pid}`,
  publishable: `pk_test_scale_${process.pid}`,
};
const jwtSecret = `bench-scale-${process.pid}-0123456789abcdefghijklmnopqrstuvwxyz`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketshop-scale-'));
fs.chmodSync(work, 0o755); // nginx's workers and PostgreSQL run as other users
const children = [];
function track(child) {
  children.push(child);
  return child;
}

// ---------------------------------------------------------------- PostgreSQL
const pgBin =
  process.env.POCKETSHOP_TEST_PG_BIN ??
  run('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1']).trim();
const pgDir = path.join(work, 'postgres');

function asPostgres(program, args) {
  return asRoot ? run('runuser', ['-u', 'postgres', '--', program, ...args]) : run(program, args);
}

async function startPostgres() {
  fs.mkdirSync(pgDir);
  if (asRoot) run('chown', ['postgres:postgres', pgDir]);
  asPostgres(`${pgBin}/initdb`, [
    '-D',
    `${pgDir}/data`,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-locale',
  ]);
  const port = await freePort();
  asPostgres(`${pgBin}/pg_ctl`, [
    '-D',
    `${pgDir}/data`,
    '-l',
    `${pgDir}/server.log`,
    '-w',
    '-t',
    '60',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${pgDir} -c random_page_cost=1.1 -c max_connections=200`,
    'start',
  ]);
  const admin = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  run('psql', [admin, '-qc', 'CREATE DATABASE pocketshop']);
  return admin.replace(/\/postgres$/, '/pocketshop');
}

// A normal restart (`-m fast`: sessions are disconnected, then it comes
// back). The log file matters: without one the new postmaster would keep
// pg_ctl's output pipe, and this call would wait for it to exit.
function restartPostgres() {
  asPostgres(`${pgBin}/pg_ctl`, [
    '-D',
    `${pgDir}/data`,
    '-l',
    `${pgDir}/server.log`,
    '-m',
    'fast',
    '-w',
    '-t',
    '60',
    'restart',
  ]);
}

function stopPostgres() {
  for (const data of [`${pgDir}/replica`, `${pgDir}/data`]) {
    try {
      if (fs.existsSync(data))
        asPostgres(`${pgBin}/pg_ctl`, ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // not running
    }
  }
}

// A hot-standby streaming replica of the primary (as scripts/with-postgres.sh
// PG_REPLICA=1 makes one): the instances send catalog reads to it
// (--database-replica-url, docs/scaling.md "Read replicas").
let replica = null;
async function startReplica(primaryUrl) {
  const { port } = new URL(primaryUrl);
  asPostgres(`${pgBin}/pg_basebackup`, [
    '-h',
    '127.0.0.1',
    '-p',
    port,
    '-U',
    'postgres',
    '-D',
    `${pgDir}/replica`,
    '-R',
    '-X',
    'stream',
    '--checkpoint=fast',
  ]);
  const replicaPort = await freePort();
  asPostgres(`${pgBin}/pg_ctl`, [
    '-D',
    `${pgDir}/replica`,
    '-l',
    `${pgDir}/replica.log`,
    '-w',
    '-t',
    '60',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${replicaPort} -k ${pgDir} -c hot_standby=on -c max_connections=200`,
    'start',
  ]);
  replica = primaryUrl.replace(`:${port}/`, `:${replicaPort}/`);
}

function replicaUrl() {
  return replica;
}

// ----------------------------------------------------------------- instances
function instanceArgs(databaseUrl, port) {
  const replica = replicaUrl();
  return [
    'serve',
    '--data-dir',
    path.join(work, 'data'),
    '--database-url',
    databaseUrl,
    ...(replica ? ['--database-replica-url', replica] : []),
    '--password-strength',
    'min',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--trust-proxy',
    'true',
    ...loadServeFlags(gateway, gatewayKeys),
  ];
}

async function startInstance(databaseUrl, port, index) {
  const instance = track(
    new Child(binary, instanceArgs(databaseUrl, port), path.join(work, `instance-${index}.log`), {
      POCKETSHOP_JWT_SECRET: jwtSecret, // as in production: the EnvironmentFile
    }),
  );
  instance.port = port;
  instance.base = `http://127.0.0.1:${port}`;
  return instance;
}

// --------------------------------------------------------------------- nginx
const nginxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pocketshop-scale-nginx-'));
fs.chmodSync(nginxDir, 0o755);
const nginxConf = path.join(nginxDir, 'nginx.conf');
const nginxErrorLog = path.join(nginxDir, 'error.log');
const nginxArgs = ['-p', nginxDir, '-c', nginxConf, '-e', nginxErrorLog];

// The upstream block of deploy/nginx/pocketshop.conf, with the bench's ports.
function upstreamBlock(ports) {
  const production = fs.readFileSync(path.join(repo, 'deploy/nginx/pocketshop.conf'), 'utf8');
  const block = /upstream pocketshop \{([\s\S]*?)\n\}/.exec(production)[1];
  const lines = block.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'));
  const serverParameters = /^\s*server \S+ ([^;]*);/m.exec(block)[1];
  const others = lines.filter((line) => !/^\s*server /.test(line));
  const servers = ports.map((port) => `    server 127.0.0.1:${port} ${serverParameters};`);
  return ['upstream pocketshop {', ...servers, ...others, '}'].join('\n');
}

function writeNginxConf(listenPort, ports) {
  fs.writeFileSync(
    nginxConf,
    `worker_processes auto;
pid ${nginxDir}/nginx.pid;
error_log ${nginxErrorLog} error;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    proxy_cache_path ${nginxDir}/cache levels=1:2 keys_zone=pocketshop_media:10m max_size=100m inactive=30d use_temp_path=off;
${upstreamBlock(ports)}
    server {
        listen 127.0.0.1:${listenPort};
        include ${repo}/deploy/nginx/pocketshop-proxy.conf;
    }
}
`,
  );
}

async function reloadNginx(listenPort, ports) {
  writeNginxConf(listenPort, ports);
  run('nginx', [...nginxArgs, '-t', '-q']);
  run('nginx', [...nginxArgs, '-s', 'reload']);
  await sleep(1500); // the old workers finish and leave
}

// ------------------------------------------------------------------ CPU time
// User + system CPU time of a process in µs (/proc/<pid>/stat), with what
// its children that have exited used when `withExited`.
function cpuMicros(pid, withExited = false) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    const exited = withExited ? Number(fields[13]) + Number(fields[14]) : 0;
    return ((own + exited) * 1e6) / 100; // USER_HZ 100
  } catch {
    return 0; // gone
  }
}

function childPids(pid) {
  try {
    return run('pgrep', ['-P', String(pid)])
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // none
  }
}

// A tree's CPU time: the process, its live children and those that exited.
function treeCpuMicros(pid) {
  return cpuMicros(pid, true) + childPids(pid).reduce((sum, child) => sum + cpuMicros(child), 0);
}

function postmasterPid(data = 'data') {
  return Number(fs.readFileSync(`${pgDir}/${data}/postmaster.pid`, 'utf8').split('\n')[0]);
}

// CPU time so far of each tier: the instances, nginx and PostgreSQL.
function tierCpu() {
  return {
    instances: instances.reduce((sum, instance) => sum + cpuMicros(instance.process.pid), 0),
    nginx: nginx ? treeCpuMicros(nginx.process.pid) : 0,
    postgres: treeCpuMicros(postmasterPid()),
    replica: replica ? treeCpuMicros(postmasterPid('replica')) : 0,
  };
}

// Runs `load` and adds each tier's CPU time per request (µs) to its result.
async function withCpu(load) {
  const before = tierCpu();
  const result = await load();
  const after = tierCpu();
  const count = result.orders || result.requests;
  result.cpuPer = Object.fromEntries(
    Object.keys(before).map((tier) => [tier, (after[tier] - before[tier]) / Math.max(count, 1)]),
  );
  return result;
}

// ------------------------------------------------------------------ the loads
function writeCaseFiles(manifest) {
  writeLines(
    path.join(work, 'detail.txt'),
    manifest.products.map((id) => `/api/products/${id}`),
  );
  writeLines(path.join(work, 'products.txt'), manifest.products.map(String));
}

function readLoad(base, file, runSeconds = seconds) {
  const target = {
    base,
    script: 'read.lua',
    args: [path.join(work, file)],
    threads: 2,
    connections,
  };
  wrk({ ...target, seconds: warmup });
  return withCpu(() => wrk({ ...target, seconds: runSeconds }));
}

let runNumber = 0;
// The checkout load's wrk options, with fresh payment tokens and a log folder.
async function checkoutTarget(base, buyerTokens, runSeconds) {
  const count = 800 * (runSeconds + 1);
  const paymentTokens = await mintPaymentTokens(gateway.url, gatewayKeys.publishable, count);
  const logDir = path.join(work, `checkout-${++runNumber}`);
  fs.mkdirSync(logDir);
  return {
    logDir,
    target: {
      base,
      script: 'checkout_logged.lua',
      args: [
        path.join(work, 'buyers.txt'),
        path.join(work, 'products.txt'),
        `scale${process.pid}-${runNumber}`,
        writeLines(path.join(logDir, 'payment-tokens.txt'), paymentTokens),
        String(connections),
        logDir,
      ],
      threads: connections,
      connections,
      seconds: runSeconds,
    },
    buyerTokens,
  };
}

// What the threads of checkout_logged.lua wrote: acknowledged checkout ids and errors.
function readCheckoutLog(logDir) {
  const acknowledged = [];
  const errors = [];
  for (const file of fs.readdirSync(logDir).filter((name) => name.startsWith('thread-'))) {
    for (const line of fs.readFileSync(path.join(logDir, file), 'utf8').split('\n')) {
      const [kind, a, b, c] = line.split(' ');
      if (kind === 'ok') acknowledged.push(Number(a));
      else if (kind === 'error') errors.push({ status: Number(a), path: b, at: Number(c) });
    }
  }
  return { acknowledged, errors };
}

async function drainJobs() {
  const started = Date.now();
  const pending = "SELECT COUNT(*) FROM jobs WHERE status IN ('queued', 'running')";
  while (pgNumbers(databaseUrl, pending)[0] > 0 && Date.now() - started < 60000) await sleep(200);
}

const checkoutCount = () => pgNumbers(databaseUrl, 'SELECT COUNT(*) FROM checkouts')[0];

// Waits until checkouts still running when wrk stopped have committed.
async function settle() {
  for (let previous = -1, attempt = 0; attempt < 25; ++attempt) {
    const now = checkoutCount();
    if (now === previous) return now;
    previous = now;
    await sleep(200);
  }
  return checkoutCount();
}

// The proofs on the database after a checkout load; each failure a sentence.
async function checkoutIntegrity(before, acknowledged, inFlight) {
  const after = await settle();
  const problems = [];
  const [stockNow, sold, negative, unpaid] = pgNumbers(
    databaseUrl,
    `SELECT (SELECT SUM(inventory) FROM products),
            (SELECT COALESCE(SUM(quantity), 0) FROM order_items),
            (SELECT COUNT(*) FROM products WHERE inventory < 0),
            (SELECT COUNT(*) FROM orders o LEFT JOIN payments p ON p.id = o.payment_id WHERE p.id IS NULL)`,
  );
  if (stockNow + sold !== manifest.total_inventory)
    problems.push(`stock ${stockNow} + sold ${sold} != initial ${manifest.total_inventory}`);
  if (negative) problems.push(`${negative} products with stock below zero`);
  if (unpaid) problems.push(`${unpaid} orders without a payment`);
  let found = 0;
  for (let i = 0; i < acknowledged.length; i += 2000) {
    const ids = acknowledged.slice(i, i + 2000);
    found += pgNumbers(
      databaseUrl,
      `SELECT COUNT(*) FROM checkouts WHERE id IN (${ids.join(',')})`,
    )[0];
  }
  const lost = acknowledged.length - found;
  if (lost) problems.push(`${lost} acknowledged checkouts are not in the database`);
  const created = after - before;
  if (created < acknowledged.length || created > acknowledged.length + inFlight)
    problems.push(`${acknowledged.length} acknowledged but ${created} checkouts created`);
  return { problems, lost, created, stockNow, sold, negative };
}

async function checkoutLoad(base, buyerTokens) {
  const { logDir, target } = await checkoutTarget(base, buyerTokens, seconds);
  const before = await settle();
  // The jobs an order leaves (its mails) are part of its cost: the CPU
  // counted runs until the queue is empty.
  const result = await withCpu(async () => {
    const load = wrk(target);
    await drainJobs();
    return load;
  });
  const log = readCheckoutLog(logDir);
  const integrity = await checkoutIntegrity(before, log.acknowledged, connections);
  return { ...result, ordersPerSecond: result.orders / result.seconds, integrity, log };
}

// -------------------------------------------------------------------- faults
// nginx's error-log lines from `offset` on: which upstream each failure had,
// and whether the request had reached it ("while connecting" had not).
function nginxFailures(offset) {
  const text = fs.readFileSync(nginxErrorLog, 'utf8').slice(offset);
  const failures = [];
  for (const line of text.split('\n')) {
    const upstream = /upstream: "http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
    if (!upstream) continue;
    failures.push({
      port: Number(upstream[1]),
      reached: !line.includes('while connecting to upstream'),
      line,
    });
  }
  return failures;
}

async function killDuringCheckout(base, buyerTokens, victim) {
  const { logDir, target } = await checkoutTarget(base, buyerTokens, faultRunSeconds);
  const before = await settle();
  const logOffset = fs.statSync(nginxErrorLog).size;
  const load = wrkInBackground(target);
  await sleep(faultAfterMs);
  const killedAt = Date.now();
  await victim.kill('SIGKILL');
  const result = await load;
  const log = readCheckoutLog(logDir);
  const integrity = await checkoutIntegrity(before, log.acknowledged, connections);
  const failures = nginxFailures(logOffset);
  const inFlight = failures.filter((f) => f.reached);
  const refused = failures.filter((f) => !f.reached);
  const problems = [...integrity.problems];
  const elsewhere = inFlight.filter((f) => f.port !== victim.port);
  if (elsewhere.length)
    problems.push(`${elsewhere.length} requests failed on instances that were not killed`);
  const late = log.errors.filter((e) => e.at < killedAt - 50 || e.at > killedAt + 2000);
  if (late.length) problems.push(`${late.length} errors outside the two seconds after the kill`);
  if (log.errors.length > inFlight.length)
    problems.push(
      `${log.errors.length} errors seen, more than the ${inFlight.length} requests in flight on the killed instance`,
    );
  if (log.errors.length > connections)
    problems.push(`${log.errors.length} errors, more than ${connections} connections`);
  const lastError = log.errors.reduce((last, e) => Math.max(last, e.at), killedAt);
  return {
    ...result,
    ordersPerSecond: result.orders / result.seconds,
    integrity,
    acknowledged: log.acknowledged.length,
    errors: log.errors,
    errorWindowMs: log.errors.length ? lastError - killedAt : 0,
    inFlight: inFlight.length,
    refused: refused.length,
    problems,
  };
}

async function restartDuringReads(base) {
  const target = {
    base,
    script: 'read_timeline.lua',
    args: [path.join(work, 'detail.txt')],
    threads: 2,
    connections,
  };
  const load = wrkInBackground({ ...target, seconds: faultRunSeconds });
  await sleep(faultAfterMs);
  const restartStarted = Date.now();
  restartPostgres();
  const restartMs = Date.now() - restartStarted;
  const result = await load;
  const errors = result.extra.errors;
  const windowMs = errors.count ? errors.last_ms - errors.first_ms : 0;
  const healthy = [];
  for (const instance of instances) {
    try {
      await request('GET', `${instance.base}/healthz`);
      healthy.push(instance.port);
    } catch {
      // reported below
    }
  }
  const problems = [];
  if (healthy.length !== instances.length)
    problems.push('not every instance is healthy after the restart');
  return {
    ...result,
    restartMs,
    errorCount: errors.count,
    windowMs,
    firstErrorAfterMs: errors.count ? errors.first_ms - restartStarted : 0,
    lastErrorAfterMs: errors.count ? errors.last_ms - restartStarted : 0,
    problems,
  };
}

// ---------------------------------------------------------------------- run
const started = new Date();
let gateway;
let databaseUrl;
let manifest;
let instances = [];
let nginx;
let report;
let failed = false;
try {
  console.log(`work folder ${work}`);
  databaseUrl = await startPostgres();
  const manifestFile = path.join(work, 'manifest.json');
  const seeding = Date.now();
  run(binary, [
    'seed',
    '--bench',
    '--manifest',
    manifestFile,
    '--log-level',
    'warn',
    '--data-dir',
    path.join(work, 'data'),
    '--database-url',
    databaseUrl,
    '--password-strength',
    'min',
  ]);
  console.log(`seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
  await startReplica(databaseUrl);
  console.log(`streaming replica at ${replicaUrl()}`);
  manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  writeCaseFiles(manifest);

  fs.mkdirSync(path.join(work, 'gateway'));
  gateway = track(
    new Child(
      binary,
      gatewayArguments(path.join(work, 'gateway'), gatewayKeys),
      path.join(work, 'gateway.log'),
    ),
  );
  gateway.url = await gateway.waitUntilListening();

  // All three at once: their migrations run once, under PostgreSQL's
  // advisory lock (server/db/migrations.cpp).
  const ports = [];
  for (let i = 0; i < instanceCount; ++i) ports.push(await freePort());
  instances = await Promise.all(ports.map((port, i) => startInstance(databaseUrl, port, i + 1)));
  await Promise.all(instances.map((instance) => instance.waitUntilHealthy(instance.base)));

  const proxyPort = await freePort();
  const proxy = `http://127.0.0.1:${proxyPort}`;
  writeNginxConf(proxyPort, [ports[0]]);
  nginx = track(
    new Child('nginx', [...nginxArgs, '-g', 'daemon off;'], path.join(nginxDir, 'stdout.log')),
  );
  await instances[0].waitUntilHealthy(proxy);
  await writeListCase(work, proxy);
  const buyerTokens = await login(proxy, manifest.buyers, manifest.password);
  writeLines(path.join(work, 'buyers.txt'), buyerTokens);

  const rows = [];
  async function measure(label, base) {
    const detail = await readLoad(base, 'detail.txt');
    const list = await readLoad(base, 'list.txt');
    const checkout = await checkoutLoad(base, buyerTokens);
    const row = { label, detail, list, checkout };
    rows.push(row);
    console.log(
      `${label}: detail ${Math.round(detail.rps)} req/s, list ${Math.round(list.rps)} req/s, ` +
        `checkout ${Math.round(checkout.ordersPerSecond)} orders/s` +
        (checkout.integrity.problems.length ? ` (${checkout.integrity.problems.join('; ')})` : ''),
    );
    if (checkout.integrity.problems.length) failed = true;
  }
  await measure('1 instance, direct', instances[0].base);
  for (let n = 1; n <= instanceCount; ++n) {
    await reloadNginx(proxyPort, ports.slice(0, n));
    await measure(`${n} instance${n > 1 ? 's' : ''} behind nginx`, proxy);
  }

  // The middle instance: nginx sends it work right up to the kill.
  const victim = instances[1];
  const kill = await killDuringCheckout(proxy, buyerTokens, victim);
  console.log(
    `kill -9 during checkout: ${kill.problems.length ? kill.problems.join('; ') : 'all proofs hold'}`,
  );
  if (kill.problems.length) failed = true;

  // Back in service before the database restart, on the same port.
  instances[1] = await startInstance(databaseUrl, victim.port, 2);
  await instances[1].waitUntilHealthy(instances[1].base);
  const restart = await restartDuringReads(proxy);
  console.log(
    `PostgreSQL restart during reads: ${restart.errorCount} errors in ${restart.windowMs} ms` +
      (restart.problems.length ? ` (${restart.problems.join('; ')})` : ''),
  );
  if (restart.problems.length) failed = true;

  report = formatReport(rows, kill, restart, victim.port);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  for (const child of children.reverse()) {
    if (child.process.exitCode === null && child.process.signalCode === null) {
      if (child.process.spawnfile === 'nginx') child.process.kill('SIGQUIT');
      await child.stop();
    }
  }
  stopPostgres();
  if (options['keep-work'] || failed) console.log(`work folders kept: ${work} ${nginxDir}`);
  else {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(nginxDir, { recursive: true, force: true });
  }
}

function formatReport(rows, kill, restart, victimPort) {
  const ms = (value) => value.toFixed(1);
  const errorCount = (result) => result.socket_errors + result.status_errors;
  const lines = [
    `# PocketShop bench-scale, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${machine()}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the end. ` +
      `PostgreSQL (durable defaults) with a streaming replica that serves the catalog reads, ${instanceCount} instances, nginx, the payment gateway and wrk share these cores, ` +
      `all on 127.0.0.1. ${connections} connections; ${seconds} s per case (reads after a ${warmup} s warm-up).`,
    '',
    '| instances | product detail req/s | p99 ms | product list req/s | p99 ms | checkout orders/s | p99 ms | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { label, detail, list, checkout } of rows)
    lines.push(
      `| ${label} | ${Math.round(detail.rps)} | ${ms(detail.p99_ms)} | ${Math.round(list.rps)} | ${ms(list.p99_ms)} | ` +
        `${Math.round(checkout.ordersPerSecond)} | ${ms(checkout.p99_ms)} | ` +
        `${errorCount(detail) + errorCount(list) + errorCount(checkout)} |`,
    );
  lines.push(
    '',
    'CPU time per request (per order for checkout, its add to cart and its mail jobs included), µs, by tier:',
    '',
    '| instances | product detail: server / nginx / PostgreSQL primary / replica | product list | checkout |',
    '|---|---:|---:|---:|',
  );
  const cpu = (result) =>
    [result.cpuPer.instances, result.cpuPer.nginx, result.cpuPer.postgres, result.cpuPer.replica]
      .map((v) => Math.round(v))
      .join(' / ');
  for (const { label, detail, list, checkout } of rows)
    lines.push(`| ${label} | ${cpu(detail)} | ${cpu(list)} | ${cpu(checkout)} |`);
  const statuses = {};
  for (const e of kill.errors)
    statuses[`${e.status} ${e.path}`] = (statuses[`${e.status} ${e.path}`] ?? 0) + 1;
  lines.push(
    '',
    `**kill -9 of one instance (port ${victimPort}) ${faultAfterMs / 1000} s into a ${faultRunSeconds} s checkout load through nginx, 3 instances:** ` +
      `${kill.acknowledged} checkouts acknowledged (${Math.round(kill.ordersPerSecond)} orders/s), ` +
      `${kill.integrity.lost} of them missing from the database; ${kill.integrity.created} checkouts created; ` +
      `${kill.integrity.negative} products below zero, stock + sold = initial ${kill.integrity.stockNow + kill.integrity.sold === manifest.total_inventory ? 'holds' : 'DOES NOT hold'}. ` +
      `Errors seen by the buyers: ${kill.errors.length} (${
        Object.entries(statuses)
          .map(([k, v]) => `${v} × ${k}`)
          .join(', ') || 'none'
      }), ` +
      `all within ${kill.errorWindowMs} ms of the kill; nginx logged ${kill.inFlight} requests that failed in flight, ` +
      `all on port ${victimPort}, and ${kill.refused} refused connections it passed to another instance. ` +
      (kill.problems.length ? `PROOF FAILED: ${kill.problems.join('; ')}.` : 'All proofs hold.'),
    '',
    `**PostgreSQL restart (\`pg_ctl restart -m fast\`, ${restart.restartMs} ms) ${faultAfterMs / 1000} s into a ${faultRunSeconds} s product-detail load through nginx, 3 instances:** ` +
      `${restart.errorCount} of ${restart.requests} requests failed, from ${restart.firstErrorAfterMs} ms to ${restart.lastErrorAfterMs} ms after the restart began: ` +
      `an error window of ${restart.windowMs} ms. ${Math.round(restart.rps)} req/s over the whole run. ` +
      (restart.problems.length
        ? `PROBLEM: ${restart.problems.join('; ')}.`
        : 'Every instance healthy afterwards.'),
  );
  return lines.join('\n');
}

if (report) {
  console.log('\n' + report);
  fs.mkdirSync(options.out, { recursive: true });
  const file = path.join(
    options.out,
    `${started.toISOString().slice(0, 16).replace(/[T:]/g, '-')}-scale-${os.hostname()}.md`,
  );
  fs.writeFileSync(file, report + '\n');
  console.log(`written to ${path.relative(process.cwd(), file)}`);
}
process.exit(failed ? 1 : 0);
