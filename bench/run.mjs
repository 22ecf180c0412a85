// `npm run bench [-- --only stream|open --stream-runs 3 --open-runs 5 --delay-ms 1 --skip-build]`
// Builds what the bench needs, then runs it (bench/main.ts). See bench/README.md.
//   1. the renderer and the harness, only what is stale (scripts/harness.mjs --build-only);
//      --skip-build measures whatever is in out/ and out-harness/ now;
//   2. the baseline page and the bench itself, into node_modules/.cache/parley-bench/ (ignored by git and
//      ESLint; bench/vite.config.mts names the same folder), where the measured build is also copied.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const buildDir = join(root, 'node_modules/.cache/parley-bench');

if (!argv.includes('--skip-build')) {
  const result = spawnSync(process.execPath, [join(root, 'scripts/harness.mjs'), '--build-only'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    process.stderr.write('bench: building the renderer or the harness failed (use --skip-build to measure the existing build)\n');
    process.exit(result.status ?? 1);
  }
}
const configFile = join(root, 'bench/vite.config.mts');
await build({ configFile, mode: 'baseline' });
await build({ configFile, mode: 'runner' });

const { main } = await import(pathToFileURL(join(buildDir, 'runner/main.mjs')).href);
process.exitCode = await main({ root, buildDir, argv });
