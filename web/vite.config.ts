/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

// The pocketshop server serves the built app (dist/) and the API from one
// origin; in development Vite proxies /api and /media to a local server.
const apiTarget = process.env.POCKETSHOP_URL ?? 'http://127.0.0.1:8080';

// The server sends name.gz instead of name to clients that accept gzip, so
// text files worth compressing are gzipped once here (at the best level,
// which costs nothing per request). Small files would barely shrink.
const precompressGzip = compression({
  algorithms: ['gzip'],
  include: /\.(html|js|css|svg|json|txt)$/,
  threshold: 1024,
});

export default defineConfig({
  plugins: [react(), precompressGzip],
  server: {
    proxy: {
      '/api': apiTarget,
      '/media': apiTarget,
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rollupOptions: {
      output: {
        // A feature's lazily loaded pages.ts is named after its feature
        // ("messages-<hash>.js"), as an index.ts is by default.
        chunkFileNames: (chunk) => {
          const feature = chunk.facadeModuleId?.match(/\/features\/([^/]+)\/pages\.ts$/)?.[1];
          return `assets/${feature ? `${feature}-pages` : '[name]'}-[hash].js`;
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.mjs'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    // Vitest's 5 s default is less than a whole-app test (sign-in, redirect,
    // checkout) takes in jsdom when CI shares its two cores with the server's
    // tests; a test that hangs still fails, after 20 s.
    testTimeout: 20_000,
  },
});
