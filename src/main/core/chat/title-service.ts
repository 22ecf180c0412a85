import { TITLE_MODEL } from '../../../shared/domain/models';
import type { ClaudeClientFactory } from '../ai/claude-client';
import type { Clock } from '../clock';
import type { EmitEvent } from '../core-types';
import { toChatDto, type ChatRepository } from '../db/chat-repository';
import { backgroundUsage, type UsageRepository } from '../db/usage-repository';
import type { Logger } from '../logger';
import { cleanGeneratedTitle } from './title-rules';

const TITLE_PROMPT =
  'You name chat conversations. Reply with a short title (2 to 6 words) for a conversation that starts with the ' +
  "user's message below, in the language of that message. Reply with the title only: no quotes, no full stop.";

/** Asks a small fast model for a short title, in the background; any failure leaves the first title. */
export class TitleService {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly deps: {
      chats: ChatRepository;
      usage: UsageRepository;
      createClient: ClaudeClientFactory;
      emit: EmitEvent;
      logger: Logger;
      clock: Clock;
      baseURL?: string | undefined;
      maxRetries?: number | undefined;
    },
  ) {}

  /** Fire and forget: never blocks or fails a send. */
  generate(chatId: string, firstMessage: string, apiKey: string): void {
    const job = this.run(chatId, firstMessage, apiKey).finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
  }

  /** For shutdown and tests: waits for titles being asked for right now. */
  async settle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async run(chatId: string, firstMessage: string, apiKey: string): Promise<void> {
    const { deps } = this;
    try {
      const client = deps.createClient({
        apiKey,
        baseURL: deps.baseURL,
        ...(deps.maxRetries !== undefined ? { maxRetries: deps.maxRetries } : {}),
        timeoutMs: 30_000,
      });
      const reply = await client.complete(
        {
          model: TITLE_MODEL,
          maxTokens: 32,
          system: [{ type: 'text', text: TITLE_PROMPT }],
          messages: [{ role: 'user', content: firstMessage.slice(0, 2000) }],
        },
        AbortSignal.timeout(30_000),
      );
      await deps.usage.insert(backgroundUsage(chatId, reply, deps.clock.now()));
      const title = cleanGeneratedTitle(reply.text);
      if (!title) return;
      // Only replaces the first-words title: a rename in the meantime wins.
      if (!(await deps.chats.setAutomaticTitle(chatId, 'first_message', title, 'generated'))) return;
      const chat = await deps.chats.findById(chatId);
      if (chat) deps.emit('app:event', { type: 'chat_updated', chat: toChatDto(chat) });
    } catch (error) {
      deps.logger.warn('title generation failed', { chatId, error: error instanceof Error ? error.message : String(error) });
    }
  }
}
