import { createAnthropicClient } from './ai/anthropic-client';
import { ChatService } from './chat/chat-service';
import { DraftService } from './chat/draft-service';
import { MessageService } from './chat/message-service';
import { RateLimiter } from './chat/rate-limiter';
import { StreamRunner } from './chat/stream-runner';
import { StreamService } from './chat/stream-service';
import { TitleService } from './chat/title-service';
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
  const chats = new ChatService(db, chatRepo, settings, clock, async () => (await policy.current()).maxChats);
  const createClient = options.createClient ?? createAnthropicClient;
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
  });
  const streams = new StreamService({
    db,
    chats,
    chatRepo,
    messages: messageRepo,
    drafts: draftRepo,
    context: contextService,
    settings,
    secrets,
    titles,
    runner,
    policy,
    limiter: new RateLimiter(),
    emit: options.emit,
    clock,
    envModel: env.CLAUDE_MODEL || undefined,
  });

  const interrupted = await messageRepo.interruptLeftoverStreams();
  if (interrupted) logger.warn('answers interrupted by the last shutdown', { count: interrupted });
  await sync.start();

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
      envModel: env.CLAUDE_MODEL || undefined,
    },
    exporter: new ExportService({ db, chats: chatRepo, messages: messageRepo, clock }),
    importer: new ImportService({ db, emit: options.emit, logger }),
    snapshot: (path) => snapshotDatabase(sqlite, path),
    close() {
      closing ??= (async () => {
        sync.stop();
        await streams.shutdown();
        await sync.settle();
        await db.destroy();
      })();
      return closing;
    },
  };
}
