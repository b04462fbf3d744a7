import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const webDir = resolve(import.meta.dirname, '../..');
const repoDir = resolve(webDir, '..');

export interface RunningServer {
  url: string;
  /** The server's data directory (its SQLite database, its mail). */
  dataDir: string;
  stop(): Promise<void>;
}

const GATEWAY_SECRET_KEY = 'sk_test_e2e_0123456789';
const GATEWAY_PUBLISHABLE_KEY = 'pk_test_e2e_0123456789';
const WEBHOOK_SECRET = 'whsec_e2e_0123456789';

/** A TCP port free on 127.0.0.1 now, for a server that must be known before it starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/**
 * Starts the real pocketshop binary on a free port with a fresh data
 * directory, serving the built web app, and beside it the test-mode payment
 * gateway (`pocketshop gateway`) that the browser tokenizes cards at and
 * that posts its signed events (payout.paid, ...) to the server's webhook;
 * resolves once both log their address.
 */
/** The shop as startServer started it: also its data folder and binary, for CLI commands. */
export interface RunningShop extends RunningServer {
  /** Its data folder (SQLite file, .eml mails under mail/). */
  dataDir: string;
  binary: string;
}

export async function startServer(
  env: Record<string, string> = {},
  timeoutMs = 20_000,
): Promise<RunningShop> {
  const binary = process.env.POCKETSHOP_BIN ?? join(repoDir, 'build/server/pocketshop');
  const dist = join(webDir, 'dist');
  if (!existsSync(binary)) throw new Error(`No server binary at ${binary}: run make build`);
  if (!existsSync(join(dist, 'index.html')))
    throw new Error('web/dist is missing: run npm run build');
  const dataDir = mkdtempSync(join(tmpdir(), 'pocketshop-e2e-'));
  // The gateway is told where to post events before the server starts.
  const port = await freePort();
  const gateway = await startProcess(
    'the gateway',
    binary,
    [
      'gateway',
      '--port',
      '0',
      '--data-dir',
      join(dataDir, 'gateway'),
      '--secret-key',
      GATEWAY_SECRET_KEY,
      '--publishable-key',
      GATEWAY_PUBLISHABLE_KEY,
      '--webhook-url',
      `http://127.0.0.1:${port}/api/payments/webhook`,
      '--webhook-secret',
      WEBHOOK_SECRET,
    ],
    {},
    timeoutMs,
  );
  let shop: RunningProcess;
  try {
    shop = await startProcess(
      'pocketshop',
      binary,
      [
        'serve',
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
        '--data-dir',
        dataDir,
        '--web-dir',
        dist,
      ],
      {
        POCKETSHOP_PASSWORD_STRENGTH: 'min',
        // The mails' links lead back to this server.
        POCKETSHOP_PUBLIC_URL: `http://127.0.0.1:${port}`,
        POCKETSHOP_DEV_MAILBOX: 'true',
        POCKETSHOP_PAYMENT_GATEWAY_URL: gateway.url,
        POCKETSHOP_PAYMENT_SECRET_KEY: GATEWAY_SECRET_KEY,
        POCKETSHOP_PAYMENT_PUBLISHABLE_KEY: GATEWAY_PUBLISHABLE_KEY,
        POCKETSHOP_PAYMENT_WEBHOOK_SECRET: WEBHOOK_SECRET,
        ...env,
      },
      timeoutMs,
    );
  } catch (error) {
    await gateway.stop();
    throw error;
  }
  return {
    url: shop.url,
    dataDir,
    binary,
    async stop() {
      await shop.stop();
      await gateway.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type RunningProcess = Omit<RunningServer, 'dataDir'>;

/** Starts `binary args`; resolves with the address it logs once it listens. */
async function startProcess(
  name: string,
  binary: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<RunningProcess> {
  const child: ChildProcess = spawn(binary, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let log = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${log}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20_000);
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before listening:\n${log}`));
    });
  });
  // The output is drained (onData keeps its tail) so the process never blocks
  // on a full pipe; if it dies mid-test, its last words are shown.
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping)
      console.error(`${name} exited unexpectedly (${signal ?? code}); its last output:\n${log}`);
  });

  return {
    url,
    async stop() {
      stopping = true;
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
