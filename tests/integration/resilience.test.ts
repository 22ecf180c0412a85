import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { seedMessages } from './seed';
import { startFakeAnthropic } from '../fakes/anthropic-server';
import { fakeAnthropicForFile } from './fake-anthropic-for-file';
import { startTestCore, tempDir, type TestCore } from './core-harness';

let t: TestCore | null = null;
const fake = fakeAnthropicForFile();
afterEach(async () => {
  await t?.close();
  t = null;
});

const start = (extra: Parameters<typeof startTestCore>[0] = {}) =>
  startTestCore({ env: { ANTHROPIC_BASE_URL: fake.url }, midStreamBackoffMs: [10, 10, 10], ...extra });

async function sendAndEnd(core: TestCore, chatId: string, content: string) {
  const sent = await core.call('chat:send', { chatId, content });
  const end = await core.waitFor((e) => e.streamId === sent.streamId && (e.type === 'message_end' || e.type === 'error' || e.type === 'queued'), 15_000);
  return { sent, end, events: core.events.filter((e) => e.streamId === sent.streamId) };
}

const bodies = () => fake.messageRequests().map((r) => r.body as { messages: { role: string; content: string }[]; system: { text: string }[]; temperature?: number; top_p?: number; max_tokens: number; model: string });

describe('retries the person can see', () => {
  it('429 with retry-after: the SDK waits, Parley says "retrying in N s", and the answer arrives', async () => {
    fake.setScenario([{ kind: 'http_error', status: 429, errorType: 'rate_limit_error', retryAfterSeconds: 1 }, { kind: 'text', text: 'after the wait' }]);
    t = await start({ maxRetries: 2 });
    const chat = await t.call('chats:create', {});
    const { end, events } = await sendAndEnd(t, chat.id, 'hi');
    expect(events.filter((e) => e.type === 'retrying')).toEqual([expect.objectContaining({ attempt: 1, inSeconds: 1, code: 'rate_limited' })]);
    expect(end).toMatchObject({ type: 'message_end', status: 'complete', content: 'after the wait' });
  });

  it('529 then success', async () => {
    fake.setScenario([{ kind: 'http_error', status: 529, errorType: 'overloaded_error', retryAfterSeconds: 0 }, { kind: 'text', text: 'ok now' }]);
    t = await start({ maxRetries: 2 });
    const chat = await t.call('chats:create', {});
    const { end, events } = await sendAndEnd(t, chat.id, 'hi');
    expect(events.some((e) => e.type === 'retrying' && e.code === 'overloaded')).toBe(true);
    expect(end).toMatchObject({ type: 'message_end', content: 'ok now' });
  });

  it('overloaded mid-stream, then success: the partial text is kept and continued', async () => {
    fake.setScenario([
      { kind: 'mid_stream_error', afterChars: 12, chunkSize: 6, text: 'The answer b' },
      { kind: 'text', text: 'egins here.' },
    ]);
    t = await start();
    const chat = await t.call('chats:create', {});
    const { end, events, sent } = await sendAndEnd(t, chat.id, 'Tell me');
    expect(events.find((e) => e.type === 'retrying')).toMatchObject({ attempt: 1, code: 'overloaded' });
    expect(end).toMatchObject({ type: 'message_end', status: 'complete', content: 'The answer begins here.' });
    const retry = bodies()[1]!;
    expect(retry.messages.slice(-2)).toEqual([
      { role: 'assistant', content: 'The answer b' },
      { role: 'user', content: expect.stringContaining('Continue it exactly where it stopped') },
    ]);
    const saved = (await t.call('messages:list', { chatId: chat.id })).messages[1]!;
    expect(saved).toMatchObject({ id: sent.assistantMessage!.id, content: 'The answer begins here.', status: 'complete' });
  });

  it('a dropped connection mid-stream, then success', async () => {
    fake.setScenario([{ kind: 'drop', afterChars: 8, chunkSize: 8, text: 'Dropped ' }, { kind: 'text', text: 'but finished.' }]);
    t = await start();
    const chat = await t.call('chats:create', {});
    const { end } = await sendAndEnd(t, chat.id, 'Go');
    expect(end).toMatchObject({ type: 'message_end', content: 'Dropped but finished.' });
  });

  it('prompt too long: shrinks the history, retries once, and says what was left out', async () => {
    t = await start();
    const chat = await t.call('chats:create', {});
    const big = (n: number) => `${n} ${'lorem ipsum dolor sit amet '.repeat(2000)}`;
    seedMessages(t.core.dbPath, chat.id, Array.from({ length: 10 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: big(i) }) as const));
    fake.setScenario([{ kind: 'http_error', status: 400, errorType: 'invalid_request_error', message: 'prompt is too long: 210000 tokens > 200000 maximum' }, { kind: 'text', text: 'Short answer.' }]);
    fake.setCompletionScenario({ kind: 'text', text: 'They discussed lorem ipsum at length.' });
    const { end, events } = await sendAndEnd(t, chat.id, 'And now?');
    expect(events.some((e) => e.type === 'retrying' && e.code === 'context_too_long')).toBe(true);
    expect(end).toMatchObject({ type: 'message_end', status: 'complete' });
    const [first, second] = bodies();
    expect(second!.messages.length).toBeLessThan(first!.messages.length);
    expect(second!.messages.at(-1)).toEqual({ role: 'user', content: 'And now?' });
    expect(second!.system.at(-1)!.text).toContain('They discussed lorem ipsum at length.');
    const answer = (await t.call('messages:list', { chatId: chat.id })).messages.at(-1)!;
    expect(answer.metadata?.context).toMatchObject({ summarized: true, omittedMessages: expect.any(Number) });
    expect(answer.metadata!.context!.omittedMessages).toBe(first!.messages.length - second!.messages.length);
  });
});

