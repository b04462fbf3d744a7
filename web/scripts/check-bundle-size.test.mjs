import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGET_BYTES, firstLoadScripts } from './check-bundle-size.mjs';

const script = join(dirname(fileURLToPath(import.meta.url)), 'check-bundle-size.mjs');

/** A built app whose entry and preloaded chunk hold `bytes` of incompressible text between them, and a lazy chunk. */
async function builtApp(bytes) {
  const dist = await mkdtemp(join(tmpdir(), 'bundle-budget-'));
  await mkdir(join(dist, 'assets'));
  const text = (n) => `export const data = "${randomBytes(n).toString('base64').slice(0, n)}";`;
  await writeFile(join(dist, 'assets', 'index.js'), text(bytes / 2));
  await writeFile(join(dist, 'assets', 'vendor.js'), text(bytes / 2));
  await writeFile(join(dist, 'assets', 'later.js'), text(BUDGET_BYTES * 2));
  await writeFile(
    join(dist, 'index.html'),
    '<html><head><script type="module" crossorigin src="/assets/index.js"></script>' +
      '<link rel="modulepreload" crossorigin href="/assets/vendor.js">' +
      '<link rel="stylesheet" href="/assets/index.css"></head></html>',
  );
  return dist;
}

async function check(dist) {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [script, dist]);
    return { code: 0, output: stdout };
  } catch (error) {
    return { code: error.code, output: error.stderr };
  }
}

describe('check-bundle-size', () => {
  const made = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dist) => rm(dist, { recursive: true, force: true })));
  });

  it('counts the module scripts and preloads of index.html, not styles or lazy chunks', () => {
    expect(
      firstLoadScripts(
        '<script type="module" crossorigin src="/assets/a.js"></script>' +
          '<link rel="modulepreload" href="/assets/b.js"><link rel="stylesheet" href="/c.css">',
      ),
    ).toEqual(['/assets/a.js', '/assets/b.js']);
  });

  it('passes within the budget', async () => {
    const dist = await builtApp(BUDGET_BYTES * 0.8);
    made.push(dist);
    const result = await check(dist);
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/within the 160\.0 kB budget/);
  });

  it('fails the build past the budget, though each chunk alone is within it', async () => {
    // base64 gzips to about 3/4 of its size: 1.6x the budget is 1.2x gzipped.
    const dist = await builtApp(BUDGET_BYTES * 1.6);
    made.push(dist);
    const result = await check(dist);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/over the 160\.0 kB budget/);
  });
});
