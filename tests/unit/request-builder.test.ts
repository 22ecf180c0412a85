import { describe, expect, it } from 'vitest';
import { buildRequest } from '../../src/main/core/chat/request-builder';
import type { MessageRow } from '../../src/main/core/db/message-repository';

let seq = 0;
function row(role: MessageRow['role'], content: string, status: MessageRow['status'] = 'complete'): MessageRow {
  seq += 1;
  return { seq, id: `m${seq}`, chat_id: 'c', role, content, status, metadata: null, tool_calls: null, tool_call_id: null, created_at: '' };
}
const system = [{ type: 'text' as const, text: 'S1' }, { type: 'text' as const, text: 'S2' }];

describe('buildRequest', () => {
  it('puts one cache breakpoint on the last system block only', () => {
    const request = buildRequest({ model: 'm', system, history: [row('user', 'hi')] });
    expect(request.system).toEqual([
      { type: 'text', text: 'S1' },
      { type: 'text', text: 'S2', cache_control: { type: 'ephemeral' } },
    ]);
    expect(system[1]).not.toHaveProperty('cache_control');
  });

  it('keeps stopped and interrupted text, drops empty errors and the answer being streamed', () => {
    const request = buildRequest({
      model: 'm',
      system,
      history: [
        row('user', 'a'),
        row('assistant', 'partial', 'stopped'),
        row('user', 'b'),
        row('assistant', '', 'error'),
        row('user', 'c'),
        row('assistant', '', 'streaming'),
      ],
    });
    expect(request.messages).toEqual([
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'partial' },
      { role: 'user', content: 'b\n\nc' },
    ]);
  });

  it('never starts with an assistant turn and ignores system/tool rows', () => {
    const request = buildRequest({ model: 'm', system, history: [row('assistant', 'orphan'), row('system', 'x'), row('tool', 'y'), row('user', 'q')] });
    expect(request.messages).toEqual([{ role: 'user', content: 'q' }]);
    expect(request.maxTokens).toBeGreaterThan(0);
  });
});
