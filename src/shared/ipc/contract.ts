import { z } from 'zod';
import type {
  AppEvent,
  ChatDto,
  ContextAdminStatusDto,
  ContextSyncStatusDto,
  ExportedContextDocumentDto,
  PolicyDto,
  PublishResultDto,
  BackupDto,
  ExportResultDto,
  ImportReportDto,
  RecoveryStatusDto,
  SearchResultDto,
  NetworkStatusDto,
  OutboxEntryDto,
  TokenEstimateDto,
  UsageSummaryDto,
  ContextFileDto,
  DraftDto,
  MessagePage,
  ModelsDto,
  SecretStatusDto,
  SendResultDto,
  SettingsDto,
  StreamEvent,
  StreamStartDto,
} from '../domain/dto';
import { contextPolicySchema } from '../context/context-document';
import { API_KEY_MAX, API_KEY_MIN, CONTEXT_MAX, MESSAGE_MAX, TITLE_MAX } from '../domain/limits';

const id = z.uuid();
const empty = z.object({}).strict().optional().default({});

const title = z.string().trim().min(1).max(TITLE_MAX);

/**
 * Every channel: its zod input schema and, as a phantom, its output type.
 * The preload API, the harness API and the router's handler types all come from this object,
 * so a renamed field fails to compile everywhere at once.
 */
