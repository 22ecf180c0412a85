import type { ClaudeRequest } from '../ai/claude-client';
import type { SystemBlock } from '../context/context-service';
import type { MessageRow } from '../db/message-repository';

export const DEFAULT_MAX_TOKENS = 8192;

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
}): ClaudeRequest {
  const messages: ClaudeRequest['messages'] = [];
  for (const row of input.history) {
    if (row.role !== 'user' && row.role !== 'assistant') continue;
    if (row.status === 'streaming') continue;
    const text = row.content.trim();
    if (!text) continue;
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

  return { model: input.model, maxTokens: input.maxTokens ?? DEFAULT_MAX_TOKENS, system, messages };
}
