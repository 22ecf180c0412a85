// `npm run bench:core [-- --only request|delta|data --messages 1000000]`: the core's benchmarks (see bench/README.md).
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../..');
await build({ configFile: join(root, 'bench/core/vite.config.mts') });
const { main } = await import(pathToFileURL(join(root, 'node_modules/.cache/parley-bench-core/main.mjs')).href);
process.exitCode = await main({ root, argv: process.argv.slice(2) });
