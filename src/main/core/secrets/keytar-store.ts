import type { SecretStore } from './secret-store';

export const KEYTAR_SERVICE = 'Parley';

type Keytar = typeof import('keytar');

/**
 * The OS keychain through keytar. keytar is loaded lazily: a missing native module or
 * Secret Service must make this backend "unavailable", not crash start-up.
 */
export class KeytarSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;
  private keytar: Keytar | null = null;

  constructor(private readonly service: string = KEYTAR_SERVICE) {}

  private async load(): Promise<Keytar> {
    if (!this.keytar) {
      const mod = (await import('keytar')) as Keytar & { default?: Keytar };
      this.keytar = mod.default ?? mod;
    }
    return this.keytar;
  }

  async isAvailable(): Promise<boolean> {
    try {
      const keytar = await this.load();
      // A read is the cheapest call that needs a live Secret Service / Keychain / Credential Manager.
      await withTimeout(keytar.findCredentials(this.service), 3000);
      return true;
    } catch {
      return false;
    }
  }

  async isSecure(): Promise<boolean> {
    return true;
  }

  async get(account: string): Promise<string | null> {
    return (await this.load()).getPassword(this.service, account);
  }

  async set(account: string, value: string): Promise<void> {
    await (await this.load()).setPassword(this.service, account, value);
  }

  async delete(account: string): Promise<void> {
    await (await this.load()).deletePassword(this.service, account);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('keychain did not answer')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
