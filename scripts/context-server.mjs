// `npm run context-server -- --port <p> --data-dir <dir>`: builds the reference server when stale, then runs it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const output = join(root, 'out-context-server/cli.mjs');
const newest = (dir) => {
  let latest = 0;
  const walk = (p) => {
    const s = statSync(p);
    if (s.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
    else latest = Math.max(latest, s.mtimeMs);
  };
  if (existsSync(dir)) walk(dir);
  return latest;
};
const inputs = ['context-server/src', 'src/shared/context', 'src/main/core/context/signing.ts'].map((p) => newest(join(root, p)));
if (!existsSync(output) || statSync(output).mtimeMs < Math.max(...inputs)) {
  const built = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--config', 'context-server/vite.config.mts'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const child = spawn(process.execPath, [output, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
