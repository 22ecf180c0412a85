import type { ClaudeRequest } from '../ai/claude-client';
import type { SystemBlock } from '../context/context-service';
import type { MessageRow } from '../db/message-repository';

import { DEFAULT_MAX_OUTPUT_TOKENS } from '../../../shared/domain/models';

/** The rows that become turns: user and assistant text that is finished (or kept after a stop) and not empty. */
export function conversationRows(history: readonly MessageRow[]): (MessageRow & { role: 'user' | 'assistant' })[] {
  return history.filter(
    (row): row is MessageRow & { role: 'user' | 'assistant' } =>
      (row.role === 'user' || row.role === 'assistant') && row.status !== 'streaming' && row.content.trim() !== '',
  );
}

/**
 * The conversation as the API wants it: only user/assistant text, no empty turns
 * (an error with no text is not part of the dialogue), and consecutive turns of one role
 * merged, because an answer that failed can leave two user turns in a row.
 */
export function buildRequest(input: {
  model: string;
  system: SystemBlock[];
  history: readonly MessageRow[];
  maxTokens?: number;
  temperature?: number | undefined;
  topP?: number | undefined;
}): ClaudeRequest {
  const messages: ClaudeRequest['messages'] = [];
  for (const row of conversationRows(input.history)) {
    const text = row.content.trim();
    const last = messages[messages.length - 1];
    if (last && last.role === row.role) last.content = `${last.content}\n\n${text}`;
    else messages.push({ role: row.role, content: text });
  }
  // The API wants the dialogue to open with the person.
  while (messages[0]?.role === 'assistant') messages.shift();

  const system = input.system.map((block) => ({ ...block }));
  const lastBlock = system[system.length - 1];
  // One breakpoint on the last system block caches the stable prefix across turns.
  if (lastBlock) Object.assign(lastBlock, { cache_control: { type: 'ephemeral' as const } });

  return {
    model: input.model,
    maxTokens: input.maxTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
    system,
    messages,
    ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
    ...(input.topP !== undefined ? { topP: input.topP } : {}),
  };
}
