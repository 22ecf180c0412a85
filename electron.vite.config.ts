import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      // Runtime dependencies (better-sqlite3, keytar, the SDK) stay in node_modules and ship in the asar.
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() from node_modules: bundle zod and our shared code into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    resolve: {
      alias: {
        // Its browser build decodes entities through `document`, which the Markdown worker does not have;
        // the table-based build works everywhere (and gives the page and the worker the same results).
        'decode-named-character-reference': resolve(__dirname, 'node_modules/decode-named-character-reference/index.js'),
      },
    },
    build: {
      // electron-vite leaves bundles unminified; the renderer is parsed on every start, so minify it.
      minify: process.env.PARLEY_PROFILE_BUILD !== '1',
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
