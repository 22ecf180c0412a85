import { AppError } from '../../shared/domain/errors';
import { BUILT_IN_MODELS, DEFAULT_MODEL } from '../../shared/domain/models';
import type { ChatService } from './chat/chat-service';
import type { DraftService } from './chat/draft-service';
import type { MessageService } from './chat/message-service';
import type { StreamService } from './chat/stream-service';
import type { ContextAdminService } from './context/context-admin-service';
import type { ContextService } from './context/context-service';
import type { PolicyService } from './context/policy-service';
import type { ContextSyncService } from './context/sync/context-sync-service';
import type { Handlers } from './router';
import type { SecretsService } from './secrets/secrets-service';
import type { SearchService } from './search/search-service';
import type { SettingsService } from './settings/settings-service';

export interface Services {
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
  envModel: string | undefined;
}

/** Channel → service call. Input is already parsed by the contract's schema when these run. */
export function buildHandlers(s: Services): Handlers {
  return {
    'chats:create': (input) => s.chats.create(input.title),
    'chats:list': (input) => s.chats.list(input.archived),
    'chats:get': (input) => s.chats.get(input.id),
    'chats:update': (input) => s.chats.update(input.id, input),
    'chats:delete': (input) => s.chats.delete(input.id),
    'messages:list': (input) => s.messages.page(input.chatId, input.limit, input),
    'search:messages': (input) => s.search.search(input),
    'chat:send': (input) => s.streams.send(input.chatId, input.content),
    'chat:stop': (input) => s.streams.stop(input.streamId),
    'chat:regenerate': (input) => s.streams.regenerate(input.chatId),
    'chat:edit': (input) => s.streams.edit(input.messageId, input.content),
    'chat:continue': (input) => s.streams.continue(input.messageId),
    'drafts:get': (input) => s.drafts.get(input.chatId),
    'drafts:set': (input) => s.drafts.set(input.chatId, input.content),
    'settings:get': () => s.settings.get(),
    'settings:update': async (input) => {
      if (input.model && !(await s.policy.isModelAllowed(input.model))) {
        throw new AppError('model_not_allowed', 'Your organisation does not allow this model', { model: input.model });
      }
      return s.settings.update(input);
    },
    'models:list': async () => {
      const policy = await s.policy.current();
      const allowed = policy.allowedModels;
      const known = allowed ? allowed.map((id) => BUILT_IN_MODELS.find((m) => m.id === id) ?? { id, label: id }) : [...BUILT_IN_MODELS];
      return {
        models: known,
        defaultModel: await s.policy.allowedModel(policy.defaultModel ?? s.envModel ?? DEFAULT_MODEL),
        effectiveModel: await s.streams.resolveModel(),
      };
    },
    'secrets:status': () => s.secrets.status(),
    'secrets:setApiKey': (input) => s.secrets.setApiKey(input.apiKey),
    'secrets:clearApiKey': () => s.secrets.clearApiKey(),
    'context:get': (input) => s.context.get(input.type),
    'context:update': (input) => s.context.update(input.type, input.content, 'local user'),
    'contextSync:status': () => s.sync.status(),
    'contextSync:configure': (input) => s.sync.configure(input),
    'contextSync:syncNow': () => s.sync.syncNow(),
    'policy:get': () => s.policy.current(),
    'contextAdmin:status': () => s.admin.status(),
    'contextAdmin:generateKey': () => s.admin.generateKey(),
    'contextAdmin:setPublishTarget': (input) => s.admin.setPublishTarget(input.url, input.token),
    'contextAdmin:exportDocument': (input) => s.admin.exportDocument(input),
    'contextAdmin:publish': (input) => s.admin.publish(input),
  };
}