describe('context window', () => {
  it('leaves out the oldest turns when the history outgrows the window, reusing one summary', async () => {
    t = await start();
    await t.call('settings:update', { requestsPerMinute: 1000 });
    const chat = await t.call('chats:create', {});
    const big = 'word '.repeat(40_000); // ~57k tokens each
    seedMessages(t.core.dbPath, chat.id, Array.from({ length: 8 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `${i} ${big}` }) as const));
    fake.setCompletionScenario({ kind: 'text', text: 'Summary of old turns.' });
    fake.setScenario({ kind: 'text', text: 'ok' });
    await sendAndEnd(t, chat.id, 'first new question');
    await sendAndEnd(t, chat.id, 'second new question');
    const [a, b] = bodies();
    expect(a!.messages.length).toBeLessThan(9);
    expect(a!.system.at(-1)!.text).toContain('Summary of old turns.');
    expect(b!.system.at(-1)!.text).toContain('Summary of old turns.');
    // Written once, reused for the next request that leaves out the same turns.
    expect(fake.completionRequests().filter((r) => (r.body as { max_tokens: number }).max_tokens === 600)).toHaveLength(1);
  });

  it('without summaries, the left-out turns are simply not sent', async () => {
    t = await start();
    await t.call('settings:update', { summarizeOmitted: false });
    const chat = await t.call('chats:create', {});
    seedMessages(t.core.dbPath, chat.id, Array.from({ length: 8 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `${i} ${'word '.repeat(40_000)}` }) as const));
    await sendAndEnd(t, chat.id, 'q');
    expect(bodies()[0]!.system.every((block) => !block.text.includes('Summary of the earlier part'))).toBe(true);
    expect(fake.completionRequests().filter((r) => (r.body as { max_tokens: number }).max_tokens === 600)).toHaveLength(0);
  });

  it('estimates the next request while typing', async () => {
    t = await start();
    const chat = await t.call('chats:create', {});
    const empty = await t.call('chat:estimate', { chatId: chat.id, draft: '' });
    const typed = await t.call('chat:estimate', { chatId: chat.id, draft: 'x'.repeat(3500) });
    expect(typed.inputTokens - empty.inputTokens).toBeGreaterThanOrEqual(1000);
    expect(typed).toMatchObject({ contextWindow: 200_000, omittedMessages: 0, model: 'claude-sonnet-5-5' });
  });
});

describe('per-chat model and sampling', () => {
  it('sends the chat’s model, temperature and answer length, and refuses nonsense clearly', async () => {
    t = await start();
    const chat = await t.call('chats:create', {});
    const updated = await t.call('chats:update', { id: chat.id, model: 'claude-opus-5-5', temperature: 0.3, maxTokens: 2000 });
    expect(updated).toMatchObject({ model: 'claude-opus-5-5', temperature: 0.3, topP: null, maxTokens: 2000 });
    await sendAndEnd(t, chat.id, 'hi');
    expect(bodies()[0]).toMatchObject({ model: 'claude-opus-5-5', temperature: 0.3, max_tokens: 2000 });
    expect(bodies()[0]!.top_p).toBeUndefined();
    expect((await t.fail('chats:update', { id: chat.id, temperature: 1.5 })).details).toEqual([expect.objectContaining({ path: 'temperature', message: 'Temperature is between 0 and 1' })]);
    expect((await t.fail('chats:update', { id: chat.id, topP: 0.9 })).message).toMatch(/either temperature or top-p/);
    expect((await t.fail('chats:update', { id: chat.id, maxTokens: 100_000 })).message).toMatch(/at most 64000 tokens/);
    expect((await t.call('chats:update', { id: chat.id, temperature: null, topP: 0.9 })).topP).toBe(0.9);
  });
});

