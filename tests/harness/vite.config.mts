import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '../..');

/** `--mode client`: the browser-side window.api (IIFE). Default: the Node server with the real core. */
export default defineConfig(({ mode }) =>
  mode === 'client'
    ? {
        root,
        logLevel: 'warn',
        define: { __HARNESS_TOKEN__: JSON.stringify('__HARNESS_TOKEN_PLACEHOLDER__') },
        build: {
          outDir: resolve(root, 'out-harness'),
          emptyOutDir: false,
          minify: false,
          lib: { entry: resolve(root, 'tests/harness/ws-client.ts'), formats: ['iife'], name: 'ParleyHarness', fileName: () => 'client.js' },
        },
      }
    : {
        root,
        logLevel: 'warn',
        build: {
          outDir: resolve(root, 'out-harness'),
          emptyOutDir: false,
          minify: false,
          target: 'node24',
          ssr: resolve(root, 'tests/harness/cli.ts'),
          rollupOptions: { output: { format: 'es', entryFileNames: 'cli.mjs' } },
        },
      },
);
