import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { Result } from '../../src/shared/domain/errors';
import { startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-server';
import { WS_PATH, type CallMessage, type ServerMessage } from '../harness/ws-protocol';

const root = resolve(__dirname, '../..');

export interface HarnessProcess {
  url: string;
  dataDir: string;
  /** Stops the harness (SIGTERM) and starts a new one on the same data folder: an app restart. */
  restart(): Promise<string>;
}

interface LaunchedHarness {
  url: string;
  child: ChildProcess;
  stderr: () => string;
}

async function launchHarness(dataDir: string, fakeUrl: string, managedConfigPath?: string): Promise<LaunchedHarness> {
  const args = [join(root, 'out-harness/cli.mjs'), '--port', '0', '--data-dir', dataDir, '--secrets', 'memory'];
  if (managedConfigPath) args.push('--managed-config', managedConfigPath);
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ANTHROPIC_BASE_URL: fakeUrl, ANTHROPIC_API_KEY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`harness did not start in 15 s:\n${stderr}`)), 15_000);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match) {
        clearTimeout(timer);
        ready(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`harness exited with ${code}:\n${stderr}`));
    });
  });
  return { url, child, stderr: () => stderr };
}

/**
 * Stops a harness as the app quits (SIGTERM: the database is closed and checkpointed). One that has not
 * quit in 5 s is killed and the stop fails with its stderr: tests that reopen the data folder rely on a
 * clean close, and a hang here is a bug to see, not to wait out.
 */
async function stopHarness(child: ChildProcess, stderr: () => string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, 5000);
  await exited;
  clearTimeout(timer);
  if (killed) throw new Error(`the harness did not stop within 5 s of SIGTERM and was killed; its stderr:\n${stderr()}`);
}

export const test = base.extend<{ harness: HarnessProcess; managedConfig: Record<string, unknown> | null }, { fake: FakeAnthropic }>({
  /** A managed configuration file (managed.json) for the harness, as an admin would deploy it; null: none. */
  managedConfig: [null, { option: true }],
  fake: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const fake = await startFakeAnthropic();
      await use(fake);
      await fake.close();
    },
    { scope: 'worker' },
  ],
  harness: async ({ fake, managedConfig }, use) => {
    fake.reset();
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
    let managedConfigPath: string | undefined;
    if (managedConfig) {
      managedConfigPath = join(dataDir, 'managed.json');
      writeFileSync(managedConfigPath, JSON.stringify(managedConfig));
    }
    let current = await launchHarness(dataDir, fake.url, managedConfigPath);
    await use({
      get url() {
        return current.url;
      },
      dataDir,
      async restart() {
        await stopHarness(current.child, current.stderr);
        current = await launchHarness(dataDir, fake.url, managedConfigPath);
        return current.url;
      },
    });
    await stopHarness(current.child, current.stderr);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Opens Settings, saves the key, and comes back to the chat list. */
export async function saveApiKey(page: Page, key = 'sk-ant-e2e-test-key-0001'): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).or(page.getByRole('button', { name: 'Settings' })).first().click();
  await page.getByLabel('API key', { exact: true }).fill(key);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(key.slice(-4))).toBeVisible();
}

/** Opens the app, saves the API key and starts a new chat; returns the chat's id. */
export async function startChat(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await saveApiKey(page);
  await page.getByRole('button', { name: 'New chat', exact: true }).click();
  await expect(page).toHaveURL(/#\/chat\/[0-9a-f-]{36}$/);
  return page.url().split('/chat/')[1]!;
}

/**
 * Lets a test change or hold back the harness's replies to one IPC channel; every other message passes
 * through untouched and in order. `change` gets each reply's result and returns the one the page sees
 * (or a promise of it, to hold the reply until the test says so). Call before the page loads.
 */
export async function routeHarnessReplies(
  page: Page,
  channel: string,
  change: (result: Result<unknown>) => Result<unknown> | Promise<Result<unknown>>,
): Promise<void> {
  await page.routeWebSocket((url) => url.pathname === WS_PATH, (ws) => {
    const server = ws.connectToServer();
    const calls = new Set<number>();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message)) as CallMessage;
      if (call.channel === channel) calls.add(call.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const reply = JSON.parse(String(message)) as ServerMessage;
      if (reply.kind !== 'result' || !calls.delete(reply.id)) return ws.send(message);
      const deliver = (result: Result<unknown>) => ws.send(JSON.stringify({ ...reply, result }));
      const changed = change(reply.result);
      if (changed instanceof Promise) void changed.then(deliver);
      else deliver(changed);
    });
  });
}

/** A harness of the test's own, for when the shared one's Anthropic address does not fit (see startHarnessWith). */
export interface OwnHarness {
  url: string;
  dataDir: string;
  /** Stops the harness and deletes its data folder. */
  stop(): Promise<void>;
}

/**
 * Starts a harness whose Anthropic is `baseUrl`, e.g. a port nothing listens on yet, so the test decides
 * when "the network" comes back by starting a fake server there. The caller stops it.
 */
export async function startHarnessWith({ baseUrl }: { baseUrl: string }): Promise<OwnHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-own-'));
  const own = await startHarnessIn(dataDir, baseUrl);
  return {
    ...own,
    async stop() {
      await own.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A harness on a data folder the test keeps (stop() leaves it, so the test can change the file and start again). */
export async function startHarnessIn(dataDir: string, baseUrl: string): Promise<OwnHarness> {
  const { url, child, stderr } = await launchHarness(dataDir, baseUrl);
  return { url, dataDir, stop: () => stopHarness(child, stderr) };
}
