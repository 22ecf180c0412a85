/**
 * Where secrets live. Accounts name what is stored ("anthropic-api-key", later signing keys and tokens).
 * `kind` is shown to the person so they know which store holds their key.
 */
export interface SecretStore {
  readonly kind: 'keychain' | 'safeStorage' | 'memory';
  /** True when the backend answers now (a keychain daemon may be missing on Linux). */
  isAvailable(): Promise<boolean>;
  /**
   * False when values are stored but not really protected (Linux safeStorage with no keyring encrypts
   * with a key built into Chromium); the person is warned before a key is saved there.
   */
  isSecure(): Promise<boolean>;
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<void>;
}

export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory' as const;
  private readonly values = new Map<string, string>();
  async isAvailable(): Promise<boolean> {
    return true;
  }
  async isSecure(): Promise<boolean> {
    return true;
  }
  async get(account: string): Promise<string | null> {
    return this.values.get(account) ?? null;
  }
  async set(account: string, value: string): Promise<void> {
    this.values.set(account, value);
  }
  async delete(account: string): Promise<void> {
    this.values.delete(account);
  }
}
