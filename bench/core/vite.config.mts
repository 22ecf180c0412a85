import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '../..');

/** Bundles the core benchmarks for Node (the core uses import.meta.glob for its migrations). */
export default defineConfig({
  root,
  logLevel: 'warn',
  build: {
    outDir: resolve(root, 'node_modules/.cache/parley-bench-core'),
    emptyOutDir: true,
    minify: false,
    target: 'node24',
    ssr: resolve(root, 'bench/core/main.ts'),
    rollupOptions: { output: { format: 'es', entryFileNames: 'main.mjs' } },
  },
});
