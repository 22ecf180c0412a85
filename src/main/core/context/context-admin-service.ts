import type { ContextPolicy } from '../../../shared/context/context-document';
import type { ContextAdminStatusDto, ExportedContextDocumentDto, PublishResultDto } from '../../../shared/domain/dto';
import { AppError } from '../../../shared/domain/errors';
import type { Clock } from '../clock';
import type { SettingsRepository } from '../db/settings-repository';
import type { Logger } from '../logger';
import type { SecretStore } from '../secrets/secret-store';
import { generateSigningKeyPair, publicKeyFromPrivate, signDocument } from './signing';
import { isAllowedSyncUrl } from './sync/fetch-document';

export const SIGNING_KEY_ACCOUNT = 'context-signing-key';
export const PUBLISH_TOKEN_ACCOUNT = 'context-publish-token';

/** For admins: a signing key in the keychain, signed exports for any static host, and publishing by HTTP PUT. */
export class ContextAdminService {
  constructor(
    private readonly deps: {
      secrets: SecretStore;
      settings: SettingsRepository;
      clock: Clock;
      logger: Logger;
      fetchImpl?: typeof fetch;
    },
  ) {}

  async status(): Promise<ContextAdminStatusDto> {
    const [privateKey, token, stored] = await Promise.all([
      this.secret(SIGNING_KEY_ACCOUNT),
      this.secret(PUBLISH_TOKEN_ACCOUNT),
      this.deps.settings.all(),
    ]);
    const key = privateKey ? publicKeyFromPrivate(privateKey) : null;
    return {
      hasSigningKey: key !== null,
      publicKey: key?.publicKey ?? null,
      keyId: key?.keyId ?? null,
      publishUrl: typeof stored.contextPublishUrl === 'string' ? stored.contextPublishUrl : null,
      hasPublishToken: token !== null,
    };
  }

  async generateKey(): Promise<ContextAdminStatusDto> {
    const pair = generateSigningKeyPair();
    await this.write(() => this.deps.secrets.set(SIGNING_KEY_ACCOUNT, pair.privateKey));
    this.deps.logger.info('context signing key generated', { keyId: pair.keyId });
    return this.status();
  }

  async setPublishTarget(url: string | null, token: string | null | undefined): Promise<ContextAdminStatusDto> {
    if (url !== null && !isAllowedSyncUrl(url)) throw new AppError('invalid_input', 'The server address must start with https://', [{ path: 'url', message: 'https only' }]);
    await this.deps.settings.set('contextPublishUrl', url);
    if (token === null) await this.write(() => this.deps.secrets.delete(PUBLISH_TOKEN_ACCOUNT));
    else if (token !== undefined) await this.write(() => this.deps.secrets.set(PUBLISH_TOKEN_ACCOUNT, token));
    return this.status();
  }

  async exportDocument(input: { content: string; version: number; updatedBy: string; policy?: ContextPolicy | undefined }): Promise<ExportedContextDocumentDto> {
    const document = await this.signed(input);
    return { fileName: `parley-context-v${input.version}.json`, json: `${JSON.stringify(document, null, 2)}\n`, version: input.version };
  }

  /** Reads the server's current version and ETag, signs version + 1 and PUTs it with If-Match. */
  async publish(input: { content: string; updatedBy: string; policy?: ContextPolicy | undefined }): Promise<PublishResultDto> {
    const { publishUrl } = await this.status();
    const token = await this.secret(PUBLISH_TOKEN_ACCOUNT);
    if (!publishUrl || !token) throw new AppError('invalid_input', 'Set the context server address and token first');
    const doFetch = this.deps.fetchImpl ?? fetch;
    const current = await this.request(doFetch, publishUrl, { headers: { accept: 'application/json' } });
    let version = 1;
    let etag: string | null = null;
    if (current.status === 200) {
      const body = (await current.json().catch(() => null)) as { version?: unknown } | null;
      version = (typeof body?.version === 'number' ? body.version : 0) + 1;
      etag = current.headers.get('etag');
    } else if (current.status !== 404) {
      throw new AppError('publish_failed', `The server answered HTTP ${current.status} when asked for the current version`);
    }
    const document = await this.signed({ ...input, version });
    const response = await this.request(doFetch, publishUrl, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(etag ? { 'if-match': etag } : { 'if-none-match': '*' }),
      },
      body: JSON.stringify(document),
    });
    if (response.status === 412) throw new AppError('conflict', 'Someone published a newer version first');
    if (response.status === 401 || response.status === 403) throw new AppError('publish_failed', 'The server refused the token');
    if (!response.ok) {
      const reason = (await response.json().catch(() => null)) as { error?: unknown } | null;
      throw new AppError('publish_failed', `The server refused the document (HTTP ${response.status}${typeof reason?.error === 'string' ? `: ${reason.error}` : ''})`);
    }
    this.deps.logger.info('context published', { url: publishUrl, version });
    return { version, etag: response.headers.get('etag') };
  }

  private async signed(input: { content: string; version: number; updatedBy: string; policy?: ContextPolicy | undefined }) {
    const privateKey = await this.secret(SIGNING_KEY_ACCOUNT);
    if (!privateKey) throw new AppError('invalid_input', 'Generate a signing key first');
    return signDocument(
      {
        schema: 1,
        version: input.version,
        content: input.content,
        updatedAt: this.deps.clock.now(),
        updatedBy: input.updatedBy,
        ...(input.policy && Object.keys(input.policy).length > 0 ? { policy: input.policy } : {}),
      },
      privateKey,
    );
  }

  private async request(doFetch: typeof fetch, url: string, init: RequestInit): Promise<Response> {
    try {
      return await doFetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
    } catch (error) {
      throw new AppError('publish_failed', `Could not reach the context server: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async secret(account: string): Promise<string | null> {
    try {
      return await this.deps.secrets.get(account);
    } catch {
      throw new AppError('secret_store_unavailable', 'The keychain could not be read');
    }
  }

  private async write(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch {
      throw new AppError('secret_store_unavailable', 'The keychain could not be written');
    }
  }
}
