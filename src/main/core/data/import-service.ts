import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { PassThrough, pipeline, Transform, type TransformCallback } from 'node:stream';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import type { ImportReportDto } from '../../../shared/domain/dto';
import type { EmitEvent } from '../core-types';
import type { Executor } from '../db/connection';
import type { Logger } from '../logger';
import { ARCHIVE_FORMAT, CHAT_FORMAT, importedEntrySchema, importedMessageSchema, type ImportedMessage } from './archive-format';

/** Longest string a hostile file may make the parser hold (a message is at most 2 MB of text). */
const MAX_STRING_CHARS = 4 * 1024 * 1024;
const MAX_SINGLE_CHAT_FILE = 512 * 1024 * 1024;


/**
 * Brings Parley exports back: every chat is checked and written in its own transaction, so a bad entry
 * is reported and skipped, a chat already present is not duplicated, and Cancel never leaves half a chat.
 */
export class ImportService {
  private cancelled = false;
  private running = false;

  constructor(private readonly deps: { db: Executor; emit: EmitEvent; logger: Logger }) {}

  cancel(): { cancelling: boolean } {
    this.cancelled = this.running;
    return { cancelling: this.running };
  }

  async importFile(path: string): Promise<ImportReportDto> {
    if (this.running) throw new Error('An import is already running');
    this.running = true;
    this.cancelled = false;
    const report: ImportReportDto = { path, chatsImported: 0, messagesImported: 0, chatsAlreadyPresent: 0, skipped: [], cancelled: false };
    try {
      const totalBytes = (await stat(path)).size;
      const format = await detectFormat(path);
      if (!format) {
        report.skipped.push({ what: 'file', id: null, reason: 'This is not a Parley export (no "format": "parley-chat" or "parley-archive")' });
        return report;
      }
      let entries: AsyncIterable<{ value: unknown; bytesRead: number }>;
      if (format === CHAT_FORMAT) {
        if (totalBytes > MAX_SINGLE_CHAT_FILE) throw new Error('The chat file is too large');
        entries = singleChat(path, totalBytes);
      } else {
        entries = archiveChats(path);
      }
      let index = 0;
      for await (const { value, bytesRead } of entries) {
        if (this.cancelled) {
          report.cancelled = true;
          break;
        }
        await this.importEntry(value, index++, report);
        this.progress(report, bytesRead, totalBytes);
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.deps.logger.warn('import stopped', { path, reason });
      report.skipped.push({ what: 'file', id: null, reason: `The file could not be read to the end: ${reason}` });
    } finally {
      this.running = false;
    }
    return report;
  }

  private async importEntry(value: unknown, index: number, report: ImportReportDto): Promise<void> {
    const entry = importedEntrySchema.safeParse(value);
    if (!entry.success) {
      const id = typeof (value as { chat?: { id?: unknown } })?.chat?.id === 'string' ? String((value as { chat: { id: string } }).chat.id).slice(0, 64) : null;
      report.skipped.push({ what: 'chat', id, reason: `Chat ${index + 1}: ${describe(entry.error.issues[0])}` });
      return;
    }
    const { chat, messages } = entry.data;
    const { db } = this.deps;
    if (await db.selectFrom('chats').select('id').where('id', '=', chat.id).executeTakeFirst()) {
      report.chatsAlreadyPresent++;
      return;
    }
    const valid: ImportedMessage[] = [];
    const seen = new Set<string>();
    for (const [position, raw] of messages.entries()) {
      const parsed = importedMessageSchema.safeParse(raw);
      if (!parsed.success) {
        report.skipped.push({ what: 'message', id: idOf(raw), reason: `“${chat.title.slice(0, 60)}”, message ${position + 1}: ${describe(parsed.error.issues[0])}` });
      } else if (seen.has(parsed.data.id)) {
        report.skipped.push({ what: 'message', id: parsed.data.id, reason: 'The same message id appears twice' });
      } else {
        seen.add(parsed.data.id);
        valid.push(parsed.data);
      }
    }
    const inserted = await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('chats')
        .values({
          id: chat.id,
          title: chat.title,
          title_source: chat.titleSource,
          provider: chat.provider,
          model: chat.model,
          is_archived: chat.isArchived ? 1 : 0,
          created_at: chat.createdAt,
          updated_at: chat.updatedAt,
        })
        .execute();
      // Ids already used by another chat would collide: they are reported, not overwritten.
      const taken = new Set<string>();
      for (let i = 0; i < valid.length; i += 500) {
        const ids = valid.slice(i, i + 500).map((m) => m.id);
        for (const row of await tx.selectFrom('messages').select('id').where('id', 'in', ids).execute()) taken.add(row.id);
      }
      const fresh = valid.filter((message) => {
        if (!taken.has(message.id)) return true;
        report.skipped.push({ what: 'message', id: message.id, reason: 'A message with this id already exists in another chat' });
        return false;
      });
      // Many rows per statement: one round trip per 200 messages instead of one per message.
      for (let i = 0; i < fresh.length; i += 200) {
        await tx
          .insertInto('messages')
          .values(
            fresh.slice(i, i + 200).map((message) => ({
              id: message.id,
              chat_id: chat.id,
              role: message.role,
              content: message.content,
              status: message.status,
              metadata: message.metadata ? JSON.stringify(message.metadata) : null,
              tool_calls: message.toolCalls === undefined || message.toolCalls === null ? null : JSON.stringify(message.toolCalls),
              tool_call_id: message.toolCallId ?? null,
              created_at: message.createdAt,
            })),
          )
          .execute();
      }
      const count = fresh.length;
      return count;
    });
    report.chatsImported++;
    report.messagesImported += inserted;
  }

  private progress(report: ImportReportDto, bytesRead: number, totalBytes: number): void {
    try {
      this.deps.emit('app:event', { type: 'import_progress', chats: report.chatsImported, messages: report.messagesImported, bytesRead, totalBytes });
    } catch {
      // Progress is a courtesy; the report at the end is what counts.
    }
  }
}