describe('models', () => {
  it('uses the built-in list until the API answers, then the API’s list, and keeps it offline', async () => {
    t = await startTestCore({ env: { ANTHROPIC_BASE_URL: fake.url }, apiKey: null });
    expect((await t.call('models:list', {})).source).toBe('built_in');
    await t.call('secrets:setApiKey', { apiKey: 'sk-test-key-1234' });
    const online = await t.call('models:refresh', {});
    expect(online.source).toBe('api');
    expect(online.models.map((m) => m.id)).toContain('claude-sonnet-5-5');
    expect(online.models[0]).toMatchObject({ maxInputTokens: 200_000, maxOutputTokens: 64_000 });
    await t.core.close();
    t = await startTestCore({ dataDir: t.dataDir, env: { ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' } });
    const offline = await t.call('models:refresh', {});
    expect(offline).toMatchObject({ source: 'api', fetchedAt: online.fetchedAt });
  });
});

describe('usage and cost', () => {
  it('records tokens and estimated cost per request and sums them by day and model', async () => {
    t = await start();
    const chat = await t.call('chats:create', {});
    fake.setScenario({ kind: 'text', text: 'a', inputTokens: 1_000_000, outputTokens: 100_000 });
    const { end } = await sendAndEnd(t, chat.id, 'hi');
    // Sonnet: $3 per million input + $15 per million output.
    expect((await t.call('messages:list', { chatId: chat.id })).messages[1]!.metadata).toMatchObject({ costUsd: 4.5, inputTokens: 1_000_000 });
    expect(end.type).toBe('message_end');
    const summary = await t.call('usage:summary', { days: 7 });
    expect(summary.byDay).toHaveLength(7);
    expect(summary.byDay.at(-1)).toMatchObject({ inputTokens: expect.any(Number), costUsd: expect.any(Number) });
    const sonnet = summary.byModel.find((m) => m.model === 'claude-sonnet-5-5')!;
    expect(sonnet).toMatchObject({ requests: 1, inputTokens: 1_000_000, outputTokens: 100_000, costUsd: 4.5 });
    expect(summary.totals.costUsd).toBeGreaterThanOrEqual(4.5);
  });
});

describe('offline', () => {
  async function freePort(): Promise<number> {
    return new Promise((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
  }

  it('queues a question sent offline and sends it when the network returns, even after a restart', async () => {
    const port = await freePort();
    const dataDir = tempDir();
    t = await startTestCore({ dataDir, env: { ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}` }, maxRetries: 0 });
    const chat = await t.call('chats:create', {});
    const first = await t.call('chat:send', { chatId: chat.id, content: 'sent while offline' });
    await t.waitFor((e) => e.type === 'queued');
    expect((await t.call('network:status', {})).online).toBe(false);
    // Now that Parley knows it is offline, a send is queued at once, without a failed request.
    const second = await t.call('chat:send', { chatId: chat.id, content: 'and another' });
    expect(second).toMatchObject({ queued: true, streamId: null, assistantMessage: null });
    expect((await t.call('outbox:list', {})).map((e) => e.messageId)).toEqual([first.userMessage.id, second.userMessage.id]);

    await t.core.close();
    const back = await startFakeAnthropic({ port, scenario: { kind: 'text', text: 'answered once back online' } });
    try {
      t = await startTestCore({ dataDir, env: { ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}` } });
      const sent = await t.waitFor((e) => e.type === 'message_end', 15_000);
      expect(sent).toMatchObject({ content: 'answered once back online' });
      const messages = (await t.call('messages:list', { chatId: chat.id })).messages;
      expect(messages.map((m) => [m.role, m.content])).toEqual([
        ['user', 'sent while offline'],
        ['user', 'and another'],
        ['assistant', 'answered once back online'],
      ]);
      expect(await t.call('outbox:list', {})).toEqual([]);
      expect(t.appEvents.some((e) => e.type === 'outbox_sent')).toBe(true);
      // One answer for the two questions in a row, which travel together as one turn.
      expect((back.messageRequests()[0]!.body as { messages: unknown[] }).messages).toEqual([{ role: 'user', content: 'sent while offline\n\nand another' }]);
    } finally {
      await back.close();
    }
  });

  it('lets the person take a queued question back into the composer', async () => {
    t = await startTestCore({ env: { ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' }, maxRetries: 0 });
    const chat = await t.call('chats:create', {});
    const sent = await t.call('chat:send', { chatId: chat.id, content: 'never mind' });
    await t.waitFor((e) => e.type === 'queued');
    expect(await t.call('outbox:cancel', { messageId: sent.userMessage.id })).toEqual({ chatId: chat.id, draft: 'never mind' });
    expect((await t.call('drafts:get', { chatId: chat.id })).content).toBe('never mind');
    expect((await t.call('messages:list', { chatId: chat.id })).messages).toEqual([]);
    expect(await t.call('outbox:list', {})).toEqual([]);
  });

  it('an OS "online" event makes Parley check at once', async () => {
    t = await start();
    expect(await t.call('network:osStatus', { online: false })).toMatchObject({ online: false });
    expect(await t.call('network:osStatus', { online: true })).toMatchObject({ online: true });
  });
});
