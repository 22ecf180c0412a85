import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * Child processes the bench starts (the fake Anthropic API and harnesses). Every one is registered here
 * so an error or Ctrl+C still stops them: a bench must never leave a harness holding a port.
 */
const running = new Set<ChildProcess>();

export interface Started {
  child: ChildProcess;
  /** The URL the process printed once it was listening. */
  url: string;
}

/** Starts `node <args>` and waits (bounded) for a line on stdout that `pattern` captures a URL from. */
function startNode(root: string, args: string[], env: NodeJS.ProcessEnv, pattern: RegExp, what: string, timeoutMs = 20_000): Promise<Started> {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    // Keep only the tail: the harness logs every slow query and request, which can add up.
    stderr = (stderr + chunk.toString()).slice(-8_000);
  });
  return new Promise<Started>((ready, fail) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${what} did not start within ${timeoutMs / 1000} s:\n${stderr}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume(); // keep draining so a chatty child never blocks on a full pipe
        ready({ child, url: match[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${what} exited with ${code} before it was ready:\n${stderr}`));
    });
  });
}

/** SIGTERM, then SIGKILL after `graceMs`: the harness closes SQLite cleanly on SIGTERM. */
export async function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopProcess(child)));
}

export function startFakeAnthropic(root: string): Promise<Started> {
  return startNode(root, [join(root, 'tests/fakes/anthropic-server-cli.ts')], process.env, /FAKE_ANTHROPIC_URL=(http:\/\/127\.0\.0\.1:\d+)/, 'the fake Anthropic server');
}

export interface HarnessFiles {
  cli: string;
  rendererDir: string;
  clientScript: string;
}

export function startHarness(root: string, files: HarnessFiles, dataDir: string, fakeUrl: string): Promise<Started> {
  const args = [files.cli, '--port', '0', '--data-dir', dataDir, '--secrets', 'memory', '--renderer-dir', files.rendererDir, '--client-script', files.clientScript];
  // A key in the environment counts as saved (ARCHITECTURE.md §5), so no run spends time in Settings.
  const env = { ...process.env, ANTHROPIC_BASE_URL: fakeUrl, ANTHROPIC_API_KEY: 'sk-ant-bench-key-0000' };
  return startNode(root, args, env, /ready at (http:\/\/127\.0\.0\.1:\d+\/)/, 'the harness');
}

/** Sets the fake server's scenario for streaming requests over its control API. */
export async function setFakeScenario(fakeUrl: string, scenario: unknown): Promise<void> {
  const response = await fetch(`${fakeUrl}/__control/scenario`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(scenario),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`the fake server refused the scenario: ${response.status} ${await response.text()}`);
}
