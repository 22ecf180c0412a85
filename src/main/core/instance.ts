import { createAnthropicClient } from './ai/anthropic-client';
import { ChatService } from './chat/chat-service';
import { DraftService } from './chat/draft-service';
import { MessageService } from './chat/message-service';
import { RateLimiter } from './chat/rate-limiter';
import { StreamRunner } from './chat/stream-runner';
import { StreamService } from './chat/stream-service';
import { TitleService } from './chat/title-service';
import { CALIBRATION_KEY, RequestPlanner } from './chat/request-planner';
import { SummaryService } from './chat/summary-service';
import { nextCalibration } from './chat/context-window';
import { ModelCatalogue } from './models/model-catalogue';
import { NetworkMonitor } from './network/network-monitor';
import { UsageService } from './usage/usage-service';
import type { Clock } from './clock';
import { ContextAdminService } from './context/context-admin-service';
import { ContextService } from './context/context-service';
import { PolicyService } from './context/policy-service';
import { ContextSyncService } from './context/sync/context-sync-service';
import { readManagedConfig } from './context/sync/managed-config';
import type { CoreOptions } from './core-types';
import type { CoreTestHooks } from './app';
import { BackupStore } from './data/backup-store';
import { ExportService } from './data/export-service';
import { ImportService } from './data/import-service';
import { snapshotDatabase, privateFile } from './db/backup';
import { BUNDLED_MIGRATIONS } from './db/bundled-migrations';
import { ChatRepository } from './db/chat-repository';
import { createKysely, openSqlite, readSchemaVersion } from './db/connection';
import { ContextRepository } from './db/context-repository';
import { DraftRepository } from './db/draft-repository';
import { MessageRepository } from './db/message-repository';
import { DatabaseTooNewError, migrate } from './db/migrations';
import { SearchRepository } from './db/search-repository';
import { SettingsRepository } from './db/settings-repository';
import { UsageRepository } from './db/usage-repository';
import type { Logger } from './logger';
import type { Services } from './routes';
import { SearchService } from './search/search-service';
import { SecretsService } from './secrets/secrets-service';
import { SettingsService } from './settings/settings-service';

