import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '..');

/** Bundles the reference context server (never part of the desktop app) into out-context-server/. */
export default defineConfig({
  root,
  logLevel: 'warn',
  build: {
    outDir: resolve(root, 'out-context-server'),
    emptyOutDir: true,
    minify: false,
    target: 'node24',
    ssr: resolve(root, 'context-server/src/cli.ts'),
    rollupOptions: { output: { format: 'es', entryFileNames: 'cli.mjs' } },
  },
});