async function detectFormat(path: string): Promise<typeof CHAT_FORMAT | typeof ARCHIVE_FORMAT | null> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    const match = /"format"\s*:\s*"(parley-chat|parley-archive)"/.exec(head);
    const version = /"version"\s*:\s*(\d+)/.exec(head);
    if (!match || (version && Number(version[1]) !== 1)) return null;
    return match[1] as typeof CHAT_FORMAT | typeof ARCHIVE_FORMAT;
  } finally {
    await handle.close();
  }
}

async function* singleChat(path: string, totalBytes: number): AsyncGenerator<{ value: unknown; bytesRead: number }> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new Error('The file is not valid JSON');
  }
  const { chat, messages } = (document ?? {}) as { chat?: unknown; messages?: unknown };
  yield { value: { chat, messages }, bytesRead: totalBytes };
}

/** The `chats` array of an archive, one chat at a time, never the whole file in memory. */
async function* archiveChats(path: string): AsyncGenerator<{ value: unknown; bytesRead: number }> {
  const source = createReadStream(path, { highWaterMark: 256 * 1024 });
  // pipeline() destroys every stage with the first error, so a bad file ends the loop instead of hanging it.
  const chats = new PassThrough({ objectMode: true });
  pipeline(source, parser.asStream(), new StringGuard(), pick.asStream({ filter: 'chats' }), streamArray.asStream(), chats, () => {});
  try {
    for await (const item of chats as AsyncIterable<{ value: unknown }>) {
      yield { value: item.value, bytesRead: source.bytesRead };
    }
  } finally {
    chats.destroy();
    source.destroy();
  }
}

/** Stops a hostile file that holds one enormous string before it is assembled in memory. */
class StringGuard extends Transform {
  private length = 0;
  constructor() {
    super({ objectMode: true });
  }
  override _transform(token: { name: string; value?: string }, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (token.name === 'startString' || token.name === 'startKey') this.length = 0;
    else if ((token.name === 'stringChunk' || token.name === 'keyChunk') && token.value) {
      this.length += token.value.length;
      if (this.length > MAX_STRING_CHARS) return callback(new Error('The file holds a value far too large for a chat message'));
    }
    callback(null, token);
  }
}

function describe(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'not valid';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

function idOf(raw: unknown): string | null {
  const id = (raw as { id?: unknown })?.id;
  return typeof id === 'string' ? id.slice(0, 64) : null;
}
