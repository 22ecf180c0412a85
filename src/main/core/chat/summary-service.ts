import { TITLE_MODEL } from '../../../shared/domain/models';
import type { ClaudeClientFactory } from '../ai/claude-client';
import type { Clock } from '../clock';
import type { Executor } from '../db/connection';
import type { MessageRow } from '../db/message-repository';
import { backgroundUsage } from '../db/usage-repository';
import type { Logger } from '../logger';

const SUMMARY_PROMPT =
  'Summarise the conversation below for yourself, so you can continue it without seeing it. Keep facts, ' +
  'decisions, names, numbers, code identifiers and open questions; drop pleasantries. Write in the language ' +
  'of the conversation, at most about 300 words, as plain prose or a short list.';

/**
 * Writes a summary of the turns that no longer fit the context window, once, and reuses it. When more
 * turns drop out later, the new summary is built from the previous one plus those turns only.
 */
export class SummaryService {
  constructor(
    private readonly deps: { db: Executor; createClient: ClaudeClientFactory; clock: Clock; logger: Logger; baseURL?: string | undefined },
  ) {}

  /** The summary of everything up to `omitted`'s last message, or null when one cannot be had. */
  async summaryFor(chatId: string, omitted: readonly MessageRow[], apiKey: string): Promise<string | null> {
    const last = omitted[omitted.length - 1];
    if (!last) return null;
    const { db } = this.deps;
    const previous = await db
      .selectFrom('chat_summaries')
      .selectAll()
      .where('chat_id', '=', chatId)
      .where('up_to_seq', '<=', last.seq)
      .orderBy('up_to_seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (previous?.up_to_seq === last.seq) return previous.content;
    const fresh = omitted.filter((row) => !previous || row.seq > previous.up_to_seq);
    const transcript = fresh.map((row) => `${row.role === 'user' ? 'User' : 'Assistant'}: ${row.content}`).join('\n\n');
    const input = previous ? `Summary so far:\n${previous.content}\n\nThen:\n\n${transcript}` : transcript;
    try {
      const client = this.deps.createClient({ apiKey, baseURL: this.deps.baseURL, maxRetries: 1, timeoutMs: 60_000 });
      const reply = await client.complete(
        // The transcript is cut to what a small model takes comfortably; the newest part matters most.
        { model: TITLE_MODEL, maxTokens: 600, system: [{ type: 'text', text: SUMMARY_PROMPT }], messages: [{ role: 'user', content: input.slice(-400_000) }] },
        AbortSignal.timeout(60_000),
      );
      const content = reply.text.trim();
      if (!content) return previous?.content ?? null;
      const now = this.deps.clock.now();
      await db.transaction().execute(async (tx) => {
        await tx.insertInto('chat_summaries').values({ chat_id: chatId, up_to_seq: last.seq, content, model: reply.model, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
        await tx.insertInto('usage_records').values(backgroundUsage(chatId, reply, now)).execute();
      });
      return content;
    } catch (error) {
      // Without a summary the request still goes, with the turns that fit.
      this.deps.logger.warn('summary not written', { chatId, error: error instanceof Error ? error.message : String(error) });
      return previous?.content ?? null;
    }
  }
}
