import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createAnthropicClient } from './ai/anthropic-client';
import { checkedBaseUrl } from './ai/base-url';
import type { ClaudeClientFactory } from './ai/claude-client';
import { ChatService } from './chat/chat-service';
import { DraftService } from './chat/draft-service';
import { MessageService } from './chat/message-service';
import { RateLimiter } from './chat/rate-limiter';
import { StreamRunner } from './chat/stream-runner';
import { StreamService } from './chat/stream-service';
import { TitleService } from './chat/title-service';
import { systemClock, type Clock } from './clock';
import { ContextAdminService } from './context/context-admin-service';
import { ContextService } from './context/context-service';
import { PolicyService } from './context/policy-service';
import { ContextSyncService } from './context/sync/context-sync-service';
import { readManagedConfig } from './context/sync/managed-config';
import type { Core, CoreOptions } from './core-types';
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
import { consoleLogger } from './logger';
import { createRouter } from './router';
import { buildHandlers } from './routes';
import { SearchService } from './search/search-service';
import { SecretsService } from './secrets/secrets-service';
import { SettingsService } from './settings/settings-service';

export const DB_FILE_NAME = 'parley.sqlite';

export interface CoreTestHooks {
  /** Replaces the Anthropic SDK client, e.g. to count calls. */
  createClient?: ClaudeClientFactory;
  clock?: Clock;
  /** The SDK's own retry count (default 2); tests use 0 to see errors at once. */
  maxRetries?: number;
  /** Context sync's fetch timeout (default 15 s). */
  syncTimeoutMs?: number;
}

/** The composition root: plain Node, no Electron, so tests and the harness run the real thing. */
export async function createCore(options: CoreOptions & CoreTestHooks): Promise<Core> {
  const logger = options.logger ?? consoleLogger;
  const clock = options.clock ?? systemClock;
  const env = options.env ?? {};
  const baseURL = checkedBaseUrl(env.ANTHROPIC_BASE_URL || undefined);
  if (baseURL) logger.warn('using a non-default Anthropic endpoint', { baseURL });
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const dbPath = join(options.dataDir, DB_FILE_NAME);

  const found = readSchemaVersion(dbPath);
  if (found > BUNDLED_MIGRATIONS.length) throw new DatabaseTooNewError(found, BUNDLED_MIGRATIONS.length);
  const sqlite = openSqlite(dbPath);
  try {
    const outcome = migrate(sqlite, BUNDLED_MIGRATIONS);
    if (outcome.applied.length) logger.info('database migrated', { ...outcome });
  } catch (error) {
    sqlite.close();
    throw error;
  }
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
  const context = new ContextService(contextRepo, clock, () => sync.isManaging());
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
    context,
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

  const handle = createRouter(
    buildHandlers({
      chats,
      messages: new MessageService(messageRepo, chats),
      drafts: new DraftService(draftRepo, chats, clock),
      streams,
      settings,
      secrets,
      context,
      sync,
      policy,
      admin: new ContextAdminService({ secrets: options.secretStore, settings: settingsRepo, clock, logger }),
      search: new SearchService(new SearchRepository(db), logger),
      envModel: env.CLAUDE_MODEL || undefined,
    }),
    logger,
  );

  let closing: Promise<void> | null = null;
  return {
    dbPath,
    handle,
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
