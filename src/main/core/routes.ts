import { AppError } from '../../shared/domain/errors';
import { DEFAULT_MODEL } from '../../shared/domain/models';
import type { ModelsDto } from '../../shared/domain/dto';
import type { ChatService } from './chat/chat-service';
import type { DraftService } from './chat/draft-service';
import type { MessageService } from './chat/message-service';
import type { StreamService } from './chat/stream-service';
import type { ContextAdminService } from './context/context-admin-service';
import type { ContextService } from './context/context-service';
import type { PolicyService } from './context/policy-service';
import type { ContextSyncService } from './context/sync/context-sync-service';
import type { DataService } from './data/data-service';
import type { Handlers } from './router';
import type { SecretsService } from './secrets/secrets-service';
import type { SearchService } from './search/search-service';
import type { ModelCatalogue } from './models/model-catalogue';
import type { NetworkMonitor } from './network/network-monitor';
import type { UsageService } from './usage/usage-service';
import type { SettingsService } from './settings/settings-service';

export interface Services {
  data: DataService;
  chats: ChatService;
  messages: MessageService;
  drafts: DraftService;
  streams: StreamService;
  settings: SettingsService;
  secrets: SecretsService;
  context: ContextService;
  sync: ContextSyncService;
  policy: PolicyService;
  admin: ContextAdminService;
  search: SearchService;
  catalogue: ModelCatalogue;
  network: NetworkMonitor;
  usage: UsageService;
  refreshModels: () => Promise<void>;
  envModel: string | undefined;
}

/**
 * Channel → service call. Input is already parsed by the contract's schema when these run. Services are
 * looked up per call, because restoring a backup replaces them; data channels work without them.
 */
export function buildHandlers(services: () => Services, data: DataService): Handlers {
  return {
    'data:exportChat': (input) => data.exportChat(input.chatId, input.format),
    'data:exportAll': () => data.exportAll(),
    'data:import': () => data.import(),
    'data:cancelImport': async () => data.cancelImport(),
    'data:listBackups': async () => data.listBackups(),
    'data:createBackup': () => data.createBackup(),
    'data:restoreBackup': (input) => data.restore(input.name),
    'recovery:status': async () => data.recoveryStatus(),
    'recovery:startFresh': () => data.startFresh(),
    'chats:create': (input) => services().chats.create(input.title),
    'chats:list': (input) => services().chats.list(input.archived),
    'chats:get': (input) => services().chats.get(input.id),
    'chats:update': (input) => services().chats.update(input.id, input),
    'chats:delete': (input) => services().chats.delete(input.id),
    'messages:list': (input) => services().messages.page(input.chatId, input.limit, input),
    'search:messages': (input) => services().search.search(input),
    'chat:send': (input) => services().streams.send(input.chatId, input.content),
    'chat:stop': (input) => services().streams.stop(input.streamId),
    'chat:estimate': (input) => services().streams.estimate(input.chatId, input.draft),
    'outbox:list': () => services().streams.outbox(),
    'outbox:cancel': (input) => services().streams.cancelQueued(input.messageId),
    'network:status': async () => services().network.status(),
    'network:osStatus': (input) => services().network.osStatus(input.online),
    'models:refresh': async () => {
      await services().refreshModels();
      return modelsList(services());
    },
    'usage:summary': (input) => services().usage.summary(input.days),
    'chat:regenerate': (input) => services().streams.regenerate(input.chatId),
    'chat:edit': (input) => services().streams.edit(input.messageId, input.content),
    'chat:continue': (input) => services().streams.continue(input.messageId),
    'drafts:get': (input) => services().drafts.get(input.chatId),
    'drafts:set': (input) => services().drafts.set(input.chatId, input.content),
    'settings:get': () => services().settings.get(),
    'settings:update': async (input) => {
      if (input.model && !(await services().policy.isModelAllowed(input.model))) {
        throw new AppError('model_not_allowed', 'Your organisation does not allow this model', { model: input.model });
      }
      return services().settings.update(input);
    },
    'models:list': () => modelsList(services()),
    'secrets:status': () => services().secrets.status(),
    'secrets:setApiKey': (input) => services().secrets.setApiKey(input.apiKey),
    'secrets:clearApiKey': () => services().secrets.clearApiKey(),
    'context:get': (input) => services().context.get(input.type),
    'context:update': (input) => services().context.update(input.type, input.content, 'local user'),
    'contextSync:status': () => services().sync.status(),
    'contextSync:configure': (input) => services().sync.configure(input),
    'contextSync:syncNow': () => services().sync.syncNow(),
    'policy:get': () => services().policy.current(),
    'contextAdmin:status': () => services().admin.status(),
    'contextAdmin:generateKey': () => services().admin.generateKey(),
    'contextAdmin:setPublishTarget': (input) => services().admin.setPublishTarget(input.url, input.token),
    'contextAdmin:exportDocument': (input) => services().admin.exportDocument(input),
    'contextAdmin:publish': (input) => services().admin.publish(input),
  };
}

/** The models the person can choose (the policy's allowed list, else the API's or the built-in list). */
async function modelsList(s: Services): Promise<ModelsDto> {
  const policy = await s.policy.current();
  const catalogue = await s.catalogue.list();
  const allowed = policy.allowedModels;
  const models = allowed ? await Promise.all(allowed.map((id) => s.catalogue.info(id))) : catalogue.models;
  return {
    models,
    source: catalogue.source,
    fetchedAt: catalogue.fetchedAt,
    defaultModel: await s.policy.allowedModel(policy.defaultModel ?? s.envModel ?? DEFAULT_MODEL),
    effectiveModel: await s.streams.resolveModel(),
  };
}
