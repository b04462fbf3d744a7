// The performance budget (README.md, "Web app"): the JavaScript a first visit
// loads, gzipped, stays under BUDGET_BYTES. That is every script index.html
// loads or preloads (the entry chunk and the chunks it imports at start);
// chunks split off for later routes do not count. `npm run build` runs this
// after `vite build` and fails past the budget.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

// 132.6 kB on 2026-12-07 (157.1 kB before the lazily loaded routes).
export const BUDGET_BYTES = 160 * 1000;

/** The paths of the scripts that index.html loads or preloads, as written there. */
export function firstLoadScripts(html) {
  const scripts = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModule = /^<script\b/.test(tag) && /\btype="module"/.test(tag);
    const isPreload = /^<link\b/.test(tag) && /\brel="modulepreload"/.test(tag);
    const url = tag.match(/\b(?:src|href)="([^"]+)"/)?.[1];
    if ((isModule || isPreload) && url) scripts.add(url);
  }
  return [...scripts];
}

/**
 * Gzips (level 9, as the build's .gz files) each first-load script of the
 * built app in `distDir`; `ok` when their sum is within the budget.
 */
export async function measureFirstLoad(distDir, budgetBytes = BUDGET_BYTES) {
  const html = await readFile(new URL('index.html', distDir), 'utf8');
  const scripts = [];
  for (const path of firstLoadScripts(html)) {
    const source = await readFile(new URL(path.replace(/^\//, ''), distDir));
    scripts.push({ path, bytes: source.length, gzipped: gzipSync(source, { level: 9 }).length });
  }
  if (scripts.length === 0) throw new Error('index.html loads no module script: is it built?');
  const gzipped = scripts.reduce((sum, script) => sum + script.gzipped, 0);
  return { scripts, gzipped, budgetBytes, ok: gzipped <= budgetBytes };
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

export function report({ scripts, gzipped, budgetBytes, ok }) {
  const lines = scripts.map((s) => `  ${s.path}: ${kB(s.bytes)}, gzipped ${kB(s.gzipped)}`);
  const verdict = ok
    ? `First-load JavaScript: ${kB(gzipped)} gzipped, within the ${kB(budgetBytes)} budget.`
    : `First-load JavaScript: ${kB(gzipped)} gzipped, over the ${kB(budgetBytes)} budget ` +
      `by ${kB(gzipped - budgetBytes)}. Split off what the first page does not need ` +
      `(import() a route), or raise the budget in scripts/check-bundle-size.mjs and README.md ` +
      `with the reason.`;
  return [...lines, verdict].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The built app's folder: the argument, or web/dist.
  const distPath = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
  const distDir = pathToFileURL(`${resolve(distPath)}/`);
  const result = await measureFirstLoad(distDir);
  (result.ok ? console.log : console.error)(report(result));
  if (!result.ok) process.exit(1);
}
