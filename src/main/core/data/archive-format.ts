import { z } from 'zod';
import type { MessageMetadata } from '../../../shared/domain/dto';
import type { ChatsTable } from '../db/schema';
import type { MessageRow } from '../db/message-repository';

/** Parley's own export formats. Version 1: one chat (`parley-chat`), or all chats (`parley-archive`). */
export const CHAT_FORMAT = 'parley-chat';
export const ARCHIVE_FORMAT = 'parley-archive';
export const FORMAT_VERSION = 1;

export interface ExportedChat {
  id: string;
  title: string;
  titleSource: ChatsTable['title_source'];
  provider: string;
  model: string | null;
  isArchived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ExportedMessage {
  id: string;
  role: MessageRow['role'];
  content: string;
  status: MessageRow['status'];
  metadata: MessageMetadata | null;
  toolCalls: unknown;
  toolCallId: string | null;
  createdAt: string;
}

export function exportChatRow(row: ChatsTable): ExportedChat {
  return {
    id: row.id,
    title: row.title,
    titleSource: row.title_source,
    provider: row.provider,
    model: row.model,
    isArchived: row.is_archived === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function exportMessageRow(row: MessageRow): ExportedMessage {
  return {
    id: row.id,
    role: row.role,
    content: row.content,
    // An answer still streaming is saved as what it will be after a restart.
    status: row.status === 'streaming' ? 'interrupted' : row.status,
    metadata: row.metadata ? (JSON.parse(row.metadata) as MessageMetadata) : null,
    toolCalls: row.tool_calls ? (JSON.parse(row.tool_calls) as unknown) : null,
    toolCallId: row.tool_call_id,
    createdAt: row.created_at,
  };
}

const isoTime = z.iso.datetime({ offset: true });
/** Ids are uuids: a path-like or SQL-like "id" from a hostile file never reaches a query or a file name. */
const uuid = z.uuid();

export const importedMessageSchema = z
  .object({
    id: uuid,
    role: z.enum(['user', 'assistant', 'system', 'tool']),
    content: z.string().max(2_000_000),
    status: z.enum(['complete', 'stopped', 'interrupted', 'error']),
    metadata: z.record(z.string(), z.unknown()).nullable(),
    toolCalls: z.unknown().optional(),
    toolCallId: z.string().max(200).nullable().optional(),
    createdAt: isoTime,
  })
  .strict();

export const importedChatSchema = z
  .object({
    id: uuid,
    title: z.string().min(1).max(255),
    titleSource: z.enum(['default', 'first_message', 'generated', 'user']).default('user'),
    provider: z.string().min(1).max(50),
    model: z.string().max(100).nullable(),
    isArchived: z.boolean(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .strict();

export const importedEntrySchema = z.object({ chat: importedChatSchema, messages: z.array(z.unknown()).max(5_000_000) }).strict();

export type ImportedChat = z.infer<typeof importedChatSchema>;
export type ImportedMessage = z.infer<typeof importedMessageSchema>;
