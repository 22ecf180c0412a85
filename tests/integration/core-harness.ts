import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppEvent, StreamEvent } from '../../src/shared/domain/dto';
import type { AppErrorData } from '../../src/shared/domain/errors';
import type { Channel, InputOf, OutputOf } from '../../src/shared/ipc/contract';
import { createCore, type CoreTestHooks } from '../../src/main/core/app';
import type { Core, CoreEnv, EmitEvent, FileDialogs } from '../../src/main/core/core-types';
import { silentLogger } from '../../src/main/core/logger';
import { MemorySecretStore, type SecretStore } from '../../src/main/core/secrets/secret-store';

export interface TestCore {
  core: Core;
  dataDir: string;
  events: StreamEvent[];
  appEvents: AppEvent[];
  secretStore: SecretStore;
  call<C extends Channel>(channel: C, input?: InputOf<C>): Promise<OutputOf<C>>;
  fail(channel: string, input?: unknown): Promise<AppErrorData>;
  /** Resolves with the first event that matches, or rejects after `ms`. */
  waitFor(predicate: (event: StreamEvent) => boolean, ms?: number): Promise<StreamEvent>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export function tempDir(prefix = 'parley-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startTestCore(
  options: { dataDir?: string; env?: CoreEnv; secretStore?: SecretStore; apiKey?: string | null } & Partial<CoreTestHooks> & {
    deltaFlushMs?: number;
    persistEveryMs?: number;
    managedConfigPath?: string;
    dialogs?: FileDialogs;
    midStreamBackoffMs?: number[];
  } = {},
): Promise<TestCore> {
  const dataDir = options.dataDir ?? tempDir();
  const secretStore = options.secretStore ?? new MemorySecretStore();
  if (options.apiKey !== null) await secretStore.set('anthropic-api-key', options.apiKey ?? 'sk-test-key-1234');
  const events: StreamEvent[] = [];
  const waiters = new Set<{ predicate: (e: StreamEvent) => boolean; resolve: (e: StreamEvent) => void }>();
  const appEvents: AppEvent[] = [];
  const emit: EmitEvent = (name, payload) => {
    if (name === 'app:event') {
      appEvents.push(payload as AppEvent);
      return;
    }
    const event = payload as StreamEvent;
    events.push(event);
    for (const waiter of waiters) {
      if (waiter.predicate(event)) {
        waiters.delete(waiter);
        waiter.resolve(event);
      }
    }
  };
  const make = () =>
    createCore({
      dataDir,
      secretStore,
      env: options.env ?? {},
      emit,
      logger: silentLogger,
      maxRetries: options.maxRetries ?? 0,
      ...(options.createClient ? { createClient: options.createClient } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.deltaFlushMs !== undefined ? { deltaFlushMs: options.deltaFlushMs } : {}),
      ...(options.persistEveryMs !== undefined ? { persistEveryMs: options.persistEveryMs } : {}),
      ...(options.managedConfigPath ? { managedConfigPath: options.managedConfigPath } : {}),
      ...(options.dialogs ? { dialogs: options.dialogs } : {}),
      ...(options.midStreamBackoffMs ? { midStreamBackoffMs: options.midStreamBackoffMs } : {}),
      ...(options.syncTimeoutMs !== undefined ? { syncTimeoutMs: options.syncTimeoutMs } : {}),
    });
  let core = await make();

  const harness: TestCore = {
    get core() {
      return core;
    },
    dataDir,
    events,
    appEvents,
    secretStore,
    async call(channel, input) {
      const result = await core.handle(channel, input ?? {});
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    async fail(channel, input) {
      const result = await core.handle(channel, input ?? {});
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return result.error;
    },
    waitFor(predicate, ms = 5000) {
      const found = events.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error(`No matching stream event within ${ms} ms`));
        }, ms);
      });
    },
    async restart() {
      await core.close();
      core = await make();
    },
    async close() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
