import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { safeStorage } from 'electron';
import type { SecretStore } from '../core/secrets/secret-store';

/** The part of Electron's safeStorage this store uses (injectable for tests). */
export type SafeStorageCipher = Pick<
  typeof safeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

interface SecretsFile {
  version: 1;
  /** account → base64 of the safeStorage ciphertext */
  entries: Record<string, string>;
}

/**
 * Fallback secret store for machines where no OS keychain answers: values are encrypted with Electron's
 * safeStorage and kept in one JSON file (mode 0600) in the user-data folder, replaced atomically
 * (write a temp file, fsync, rename) so a crash never leaves half a file.
 *
 * On Linux, safeStorage's `basic_text` backend (no keyring found) encrypts with a key hard-coded in
 * Chromium: that is obfuscation, not protection. Then `isAvailable()` answers false, so any real keychain
 * is preferred, yet get/set keep working: as the last candidate of `chooseSecretStore` this store is still
 * used, and the core reports that no secure store answered rather than losing the key.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly kind = 'safeStorage' as const;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly filePath: string,
    private readonly cipher: SafeStorageCipher = safeStorage,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async isAvailable(): Promise<boolean> {
    try {
      if (!(await this.cipher.isAsyncEncryptionAvailable())) return false;
      return !(this.platform === 'linux' && this.cipher.getSelectedStorageBackend() === 'basic_text');
    } catch {
      return false;
    }
  }

  /** Available and secure are the same question here: only `basic_text` is usable but unprotected. */
  isSecure(): Promise<boolean> {
    return this.isAvailable();
  }

  async get(account: string): Promise<string | null> {
    const encoded = (await this.read()).get(account);
    if (encoded === undefined) return null;
    const { result, shouldReEncrypt } = await this.cipher.decryptStringAsync(Buffer.from(encoded, 'base64'));
    // The OS key was rotated or upgraded: store the value again under the current key.
    if (shouldReEncrypt) await this.set(account, result);
    return result;
  }

  set(account: string, value: string): Promise<void> {
    return this.serialised(async () => {
      // An unreadable file cannot be repaired; writing a fresh one is the only way forward.
      const entries = await this.read().catch(() => new Map<string, string>());
      entries.set(account, (await this.cipher.encryptStringAsync(value)).toString('base64'));
      await this.write(entries);
    });
  }

  delete(account: string): Promise<void> {
    return this.serialised(async () => {
      // An unreadable file holds nothing usable; removing the key must still succeed.
      const entries = await this.read().catch(() => null);
      if (entries === null) await this.write(new Map());
      else if (entries.delete(account)) await this.write(entries);
    });
  }

  /** Writes run one at a time so two quick updates cannot lose each other. */
  private serialised(task: () => Promise<void>): Promise<void> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async read(): Promise<Map<string, string>> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw error;
    }
    const parsed = JSON.parse(text) as Partial<SecretsFile> | null;
    if (parsed?.version !== 1 || typeof parsed.entries !== 'object' || parsed.entries === null) {
      throw new Error(`Unrecognised secrets file: ${this.filePath}`);
    }
    return new Map(Object.entries(parsed.entries).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }

  private async write(entries: Map<string, string>): Promise<void> {
    const content: SecretsFile = { version: 1, entries: Object.fromEntries(entries) };
    await mkdir(dirname(this.filePath), { recursive: true, mode: 0o700 });
    const temp = `${this.filePath}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(content, null, 2)}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.filePath);
      // The rename itself is only durable once the folder is synced.
      const folder = await open(dirname(this.filePath), 'r');
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}
