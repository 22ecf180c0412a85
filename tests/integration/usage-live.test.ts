import { afterEach, describe, expect, it } from 'vitest';
import { fakeAnthropicForFile } from './fake-anthropic-for-file';
import { startTestCore, type TestCore } from './core-harness';

/**
 * What the open chat and the Usage page learn without a reload: the end of an answer carries its cost and
 * what its request sent, and a chat title's request is priced like any other.
 */

let t: TestCore | null = null;
const fake = fakeAnthropicForFile();
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('usage the renderer sees live', () => {
  it('message_end carries the cost and the context the saved answer has', async () => {
    fake.setScenario({ kind: 'text', text: 'priced', inputTokens: 1000, outputTokens: 500 });
    t = await startTestCore({ env: { ANTHROPIC_BASE_URL: fake.url } });
    const chat = await t.call('chats:create', {});
    const sent = await t.call('chat:send', { chatId: chat.id, content: 'hi' });
    const end = await t.waitFor((e) => e.streamId === sent.streamId && e.type === 'message_end', 15_000);
    const saved = (await t.call('messages:list', { chatId: chat.id })).messages[1]!.metadata!;
    expect(saved.costUsd).toBe(0.0105);
    expect(end.type === 'message_end' && end.metadata).toMatchObject({ costUsd: 0.0105, context: saved.context });
    expect(saved.context).toMatchObject({ omittedMessages: 0 });
  });

  it('a title request is recorded with its estimated cost (Haiku: $1 / $5 per million)', async () => {
    fake.setCompletionScenario({ kind: 'text', text: 'A priced title', inputTokens: 200_000, outputTokens: 20_000 });
    fake.setScenario({ kind: 'text', text: 'answer', inputTokens: 10, outputTokens: 10 });
    t = await startTestCore({ env: { ANTHROPIC_BASE_URL: fake.url } });
    const chat = await t.call('chats:create', {});
    await t.call('chat:send', { chatId: chat.id, content: 'name this chat' });
    await t.waitFor((e) => e.type === 'message_end', 15_000);
    let haiku: { requests: number; costUsd: number } | undefined;
    for (let i = 0; i < 50 && !haiku; i++) {
      haiku = (await t.call('usage:summary', { days: 7 })).byModel.find((m) => m.model.includes('haiku'));
      if (!haiku) await new Promise((r) => setTimeout(r, 50));
    }
    expect(haiku).toMatchObject({ requests: 1, costUsd: 0.3 });
  });
});