export const contract = {
  'chats:create': { input: z.object({ title: title.optional() }).strict(), output: out<ChatDto>() },
  'chats:list': {
    input: z.object({ archived: z.boolean().default(false) }).strict().optional().default({ archived: false }),
    output: out<ChatDto[]>(),
  },
  'chats:get': { input: z.object({ id }).strict(), output: out<ChatDto>() },
  'chats:update': {
    input: z
      .object({
        id,
        title: title.optional(),
        isArchived: z.boolean().optional(),
        /** null: back to the default. */
        model: z.string().trim().min(1).max(100).regex(/^[a-z0-9][a-z0-9.-]*$/).nullable().optional(),
        temperature: z.number().min(0, 'Temperature is between 0 and 1').max(1, 'Temperature is between 0 and 1').nullable().optional(),
        topP: z.number().gt(0, 'Top-p is above 0 and at most 1').max(1, 'Top-p is above 0 and at most 1').nullable().optional(),
        maxTokens: z.number().int().min(1, 'At least 1 token').max(128_000, 'At most 128,000 tokens').nullable().optional(),
      })
      .strict()
      .refine((v) => Object.keys(v).length > 1, 'Nothing to update'),
    output: out<ChatDto>(),
  },
  'chats:delete': { input: z.object({ id }).strict(), output: out<{ id: string }>() },
  'messages:list': {
    input: z
      .object({
        chatId: id,
        limit: z.number().int().min(1).max(200).default(50),
        before: id.optional(),
        /** A window centred on this message (opening a search hit); excludes `before`. */
        around: id.optional(),
        /** The page after this message, oldest first (scrolling down from a search hit). */
        after: id.optional(),
      })
      .strict()
      .refine((v) => [v.before, v.around, v.after].filter(Boolean).length <= 1, 'Use one of before, around, after'),
    output: out<MessagePage>(),
  },
  'search:messages': {
    input: z
      .object({
        query: z.string().max(500),
        order: z.enum(['recent', 'relevance']).default('recent'),
        includeArchived: z.boolean().default(false),
        role: z.enum(['user', 'assistant']).optional(),
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
        limit: z.number().int().min(1).max(100).default(50),
      })
      .strict(),
    output: out<SearchResultDto>(),
  },
  'chat:send': {
    input: z.object({ chatId: id, content: z.string().trim().min(1).max(MESSAGE_MAX) }).strict(),
    output: out<SendResultDto>(),
  },
  'chat:stop': { input: z.object({ streamId: id }).strict(), output: out<{ stopped: boolean }>() },
  /** Estimated input tokens of the next request, while the person types. */
  'chat:estimate': { input: z.object({ chatId: id, draft: z.string().max(MESSAGE_MAX) }).strict(), output: out<TokenEstimateDto>() },
  'outbox:list': { input: empty, output: out<OutboxEntryDto[]>() },
  /** Takes a queued question back: it is deleted and its text returns to the chat's draft. */
  'outbox:cancel': { input: z.object({ messageId: id }).strict(), output: out<{ chatId: string; draft: string }>() },
  'network:status': { input: empty, output: out<NetworkStatusDto>() },
  /** The OS's online/offline events, passed on by the renderer. */
  'network:osStatus': { input: z.object({ online: z.boolean() }).strict(), output: out<NetworkStatusDto>() },
  'models:refresh': { input: empty, output: out<ModelsDto>() },
  'usage:summary': {
    input: z.object({ days: z.union([z.literal(7), z.literal(30), z.literal(90)]).default(30) }).strict(),
    output: out<UsageSummaryDto>(),
  },
  /** Replaces the chat's last answer (also "Retry" after an error) with a new one. */
  'chat:regenerate': { input: z.object({ chatId: id }).strict(), output: out<StreamStartDto>() },
  /** Rewrites a user message, deletes everything after it, and streams a new answer. */
  'chat:edit': {
    input: z.object({ messageId: id, content: z.string().trim().min(1).max(MESSAGE_MAX) }).strict(),
    output: out<StreamStartDto>(),
  },
  /** Resumes a `stopped` or `interrupted` answer: the same message grows. */
  'chat:continue': { input: z.object({ messageId: id }).strict(), output: out<StreamStartDto>() },
  'drafts:get': { input: z.object({ chatId: id }).strict(), output: out<DraftDto>() },
  /** An empty draft is deleted. */
  'drafts:set': {
    input: z.object({ chatId: id, content: z.string().max(MESSAGE_MAX) }).strict(),
    output: out<DraftDto>(),
  },
  'settings:get': { input: empty, output: out<SettingsDto>() },
  'settings:update': {
    input: z
      .object({
        model: z.string().trim().min(1).max(100).regex(/^[a-z0-9][a-z0-9.-]*$/).nullable().optional(),
        maxChats: z.number().int().min(1).max(100_000).optional(),
        language: z.enum(['system', 'en', 'ru']).optional(),
        theme: z.enum(['system', 'light', 'dark']).optional(),
        requestsPerMinute: z.number().int().min(1).max(1000).optional(),
        concurrentStreams: z.number().int().min(1).max(20).optional(),
        summarizeOmitted: z.boolean().optional(),
      })
      .strict(),
    output: out<SettingsDto>(),
  },
  'models:list': { input: empty, output: out<ModelsDto>() },
  'secrets:status': { input: empty, output: out<SecretStatusDto>() },
  'secrets:setApiKey': {
    input: z
      .object({ apiKey: z.string().trim().min(API_KEY_MIN).max(API_KEY_MAX).regex(/^\S+$/, 'No spaces in an API key') })
      .strict(),
    output: out<SecretStatusDto>(),
  },
  'secrets:clearApiKey': { input: empty, output: out<SecretStatusDto>() },
  'context:get': {
    input: z.object({ type: z.enum(['primary', 'personal']) }).strict(),
    output: out<ContextFileDto>(),
  },
  'context:update': {
    input: z
      .object({ type: z.enum(['primary', 'personal']), content: z.string().max(CONTEXT_MAX) })
      .strict(),
    output: out<ContextFileDto>(),
  },
  /** Asks for a file name in a save dialog (the harness writes into its files folder). */
  'data:exportChat': {
    input: z.object({ chatId: id, format: z.enum(['markdown', 'json']) }).strict(),
    output: out<ExportResultDto>(),
  },
  'data:exportAll': { input: empty, output: out<ExportResultDto>() },
  'data:import': { input: empty, output: out<ImportReportDto>() },
  'data:cancelImport': { input: empty, output: out<{ cancelling: boolean }>() },
  'data:listBackups': { input: empty, output: out<BackupDto[]>() },
  'data:createBackup': { input: empty, output: out<BackupDto>() },
  /** Backs the current data up first, then replaces it with the named backup. */
  'data:restoreBackup': {
    input: z.object({ name: z.string().regex(/^parley-[a-z-]+-\d{8}T\d{9}Z\.sqlite$/) }).strict(),
    output: out<{ restored: BackupDto; safetyBackup: BackupDto | null }>(),
  },
  'recovery:status': { input: empty, output: out<RecoveryStatusDto>() },
  /** After damage: keep the damaged file aside and start with empty data. */
  'recovery:startFresh': { input: empty, output: out<RecoveryStatusDto>() },
  'contextSync:status': { input: empty, output: out<ContextSyncStatusDto>() },
  /** url null turns sync off. Refused with `managed_setting` while a managed configuration file sets it. */
  'contextSync:configure': {
    input: z
      .object({
        url: z.string().trim().url().max(2000).nullable(),
        publicKey: z.string().trim().min(1).max(200).nullable(),
        intervalMinutes: z.number().int().min(1).max(24 * 60),
      })
      .strict(),
    output: out<ContextSyncStatusDto>(),
  },
  'contextSync:syncNow': { input: empty, output: out<ContextSyncStatusDto>() },
  'policy:get': { input: empty, output: out<PolicyDto>() },
  'contextAdmin:status': { input: empty, output: out<ContextAdminStatusDto>() },
  /** Makes a new Ed25519 key pair; the private key goes to the keychain, the public key is shown for pinning. */
  'contextAdmin:generateKey': { input: empty, output: out<ContextAdminStatusDto>() },
  /** token undefined keeps the saved one; null removes it. */
  'contextAdmin:setPublishTarget': {
    input: z
      .object({ url: z.string().trim().url().max(2000).nullable(), token: z.string().trim().min(1).max(4096).nullable().optional() })
      .strict(),
    output: out<ContextAdminStatusDto>(),
  },
  'contextAdmin:exportDocument': {
    input: z
      .object({ content: z.string().max(900_000), version: z.number().int().min(1), updatedBy: z.string().trim().min(1).max(200), policy: contextPolicySchema.optional() })
      .strict(),
    output: out<ExportedContextDocumentDto>(),
  },
  'contextAdmin:publish': {
    input: z
      .object({ content: z.string().max(900_000), updatedBy: z.string().trim().min(1).max(200), policy: contextPolicySchema.optional() })
      .strict(),
    output: out<PublishResultDto>(),
  },
} as const;

/** Events pushed from main to the renderer. */
export const EVENT_CHANNELS = { stream: 'chat:event', app: 'app:event' } as const;
export interface EventMap {
  'chat:event': StreamEvent;
  'app:event': AppEvent;
}

export type Channel = keyof typeof contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type InputOf<C extends Channel> = z.input<(typeof contract)[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<(typeof contract)[C]['input']>;
export type OutputOf<C extends Channel> = (typeof contract)[C]['output'] extends Phantom<infer T> ? T : never;

interface Phantom<T> {
  readonly __output?: T;
}
function out<T>(): Phantom<T> {
  return {};
}

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}
