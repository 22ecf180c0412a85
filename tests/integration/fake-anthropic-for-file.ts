import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-server';

/**
 * One fake Anthropic server for a test file: started before its tests, reset after each test (after the
 * file's own afterEach hooks, which close its cores), closed after all. The returned object forwards to it.
 */
export function fakeAnthropicForFile(): FakeAnthropic {
  let server: FakeAnthropic | undefined;
  beforeAll(async () => {
    server = await startFakeAnthropic();
  });
  afterAll(async () => server?.close());
  afterEach(() => server?.reset());
  return new Proxy({} as FakeAnthropic, {
    get(_target, key) {
      if (!server) throw new Error('the fake Anthropic server starts in beforeAll');
      const value: unknown = Reflect.get(server, key, server);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(server) : value;
    },
  });
}
