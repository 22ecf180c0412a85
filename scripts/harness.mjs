// `npm run harness -- --port <p> --data-dir <dir>`: builds what is stale, then starts the harness.
// `--build-only` builds and exits (the end-to-end tests use it once before starting harnesses).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const buildOnly = args.includes('--build-only');

function newest(paths) {
  let latest = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
    else latest = Math.max(latest, s.mtimeMs);
  };
  paths.forEach((p) => walk(join(root, p)));
  return latest;
}

function stale(output, inputs) {
  const file = join(root, output);
  return !existsSync(file) || statSync(file).mtimeMs < newest(inputs);
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const bin = (name) => join(root, 'node_modules', '.bin', name);
const shared = ['src/shared', 'package.json'];
if (stale('out/renderer/index.html', ['src/renderer', ...shared, 'electron.vite.config.ts'])) {
  run(bin('electron-vite'), ['build']);
}
if (stale('out-harness/cli.mjs', ['src/main/core', 'migrations', 'tests/harness', ...shared])) {
  run(bin('vite'), ['build', '--config', 'tests/harness/vite.config.mts']);
}
if (stale('out-harness/client.js', ['tests/harness', ...shared])) {
  run(bin('vite'), ['build', '--config', 'tests/harness/vite.config.mts', '--mode', 'client']);
}
if (buildOnly) process.exit(0);

const child = spawn(process.execPath, [join(root, 'out-harness/cli.mjs'), ...args], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
