import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_MODELS, DEFAULT_MODEL } from '../../shared/domain/models';
import { createAnthropicClient } from './ai/anthropic-client';
import { checkedBaseUrl } from './ai/base-url';
import type { ClaudeClientFactory } from './ai/claude-client';
import { ChatService } from './chat/chat-service';
import { MessageService } from './chat/message-service';
import { DraftService } from './chat/draft-service';
import { StreamRunner } from './chat/stream-runner';
import { StreamService } from './chat/stream-service';
import { TitleService } from './chat/title-service';
import { systemClock, type Clock } from './clock';
import { ContextService } from './context/context-service';
import type { Core, CoreOptions } from './core-types';
import { BUNDLED_MIGRATIONS } from './db/bundled-migrations';
import { ChatRepository } from './db/chat-repository';
import { createKysely, openSqlite, readSchemaVersion } from './db/connection';
import { ContextRepository } from './db/context-repository';
import { DraftRepository } from './db/draft-repository';
import { MessageRepository } from './db/message-repository';
import { DatabaseTooNewError, migrate } from './db/migrations';
import { SettingsRepository } from './db/settings-repository';
import { UsageRepository } from './db/usage-repository';
import { consoleLogger } from './logger';
import { createRouter } from './router';
import { SecretsService } from './secrets/secrets-service';
import { SettingsService } from './settings/settings-service';

export const DB_FILE_NAME = 'parley.sqlite';

export interface CoreTestHooks {
  /** Replaces the Anthropic SDK client, e.g. to count calls. */
  createClient?: ClaudeClientFactory;
  clock?: Clock;
  /** The SDK's own retry count (default 2); tests use 0 to see errors at once. */
  maxRetries?: number;
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
  const supported = BUNDLED_MIGRATIONS.length;
  if (found > supported) throw new DatabaseTooNewError(found, supported);
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
  const settings = new SettingsService(new SettingsRepository(db));
  const secrets = new SecretsService(options.secretStore, env.ANTHROPIC_API_KEY || undefined, logger);
  const context = new ContextService(new ContextRepository(db), clock);
  const chats = new ChatService(db, chatRepo, settings, clock);
  const messages = new MessageService(messageRepo, chats);
  const draftRepo = new DraftRepository(db);
  const drafts = new DraftService(draftRepo, chats, clock);
  const usageRepo = new UsageRepository(db);
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
    emit: options.emit,
    clock,
    envModel: env.CLAUDE_MODEL || undefined,
  });

  const interrupted = await messageRepo.interruptLeftoverStreams();
  if (interrupted) logger.warn('answers interrupted by the last shutdown', { count: interrupted });

  const handle = createRouter(
    {
      'chats:create': (input) => chats.create(input.title),
      'chats:list': (input) => chats.list(input.archived),
      'chats:get': (input) => chats.get(input.id),
      'chats:update': (input) => chats.update(input.id, input),
      'chats:delete': (input) => chats.delete(input.id),
      'messages:list': (input) => messages.page(input.chatId, input.limit, input.before),
      'chat:send': (input) => streams.send(input.chatId, input.content),
      'chat:stop': (input) => streams.stop(input.streamId),
      'chat:regenerate': (input) => streams.regenerate(input.chatId),
      'chat:edit': (input) => streams.edit(input.messageId, input.content),
      'chat:continue': (input) => streams.continue(input.messageId),
      'drafts:get': (input) => drafts.get(input.chatId),
      'drafts:set': (input) => drafts.set(input.chatId, input.content),
      'settings:get': () => settings.get(),
      'settings:update': (input) => settings.update(input),
      'models:list': async () => ({
        models: [...BUILT_IN_MODELS],
        defaultModel: env.CLAUDE_MODEL || DEFAULT_MODEL,
        effectiveModel: await streams.resolveModel(),
      }),
      'secrets:status': () => secrets.status(),
      'secrets:setApiKey': (input) => secrets.setApiKey(input.apiKey),
      'secrets:clearApiKey': () => secrets.clearApiKey(),
      'context:get': (input) => context.get(input.type),
      'context:update': (input) => context.update(input.type, input.content, 'local user'),
    },
    logger,
  );

  let closing: Promise<void> | null = null;
  return {
    dbPath,
    handle,
    close() {
      closing ??= (async () => {
        await streams.shutdown();
        await db.destroy();
      })();
      return closing;
    },
  };
}
