import { afterEach, describe, expect, it } from 'vitest';
import type { SecretStore } from '../../src/main/core/secrets/secret-store';
import { startTestCore, type TestCore } from './core-harness';

let t: TestCore;
afterEach(async () => t?.close());

describe('secrets', () => {
  it('saves, reports only the last four characters, and removes the key', async () => {
    t = await startTestCore({ apiKey: null });
    expect(await t.call('secrets:status', {})).toEqual({ hasKey: false, last4: null, source: null, storage: 'memory', storageSecure: true });
    const saved = await t.call('secrets:setApiKey', { apiKey: '  sk-ant-api03-secretvalue-WXYZ ' });
    expect(saved).toEqual({ hasKey: true, last4: 'WXYZ', source: 'memory', storage: 'memory', storageSecure: true });
    expect(JSON.stringify(saved)).not.toContain('secretvalue');
    expect(await t.secretStore.get('anthropic-api-key')).toBe('sk-ant-api03-secretvalue-WXYZ');
    expect(await t.call('secrets:clearApiKey', {})).toMatchObject({ hasKey: false, source: null });
  });

  it('lets ANTHROPIC_API_KEY override the stored key', async () => {
    t = await startTestCore({ env: { ANTHROPIC_API_KEY: 'sk-from-env-ABCD' } });
    expect(await t.call('secrets:status', {})).toMatchObject({ hasKey: true, last4: 'ABCD', source: 'environment' });
  });

  it('turns a failing keychain into secret_store_unavailable, not a crash', async () => {
    const broken: SecretStore = {
      kind: 'keychain',
      isAvailable: async () => false,
      isSecure: async () => true,
      get: async () => {
        throw new Error('dbus: no reply');
      },
      set: async () => {
        throw new Error('dbus: no reply');
      },
      delete: async () => {
        throw new Error('dbus: no reply');
      },
    };
    t = await startTestCore({ secretStore: broken, apiKey: null });
    expect((await t.fail('secrets:status', {})).code).toBe('secret_store_unavailable');
    expect((await t.fail('secrets:setApiKey', { apiKey: 'sk-something-long' })).code).toBe('secret_store_unavailable');
  });
});

describe('ANTHROPIC_BASE_URL', () => {
  it.each(['http://api.example.com', 'ftp://127.0.0.1', 'https://user:pw@api.example.com', 'not a url'])('refuses %s before touching any data', async (url) => {
    await expect(startTestCore({ env: { ANTHROPIC_BASE_URL: url } })).rejects.toThrow(/ANTHROPIC_BASE_URL/);
  });

  it.each(['https://proxy.example.com/anthropic', 'http://127.0.0.1:8080', 'http://localhost:1234'])('accepts %s', async (url) => {
    t = await startTestCore({ env: { ANTHROPIC_BASE_URL: url } });
    expect((await t.call('secrets:status', {})).hasKey).toBe(true);
  });
});
