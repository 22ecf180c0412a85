import type { ContextSyncStatusDto } from '../../../../shared/domain/dto';
import { AppError } from '../../../../shared/domain/errors';
import { newId, type Clock } from '../../clock';
import type { EmitEvent } from '../../core-types';
import type { ContextRepository } from '../../db/context-repository';
import type { SettingsRepository } from '../../db/settings-repository';
import type { Logger } from '../../logger';
import { parsePublicKey } from '../signing';
import { acceptDocument } from './accept-document';
import { fetchContextDocument, isAllowedSyncUrl, SyncFailure } from './fetch-document';
import type { ManagedConfig } from './managed-config';

export const DEFAULT_SYNC_INTERVAL_MINUTES = 15;
const SYNC_TIMEOUT_MS = 15_000;

interface SyncConfig {
  url: string | null;
  publicKey: string | null;
  intervalMinutes: number;
}

/**
 * Keeps the primary context in step with an organisation's endpoint: at start-up, every N minutes and
 * on "Sync now". A failed or refused attempt changes nothing but the status: the last good copy stays.
 */
export class ContextSyncService {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ContextSyncStatusDto> | null = null;
  private syncing = false;
  private stopped = false;

  constructor(
    private readonly deps: {
      contexts: ContextRepository;
      settings: SettingsRepository;
      managed: ManagedConfig | null;
      clock: Clock;
      logger: Logger;
      emit: EmitEvent;
      fetchImpl?: typeof fetch;
      timeoutMs?: number;
    },
  ) {}

  get locked(): boolean {
    return this.deps.managed?.contextSync !== undefined;
  }

  async config(): Promise<SyncConfig> {
    const managed = this.deps.managed?.contextSync;
    if (managed) {
      return { url: managed.url, publicKey: managed.publicKey ?? null, intervalMinutes: managed.intervalMinutes ?? DEFAULT_SYNC_INTERVAL_MINUTES };
    }
    const stored = await this.deps.settings.all();
    const sync = (stored.contextSync ?? {}) as Partial<SyncConfig>;
    return {
      url: typeof sync.url === 'string' ? sync.url : null,
      publicKey: typeof sync.publicKey === 'string' ? sync.publicKey : null,
      intervalMinutes: typeof sync.intervalMinutes === 'number' ? sync.intervalMinutes : DEFAULT_SYNC_INTERVAL_MINUTES,
    };
  }

  /** True while a sync source manages the primary context (it is read-only then). */
  async isManaging(): Promise<boolean> {
    return (await this.config()).url !== null;
  }

  async configure(next: SyncConfig): Promise<ContextSyncStatusDto> {
    if (this.locked) throw new AppError('managed_setting', 'Context sync is set by your organisation');
    if (next.url !== null && !isAllowedSyncUrl(next.url)) {
      throw new AppError('invalid_input', 'The sync address must start with https://', [{ path: 'url', message: 'https only' }]);
    }
    if (next.publicKey !== null && !parsePublicKey(next.publicKey)) {
      throw new AppError('invalid_input', 'That is not an Ed25519 public key (base64 of 32 bytes)', [{ path: 'publicKey', message: 'invalid key' }]);
    }
    await this.deps.settings.set('contextSync', next);
    this.schedule(next);
    return next.url ? this.syncNow() : this.status();
  }

  async status(): Promise<ContextSyncStatusDto> {
    const [config, state, primary] = await Promise.all([this.config(), this.deps.contexts.syncState(), this.deps.contexts.find('primary')]);
    const lastError = state.last_error_code ? { code: state.last_error_code, message: state.last_error_message ?? '' } : null;
    return {
      config: { ...config, keyId: config.publicKey ? (parsePublicKey(config.publicKey)?.keyId ?? null) : null },
      locked: this.locked,
      state: !config.url ? 'disabled' : this.syncing ? 'syncing' : lastError ? 'error' : state.last_success_at ? 'ok' : 'syncing',
      lastAttemptAt: state.last_attempt_at,
      lastSuccessAt: state.last_success_at,
      lastError,
      heldVersion: primary?.source_url ? primary.version : null,
    };
  }

  /** Starts the schedule: a first attempt now, then every interval. */
  async start(): Promise<void> {
    this.schedule(await this.config());
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One attempt at a time; a second call while one runs gets the same result. */
  syncNow(): Promise<ContextSyncStatusDto> {
    this.running ??= this.attempt().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves when no attempt is in flight (shutdown, tests). */
  async settle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private schedule(config: SyncConfig): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!config.url || this.stopped) return;
    void this.syncNow();
    this.timer = setInterval(() => void this.syncNow(), config.intervalMinutes * 60_000);
    this.timer.unref?.();
  }

  private async attempt(): Promise<ContextSyncStatusDto> {
    const { contexts, clock, logger } = this.deps;
    const config = await this.config();
    if (!config.url) return this.status();
    this.syncing = true;
    const attemptedAt = clock.now();
    const previous = await contexts.syncState();
    try {
      const pinned = config.publicKey ? parsePublicKey(config.publicKey) : null;
      if (config.publicKey && !pinned) throw new SyncFailure('wrong_key', 'The pinned public key is not a valid Ed25519 key');
      const primary = await contexts.find('primary');
      const synced = primary?.source_url === config.url ? primary : null;
      const outcome = await fetchContextDocument({
        url: config.url,
        etag: synced?.etag ?? null,
        timeoutMs: this.deps.timeoutMs ?? SYNC_TIMEOUT_MS,
        ...(this.deps.fetchImpl ? { fetchImpl: this.deps.fetchImpl } : {}),
      });
      if (outcome.kind === 'document') {
        const accepted = acceptDocument(outcome.body, synced ? { version: synced.version, content: synced.content } : null, pinned);
        if (accepted.kind === 'new') {
          const doc = accepted.document;
          const fields = {
            content: doc.content,
            version: doc.version,
            updated_by: doc.updatedBy,
            updated_at: doc.updatedAt,
            source_url: config.url,
            etag: outcome.etag,
            key_id: accepted.verified ? (doc.keyId ?? null) : null,
            fetched_at: attemptedAt,
            verified: accepted.verified ? 1 : 0,
            policy: doc.policy ? JSON.stringify(doc.policy) : null,
          };
          if (primary) await contexts.update('primary', fields);
          else await contexts.insert({ id: newId(), type: 'primary', created_at: attemptedAt, ...fields });
          logger.info('context synced', { url: config.url, version: doc.version, verified: accepted.verified });
        } else {
          await contexts.update('primary', { etag: outcome.etag, fetched_at: attemptedAt });
        }
      } else if (synced) {
        await contexts.update('primary', { fetched_at: attemptedAt });
      }
      await contexts.saveSyncState({ last_attempt_at: attemptedAt, last_success_at: attemptedAt, last_error_code: null, last_error_message: null });
    } catch (error) {
      const failure = error instanceof SyncFailure ? error : new SyncFailure('http_error', error instanceof Error ? error.message : String(error));
      // Logged every time, but shown calmly: only the status changes, no dialog.
      logger.warn('context sync failed', { url: config.url, code: failure.code, message: failure.message });
      await contexts.saveSyncState({
        last_attempt_at: attemptedAt,
        last_success_at: previous.last_success_at,
        last_error_code: failure.code,
        last_error_message: failure.message,
      });
    } finally {
      this.syncing = false;
    }
    const status = await this.status();
    try {
      this.deps.emit('app:event', { type: 'context_sync', status });
    } catch {
      // No window to tell; the status is saved for the next one.
    }
    return status;
  }
}