export interface Instance {
  services: Omit<Services, 'data'>;
  exporter: ExportService;
  importer: ImportService;
  /** A consistent copy of the live database into `path` (online backup API). */
  snapshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the database (refusing one from a newer Parley, backing up before migrating) and wires every
 * service around it. The host (app.ts) can close one instance and open another, e.g. to restore a backup.
 */
export async function openInstance(
  options: CoreOptions & CoreTestHooks,
  context: { dbPath: string; baseURL: string | undefined; logger: Logger; clock: Clock; backups: BackupStore },
): Promise<Instance> {
  const { dbPath, baseURL, logger, clock, backups } = context;
  const env = options.env ?? {};
  const found = readSchemaVersion(dbPath);
  if (found > BUNDLED_MIGRATIONS.length) throw new DatabaseTooNewError(found, BUNDLED_MIGRATIONS.length);
  const sqlite = openSqlite(dbPath);
  try {
    if (found > 0 && found < BUNDLED_MIGRATIONS.length) {
      await snapshotDatabase(sqlite, backups.newPath('pre-migration'));
      backups.prune();
    }
    const outcome = migrate(sqlite, BUNDLED_MIGRATIONS);
    if (outcome.applied.length) logger.info('database migrated', { ...outcome });
  } catch (error) {
    sqlite.close();
    throw error;
  }
  for (const suffix of ['', '-wal', '-shm']) privateFile(`${dbPath}${suffix}`);
  const db = createKysely(sqlite, logger);

  const chatRepo = new ChatRepository(db);
  const messageRepo = new MessageRepository(db);
  const contextRepo = new ContextRepository(db);
  const settingsRepo = new SettingsRepository(db);
  const usageRepo = new UsageRepository(db);
  const draftRepo = new DraftRepository(db);

  const settings = new SettingsService(settingsRepo);
  const secrets = new SecretsService(options.secretStore, env.ANTHROPIC_API_KEY || undefined, logger);
  const sync = new ContextSyncService({
    contexts: contextRepo,
    settings: settingsRepo,
    managed: readManagedConfig(options.managedConfigPath, logger),
    clock,
    logger,
    emit: options.emit,
    ...(options.syncTimeoutMs !== undefined ? { timeoutMs: options.syncTimeoutMs } : {}),
  });
  const policy = new PolicyService(contextRepo, sync, settings);
  const contextService = new ContextService(contextRepo, clock, () => sync.isManaging());
  const createClient = options.createClient ?? createAnthropicClient;
  const catalogue = new ModelCatalogue({ db, createClient, clock, logger, baseURL });
  const chats = new ChatService(db, chatRepo, settings, clock, async () => (await policy.current()).maxChats, {
    isAllowed: (model) => policy.isModelAllowed(model),
    maxOutputTokens: async (model) => (await catalogue.info(model)).maxOutputTokens,
  });
  const network = new NetworkMonitor({ baseURL: baseURL ?? 'https://api.anthropic.com', clock, logger, emit: options.emit });
  const planner = new RequestPlanner({
    messages: messageRepo,
    context: contextService,
    catalogue,
    summaries: new SummaryService({ db, createClient, clock, logger, baseURL }),
    settings,
    settingsRepo,
  });
  const titles = new TitleService({ chats: chatRepo, usage: usageRepo, createClient, emit: options.emit, logger, clock, baseURL, maxRetries: options.maxRetries });
  const runner = new StreamRunner({
    db,
    chatRepo,
    messages: messageRepo,
    usage: usageRepo,
    createClient,
    emit: options.emit,
    logger,
    clock,
    baseURL,
    maxRetries: options.maxRetries,
    deltaFlushMs: options.deltaFlushMs ?? 16,
    persistEveryMs: Math.min(options.persistEveryMs ?? 100, 250),
    network,
    ...(options.midStreamBackoffMs ? { midStreamBackoffMs: options.midStreamBackoffMs } : {}),
    onMeasured: (estimated, actual) => {
      void settingsRepo.all().then((stored) => {
        const current = typeof stored[CALIBRATION_KEY] === 'number' ? stored[CALIBRATION_KEY] : 1;
        return settingsRepo.set(CALIBRATION_KEY, nextCalibration(current, estimated, actual));
      });
    },
  });
  const streams = new StreamService({
    db,
    chats,
    chatRepo,
    messages: messageRepo,
    drafts: draftRepo,
    settings,
    secrets,
    titles,
    runner,
    planner,
    policy,
    limiter: new RateLimiter(),
    network,
    emit: options.emit,
    clock,
    logger,
    envModel: env.CLAUDE_MODEL || undefined,
  });
  const refreshModels = async () => {
    const key = await secrets.getApiKey().catch(() => null);
    if (key) await catalogue.refresh(key);
  };
  network.onOnline((wasOffline) => {
    void streams.flushOutbox();
    // Start-up already asks for the model list; only a return from offline needs it again.
    if (wasOffline) void refreshModels();
  });

  const interrupted = await messageRepo.interruptLeftoverStreams();
  if (interrupted) logger.warn('answers interrupted by the last shutdown', { count: interrupted });
  await sync.start();
  // In the background: the model list, and (after a restart) any questions still waiting for the network.
  void refreshModels();
  if ((await streams.outbox()).length > 0) void network.probe();

  let closing: Promise<void> | null = null;
  return {
    services: {
      chats,
      messages: new MessageService(messageRepo, chats),
      drafts: new DraftService(draftRepo, chats, clock),
      streams,
      settings,
      secrets,
      context: contextService,
      sync,
      policy,
      admin: new ContextAdminService({ secrets: options.secretStore, settings: settingsRepo, clock, logger }),
      search: new SearchService(new SearchRepository(db), logger),
      catalogue,
      network,
      usage: new UsageService(db, clock),
      refreshModels,
      envModel: env.CLAUDE_MODEL || undefined,
    },
    exporter: new ExportService({ db, chats: chatRepo, messages: messageRepo, clock }),
    importer: new ImportService({ db, emit: options.emit, logger }),
    snapshot: (path) => snapshotDatabase(sqlite, path),
    close() {
      closing ??= (async () => {
        sync.stop();
        network.stop();
        await streams.shutdown();
        await sync.settle();
        await db.destroy();
      })();
      return closing;
    },
  };
}
