import { afterAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../src/main/core/secrets/keytar-store';
import { startTestCore } from './core-harness';

/**
 * Runs the keytar backend against a real Secret Service (gnome-keyring over D-Bus).
 * CI starts one (see .ci/run) and sets PARLEY_REQUIRE_KEYCHAIN=1 so this can never silently skip there.
 */
const required = process.env.PARLEY_REQUIRE_KEYCHAIN === '1';
const hasBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
const service = `Parley-test-${process.pid}`;
const store = new KeytarSecretStore(service);

describe.skipIf(!hasBus && !required)('keytar against a real Secret Service (skipped: no D-Bus session; CI runs it)', () => {
  afterAll(async () => {
    await store.delete('anthropic-api-key').catch(() => {});
  });

  it('is available', async () => {
    expect(await store.isAvailable()).toBe(true);
  });

  it('stores, reads and deletes the API key through the core', async () => {
    const t = await startTestCore({ secretStore: store, apiKey: null });
    try {
      expect(await t.call('secrets:status', {})).toMatchObject({ hasKey: false, storage: 'keychain' });
      await t.call('secrets:setApiKey', { apiKey: 'sk-ant-keychain-test-9876' });
      expect(await t.call('secrets:status', {})).toEqual({ hasKey: true, last4: '9876', source: 'keychain', storage: 'keychain', storageSecure: true });
      // A second store object reads it back from the keychain itself, not from memory.
      expect(await new KeytarSecretStore(service).get('anthropic-api-key')).toBe('sk-ant-keychain-test-9876');
      await t.call('secrets:clearApiKey', {});
      expect(await new KeytarSecretStore(service).get('anthropic-api-key')).toBeNull();
    } finally {
      await t.close();
    }
  });
});
