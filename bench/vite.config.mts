import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '..');
/**
 * Build output goes where git and ESLint already look away (`eslint .` would lint a bundle in bench/, as
 * flat config does not read .gitignore). bench/run.mjs uses the same folder.
 */
const out = resolve(root, 'node_modules/.cache/parley-bench');

/**
 * `--mode baseline`: the react-markdown-on-every-delta page the streaming figures are compared with.
 * `--mode runner`: the bench itself (bench/main.ts) bundled for Node, because Node's type stripping
 * needs '.ts' in relative imports and the project's tsconfig does not allow them.
 */
export default defineConfig(({ mode }) =>
  mode === 'baseline'
    ? {
        root: resolve(root, 'bench/baseline'),
        base: './',
        logLevel: 'warn',
        // react-markdown and its parsers make one ~400 kB chunk; that is what the baseline is.
        build: { outDir: resolve(out, 'baseline'), emptyOutDir: true, minify: true, chunkSizeWarningLimit: 2_000 },
      }
    : {
        root,
        logLevel: 'warn',
        build: {
          outDir: resolve(out, 'runner'),
          emptyOutDir: true,
          minify: false,
          target: 'node24',
          ssr: resolve(root, 'bench/main.ts'),
          rollupOptions: { output: { format: 'es', entryFileNames: 'main.mjs' } },
        },
      },
);
