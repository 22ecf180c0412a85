import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Builds the renderer and the harness once (only what is stale) before any test starts a harness. */
export default function globalSetup(): void {
  const root = resolve(__dirname, '../..');
  const result = spawnSync(process.execPath, [resolve(root, 'scripts/harness.mjs'), '--build-only'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Building the renderer and harness failed');
}
