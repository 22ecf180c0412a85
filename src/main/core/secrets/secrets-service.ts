import type { SecretStatusDto } from '../../../shared/domain/dto';
import { AppError } from '../../../shared/domain/errors';
import type { Logger } from '../logger';
import type { SecretStore } from './secret-store';

export const API_KEY_ACCOUNT = 'anthropic-api-key';

/** The only holder of the API key: it is read here for a request and never sent to the renderer. */
export class SecretsService {
  constructor(
    private readonly store: SecretStore,
    private readonly envKey: string | undefined,
    private readonly logger: Logger,
  ) {}

  async getApiKey(): Promise<string | null> {
    if (this.envKey) return this.envKey;
    try {
      return await this.store.get(API_KEY_ACCOUNT);
    } catch (error) {
      this.logger.error('secret store read failed', { store: this.store.kind, error: String(error) });
      throw new AppError('secret_store_unavailable', `The ${this.store.kind} could not be read`);
    }
  }

  async status(): Promise<SecretStatusDto> {
    const key = await this.getApiKey();
    return {
      hasKey: key !== null && key.length > 0,
      last4: key ? key.slice(-4) : null,
      source: key ? (this.envKey ? 'environment' : this.store.kind) : null,
      storage: this.store.kind,
      storageSecure: await this.store.isSecure().catch(() => false),
    };
  }

  async setApiKey(apiKey: string): Promise<SecretStatusDto> {
    await this.write(() => this.store.set(API_KEY_ACCOUNT, apiKey));
    return this.status();
  }

  async clearApiKey(): Promise<SecretStatusDto> {
    await this.write(() => this.store.delete(API_KEY_ACCOUNT));
    return this.status();
  }

  private async write(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.logger.error('secret store write failed', { store: this.store.kind, error: String(error) });
      throw new AppError('secret_store_unavailable', `The ${this.store.kind} could not be written`);
    }
  }
}
