// Helpers for the bench scripts that start servers and drive them with wrk
// (bench/run.mjs, bench/scale.mjs).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const benchDir = path.dirname(new URL(import.meta.url).pathname);
export const luaDir = path.join(benchDir, 'lua');

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

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

export function run(command, args, env = {}) {
  return execFileSync(command, args, {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
}

// The numbers one SELECT answers on PostgreSQL, in one snapshot.
export function pgNumbers(url, query) {
  return run('psql', [url, '-Atc', query]).trim().split('|').map(Number);
}

// One request on a connection of its own (or the agent's); resolves with the
// parsed JSON of a 200 or 201, null for a 204, rejects otherwise.
export function request(method, url, body, { headers = {}, agent = false, form = false } = {}) {
  return new Promise((resolve, reject) => {
    const type = form ? 'application/x-www-form-urlencoded' : 'application/json';
    if (body) headers = { ...headers, 'Content-Type': type };
    const outgoing = http.request(url, { method, headers, agent }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        if (response.statusCode === 204) resolve(null);
        else if (response.statusCode !== 200 && response.statusCode !== 201)
          reject(new Error(`${method} ${url}: ${response.statusCode} ${text}`));
        else resolve(JSON.parse(text));
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body ? (form ? body : JSON.stringify(body)) : undefined);
  });
}

// A child process of the pocketshop binary (`serve`, `gateway`) or another
// program, its output in logFile.
export class Child {
  constructor(program, args, logFile, env = {}) {
    this.logFile = logFile;
    this.log = fs.openSync(logFile, 'a');
    this.process = spawn(program, args, {
      stdio: ['ignore', this.log, this.log],
      env: { ...process.env, ...env },
    });
    this.exited = new Promise((resolve) =>
      this.process.on('exit', (code, signal) => resolve(code ?? signal)),
    );
  }

  // The address a pocketshop process logs once it serves.
  async waitUntilListening() {
    for (let attempt = 0; attempt < 300; ++attempt) {
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(
        fs.readFileSync(this.logFile, 'utf8'),
      );
      if (match) return match[1];
      if (this.process.exitCode !== null) break;
      await sleep(100);
    }
    throw new Error(`${this.logFile}: not listening`);
  }

  async waitUntilHealthy(base) {
    for (let attempt = 0; attempt < 300; ++attempt) {
      try {
        await request('GET', `${base}/healthz`);
        return;
      } catch {
        if (this.process.exitCode !== null) break;
      }
      await sleep(100);
    }
    throw new Error(`${this.logFile}: never healthy at ${base}`);
  }

  kill(signal) {
    this.process.kill(signal);
    return this.exited;
  }

  async stop() {
    if (this.process.exitCode === null && this.process.signalCode === null)
      this.process.kill('SIGTERM');
    const code = await this.exited;
    fs.closeSync(this.log);
    return code;
  }
}

function wrkArguments({ base, script, args, seconds, threads, connections }) {
  return [
    `-t${threads}`,
    `-c${connections}`,
    `-d${seconds}s`,
    '--timeout',
    '5s',
    '-s',
    path.resolve(luaDir, script),
    base,
    '--',
    ...args,
  ];
}

// The BENCH_RESULT line wrk's script printed, and any BENCH_<NAME> line beside
// it as result.extra[name]; no `requests` when there was no result line.
function wrkResult(out) {
  const result = { extra: {} };
  for (const line of out.split('\n')) {
    const match = /^BENCH_([A-Z_]+) (.*)$/.exec(line);
    if (match && match[1] === 'RESULT') Object.assign(result, JSON.parse(match[2]));
    else if (match) result.extra[match[1].toLowerCase()] = JSON.parse(match[2]);
  }
  return result;
}

// wrk with a script of bench/lua/ (under `taskset -c cores` when given), and
// its wrkResult.
export function wrk({ cores = '', ...options }) {
  const wrkArgs = wrkArguments(options);
  const out = cores
    ? run('taskset', ['-c', cores, 'wrk', ...wrkArgs], { BENCH_LUA_DIR: luaDir })
    : run('wrk', wrkArgs, { BENCH_LUA_DIR: luaDir });
  const result = wrkResult(out);
  if (result.requests === undefined) throw new Error(`wrk printed no result:\n${out}`);
  return result;
}

// wrk in the background, for a fault injected while it runs.
export function wrkInBackground(options) {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', wrkArguments(options), {
      env: { ...process.env, BENCH_LUA_DIR: luaDir },
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const result = wrkResult(out);
      if (code !== 0 || result.requests === undefined)
        reject(new Error(`wrk exited with ${code}:\n${out}`));
      else resolve(result);
    });
  });
}

// `pocketshop gateway`'s arguments: its own data directory and the bench's keys.
export function gatewayArguments(dataDir, keys) {
  return [
    'gateway',
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--data-dir',
    dataDir,
    '--secret-key',
    keys.secret,
    '--publishable-key',
    keys.publishable,
  ];
}

// `pocketshop serve`'s flags for a load: rate limits raised (the load comes
// from one address and 200 buyers) and the bench's own gateway.
export function loadServeFlags(gateway, keys) {
  return [
    '--login-limit-per-ip',
    '1000000',
    '--checkout-limit-per-user',
    '1000000',
    '--payment-gateway-url',
    gateway.url,
    '--payment-secret-key',
    keys.secret,
    '--payment-publishable-key',
    keys.publishable,
  ];
}

export function writeLines(file, lines) {
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

// The list case's paths: the whole catalogue, page after page, each one
// asked for with the previous page's `next`, as a browsing client does.
export async function writeListCase(work, base, maxPages = Infinity) {
  const paths = [];
  let next = null;
  do {
    const target = `/api/products?limit=24${next ? `&after=${encodeURIComponent(next)}` : ''}`;
    paths.push(target);
    ({ next } = await request('GET', base + target));
  } while (next && paths.length < maxPages);
  writeLines(path.join(work, 'list.txt'), paths);
}

// Single-use card tokens from the test gateway, `inFlight` requests at a time.
export async function mintPaymentTokens(gatewayUrl, publishableKey, count, inFlight = 32) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
  const headers = { Authorization: `Bearer ${publishableKey}` };
  const card = 'card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=2040&card[cvc]=123';
  const tokens = new Array(count);
  let next = 0;
  async function worker() {
    while (next < count) {
      const index = next++;
      const token = await request('POST', `${gatewayUrl}/v1/tokens`, card, {
        headers,
        agent,
        form: true,
      });
      tokens[index] = token.id;
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker));
  agent.destroy();
  return tokens;
}

// Access tokens of these bench buyers, signed in one after another.
export async function login(base, emails, password) {
  const tokens = [];
  for (const email of emails) {
    const session = await request('POST', `${base}/api/auth/login`, { email, password });
    tokens.push(session.access_token);
  }
  return tokens;
}

export function machine() {
  const cpu = os.cpus();
  return `${cpu.length} × ${cpu[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Linux ${os.release()}`;
}
