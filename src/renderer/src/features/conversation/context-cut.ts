import type { MessageDto } from '../../../../shared/domain/dto';

/** Where the newest answer's request started sending the conversation, when it left earlier messages out. */
export interface ContextCut {
  /** The first message the request still sent: the divider goes above it. */
  messageId: string;
  omittedMessages: number;
  summarized: boolean;
}

/**
 * Reads the newest answer that says what its request sent (`metadata.context`). Older answers' cuts are
 * history: only where the conversation stops being sent now is worth a line.
 */
export function findContextCut(messages: readonly MessageDto[]): ContextCut | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.role !== 'assistant') continue;
    const context = message.metadata?.context;
    if (!context) continue;
    if (context.omittedMessages <= 0 || !context.fromMessageId) return null;
    return { messageId: context.fromMessageId, omittedMessages: context.omittedMessages, summarized: context.summarized };
  }
  return null;
}
