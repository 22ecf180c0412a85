import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ safeStorage: {} })); // the real one cannot load in plain Node; a fake cipher is injected

const { SafeStorageSecretStore } = await import('../../src/main/electron/secrets');
type Cipher = NonNullable<ConstructorParameters<typeof SafeStorageSecretStore>[1]>;

/** Stands in for safeStorage: "encrypts" by reversing bytes behind a marker. */
function fakeCipher(overrides: Partial<{ available: boolean; backend: string; reEncrypt: boolean }> = {}) {
  const state = { available: true, backend: 'gnome_libsecret', reEncrypt: false, ...overrides, encryptions: 0 };
  const cipher = {
    isAsyncEncryptionAvailable: async () => state.available,
    getSelectedStorageBackend: () => state.backend,
    encryptStringAsync: async (text: string) => {
      state.encryptions++;
      return Buffer.concat([Buffer.from('ENC:'), Buffer.from(text).reverse()]);
    },
    decryptStringAsync: async (data: Buffer) => ({
      result: Buffer.from(data.subarray(4)).reverse().toString(),
      shouldReEncrypt: state.reEncrypt,
    }),
  };
  return { cipher: cipher as unknown as Cipher, state };
}

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-secrets-'));
  file = join(dir, 'nested', 'secrets.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SafeStorageSecretStore', () => {
  it('round-trips values and keeps only ciphertext on disk, in a 0600 file', async () => {
    const store = new SafeStorageSecretStore(file, fakeCipher().cipher, 'linux');
    expect(await store.get('anthropic-api-key')).toBeNull();
    await store.set('anthropic-api-key', 'sk-ant-secret-1234');
    expect(await store.get('anthropic-api-key')).toBe('sk-ant-secret-1234');
    expect(readFileSync(file, 'utf8')).not.toContain('sk-ant-secret-1234');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(store.kind).toBe('safeStorage');
  });

  it('deletes one account and leaves the others', async () => {
    const store = new SafeStorageSecretStore(file, fakeCipher().cipher, 'linux');
    await store.set('a', 'one');
    await store.set('b', 'two');
    await store.delete('a');
    await store.delete('missing');
    expect(await store.get('a')).toBeNull();
    expect(await store.get('b')).toBe('two');
  });

  it('keeps every value when writes overlap, and leaves no temp files', async () => {
    const store = new SafeStorageSecretStore(file, fakeCipher().cipher, 'linux');
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`k${i}`, `v${i}`)));
    for (let i = 0; i < 20; i++) expect(await store.get(`k${i}`)).toBe(`v${i}`);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['secrets.json']);
  });

  it('re-encrypts a value when safeStorage says the key changed', async () => {
    const { cipher, state } = fakeCipher();
    const store = new SafeStorageSecretStore(file, cipher, 'linux');
    await store.set('k', 'v');
    state.reEncrypt = true;
    expect(await store.get('k')).toBe('v');
    expect(state.encryptions).toBe(2);
  });

  it('is unavailable when safeStorage cannot encrypt, or only obfuscates (Linux basic_text), yet still works', async () => {
    expect(await new SafeStorageSecretStore(file, fakeCipher({ available: false }).cipher, 'linux').isAvailable()).toBe(false);
    const basic = new SafeStorageSecretStore(file, fakeCipher({ backend: 'basic_text' }).cipher, 'linux');
    expect(await basic.isAvailable()).toBe(false);
    await basic.set('k', 'v');
    expect(await basic.get('k')).toBe('v');
    expect(await new SafeStorageSecretStore(file, fakeCipher({ backend: 'basic_text' }).cipher, 'darwin').isAvailable()).toBe(true);
    expect(await new SafeStorageSecretStore(file, fakeCipher().cipher, 'linux').isAvailable()).toBe(true);
  });

  it('reports a corrupt file on read and replaces it on the next write', async () => {
    const store = new SafeStorageSecretStore(file, fakeCipher().cipher, 'linux');
    await store.set('k', 'v');
    writeFileSync(file, '{not json');
    await expect(store.get('k')).rejects.toThrow();
    await store.set('k', 'new');
    expect(await store.get('k')).toBe('new');
  });

  it('lets "Remove key" succeed on a corrupt file, leaving an empty store', async () => {
    const store = new SafeStorageSecretStore(file, fakeCipher().cipher, 'linux');
    await store.set('k', 'v');
    writeFileSync(file, '{not json');
    await store.delete('k');
    expect(await store.get('k')).toBeNull();
  });

  it('says a basic_text store is not secure, so the person is warned', async () => {
    expect(await new SafeStorageSecretStore(file, fakeCipher({ backend: 'basic_text' }).cipher, 'linux').isSecure()).toBe(false);
    expect(await new SafeStorageSecretStore(file, fakeCipher().cipher, 'linux').isSecure()).toBe(true);
  });
});
