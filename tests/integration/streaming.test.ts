import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../src/shared/domain/dto';
import { DEFAULT_SYSTEM_PROMPT } from '../../src/main/core/context/default-prompt';
import type { FakeAnthropic } from '../fakes/anthropic-server';
import { fakeAnthropicForFile } from './fake-anthropic-for-file';
import { startTestCore, type TestCore } from './core-harness';

let t: TestCore;
const fake = fakeAnthropicForFile();
afterEach(async () => {
  await t?.close();
});

const start = (extra: Parameters<typeof startTestCore>[0] = {}) =>
  startTestCore({ env: { ANTHROPIC_BASE_URL: fake.url }, midStreamBackoffMs: [10, 10, 10], ...extra });

function ofType<T extends StreamEvent['type']>(events: StreamEvent[], type: T) {
  return events.filter((e): e is Extract<StreamEvent, { type: T }> => e.type === type);
}

async function sendAndWait(content: string) {
  const chat = await t.call('chats:create', {});
  const sent = await t.call('chat:send', { chatId: chat.id, content });
  const end = await t.waitFor((e) => e.streamId === sent.streamId! && (e.type === 'message_end' || e.type === 'error'), 10_000);
  return { chat, sent, end };
}

describe('chat:send streaming', () => {
  it('streams an answer, saves it with metadata and a usage record', async () => {
    fake.setScenario({ kind: 'text', text: 'Hello **world**, from the fake.', chunkSize: 4, inputTokens: 21, outputTokens: 9 });
    t = await start();
    const { chat, sent, end } = await sendAndWait('  Hi there  ');
    expect(sent.userMessage).toMatchObject({ role: 'user', content: 'Hi there', status: 'complete' });
    expect(sent.assistantMessage).toMatchObject({ role: 'assistant', content: '', status: 'streaming' });
    expect(end).toMatchObject({
      type: 'message_end',
      status: 'complete',
      messageId: sent.assistantMessage!.id,
      metadata: { model: 'claude-sonnet-5-5', inputTokens: 21, outputTokens: 9, stopReason: 'end_turn' },
    });
    const mine = t.events.filter((e) => e.streamId === sent.streamId!);
    expect(mine[0]).toMatchObject({ type: 'message_start', messageId: sent.assistantMessage!.id });
    expect(ofType(mine, 'content_delta').map((e) => e.delta).join('')).toBe('Hello **world**, from the fake.');

    const page = await t.call('messages:list', { chatId: chat.id });
    expect(page.messages.map((m) => [m.role, m.status, m.content])).toEqual([
      ['user', 'complete', 'Hi there'],
      ['assistant', 'complete', 'Hello **world**, from the fake.'],
    ]);
    expect(page.messages[1]!.metadata).toMatchObject({ model: 'claude-sonnet-5-5', inputTokens: 21, outputTokens: 9 });
    expect((await t.call('chats:get', { id: chat.id })).model).toBe('claude-sonnet-5-5');

    const db = new Database(t.core.dbPath, { readonly: true });
    expect(db.prepare('select chat_id, message_id, model, input_tokens, output_tokens from usage_records where message_id is not null').all()).toEqual([
      { chat_id: chat.id, message_id: sent.assistantMessage!.id, model: 'claude-sonnet-5-5', input_tokens: 21, output_tokens: 9 },
    ]);
    db.close();
  });

  it('sends the default system prompt, the personal context, the history and the new message', async () => {
    t = await start();
    await t.call('context:update', { type: 'personal', content: 'I am a botanist.' });
    const { chat } = await sendAndWait('First question');
    fake.setScenario({ kind: 'text', text: 'Second answer' });
    await t.call('chat:send', { chatId: chat.id, content: 'Second question' });
    await t.waitFor((e) => e.type === 'message_end' && ofType(t.events, 'message_end').length === 2);

    const requests = fake.messageRequests();
    expect(requests).toHaveLength(2);
    expect(requests[1]!.apiKey).toBe('sk-test-key-1234');
    expect(requests[1]!.body).toMatchObject({
      model: 'claude-sonnet-5-5',
      stream: true,
      system: [
        { type: 'text', text: DEFAULT_SYSTEM_PROMPT },
        { type: 'text', text: 'I am a botanist.', cache_control: { type: 'ephemeral' } },
      ],
      messages: [
        { role: 'user', content: 'First question' },
        { role: 'assistant', content: expect.stringContaining('short') },
        { role: 'user', content: 'Second question' },
      ],
    });
  });

  it('uses the primary context instead of the default prompt when there is one', async () => {
    t = await start();
    await t.call('context:update', { type: 'primary', content: 'Company rules.' });
    await sendAndWait('Hi');
    expect((fake.messageRequests()[0]!.body as { system: unknown }).system).toEqual([
      { type: 'text', text: 'Company rules.', cache_control: { type: 'ephemeral' } },
    ]);
  });

  it('coalesces many tiny deltas into far fewer events without losing a character', async () => {
    const text = 'abcdefghij'.repeat(400);
    fake.setScenario({ kind: 'text', text, chunkSize: 1 });
    t = await start();
    const { sent } = await sendAndWait('Go');
    const deltas = ofType(t.events, 'content_delta').filter((e) => e.streamId === sent.streamId!);
    expect(deltas.map((e) => e.delta).join('')).toBe(text);
    expect(deltas.length).toBeLessThan(text.length / 10);
    let offset = 0;
    for (const delta of deltas) {
      expect(delta.offset).toBe(offset);
      offset += delta.delta.length;
    }
    expect(t.events.at(-1)).toMatchObject({ type: 'message_end', content: text });
  });

  it('keeps the text on disk close behind what arrived while streaming', async () => {
    fake.setScenario({ kind: 'text', text: 'word '.repeat(60), chunkSize: 5, delayMs: 25 });
    t = await start({ persistEveryMs: 100 });
    const chat = await t.call('chats:create', {});
    const sent = await t.call('chat:send', { chatId: chat.id, content: 'Go' });
    await t.waitFor((e) => e.type === 'content_delta' && e.streamId === sent.streamId!);
    // Sample the file itself, as a crash would leave it.
    const db = new Database(t.core.dbPath, { readonly: true });
    const read = db.prepare('select content, status from messages where id = ?');
    const samples: { onDisk: number; arrived: number }[] = [];
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 150));
      const arrived = ofType(t.events, 'content_delta').map((e) => e.delta).join('').length;
      const row = read.get(sent.assistantMessage!.id) as { content: string; status: string };
      if (row.status !== 'streaming') break;
      samples.push({ onDisk: row.content.length, arrived });
    }
    db.close();
    expect(samples.length).toBeGreaterThanOrEqual(3);
    // At 5 characters per 25 ms, 250 ms of lag is 50 characters; allow for the 16 ms delta window too.
    for (const s of samples) expect(s.arrived - s.onDisk).toBeLessThanOrEqual(60);
    expect(samples.some((s) => s.onDisk > 0)).toBe(true);
    await t.waitFor((e) => e.type === 'message_end', 10_000);
  });

  it('stops mid-answer and keeps what had arrived as `stopped`', async () => {
    fake.setScenario({ kind: 'hang', afterChars: 24, chunkSize: 8, text: 'Partial answer that then hangs forever' });
    t = await start();
    const chat = await t.call('chats:create', {});
    const sent = await t.call('chat:send', { chatId: chat.id, content: 'Go' });
    await t.waitFor((e) => e.type === 'content_delta');
    await new Promise((r) => setTimeout(r, 50));
    expect(await t.call('chat:stop', { streamId: sent.streamId! })).toEqual({ stopped: true });
    const page = await t.call('messages:list', { chatId: chat.id });
    expect(page.messages[1]).toMatchObject({ status: 'stopped', content: 'Partial answer that then' });
    expect(t.events.at(-1)).toMatchObject({ type: 'message_end', status: 'stopped' });
    expect(await t.call('chat:stop', { streamId: sent.streamId! })).toEqual({ stopped: false });
  });

  it('refuses a second send in a chat that is still answering', async () => {
    fake.setScenario({ kind: 'hang' });
    t = await start();
    const chat = await t.call('chats:create', {});
    const sent = await t.call('chat:send', { chatId: chat.id, content: 'one' });
    expect((await t.fail('chat:send', { chatId: chat.id, content: 'two' })).code).toBe('stream_busy');
    await t.call('chat:stop', { streamId: sent.streamId! });
    expect((await t.call('messages:list', { chatId: chat.id })).messages).toHaveLength(2);
  });

  it('holds a send over the rate limit before writing anything', async () => {
    t = await start();
    await t.call('settings:update', { requestsPerMinute: 2, concurrentStreams: 1 });
    const a = await t.call('chats:create', {});
    const b = await t.call('chats:create', {});
    fake.setScenario({ kind: 'hang' });
    const first = await t.call('chat:send', { chatId: a.id, content: 'one' });
    expect(await t.fail('chat:send', { chatId: b.id, content: 'two' })).toMatchObject({ code: 'limit_reached', details: { reason: 'concurrent' } });
    await t.call('chat:stop', { streamId: first.streamId! });
    fake.setScenario({ kind: 'text', text: 'ok' });
    const second = await t.call('chat:send', { chatId: b.id, content: 'two' });
    await t.waitFor((e) => e.streamId === second.streamId! && e.type === 'message_end');
    expect(await t.fail('chat:send', { chatId: b.id, content: 'three' })).toMatchObject({ code: 'limit_reached', details: { reason: 'per_minute', retryAfterSeconds: expect.any(Number) } });
    expect((await t.call('messages:list', { chatId: b.id })).messages.map((m) => m.content)).toEqual(['two', 'ok']);
  });

  it('refuses to send without an API key and writes nothing', async () => {
    t = await start({ apiKey: null });
    const chat = await t.call('chats:create', {});
    expect((await t.fail('chat:send', { chatId: chat.id, content: 'Hi' })).code).toBe('no_api_key');
    expect((await t.call('messages:list', { chatId: chat.id })).messages).toEqual([]);
    expect(fake.messageRequests()).toHaveLength(0);
  });

  it('marks answers left streaming by a crash as interrupted at start-up, text kept', async () => {
    fake.setScenario({ kind: 'hang', afterChars: 10, chunkSize: 10, text: 'Half an answer' });
    t = await start();
    const chat = await t.call('chats:create', {});
    const sent = await t.call('chat:send', { chatId: chat.id, content: 'Go' });
    await t.waitFor((e) => e.type === 'content_delta');
    await new Promise((r) => setTimeout(r, 250));
    // A crash: nothing is finalised; the file is all that is left.
    const copy = new Database(t.core.dbPath);
    copy.prepare("update messages set status = 'streaming' where id = ?").run(sent.assistantMessage!.id);
    copy.close();
    await t.call('chat:stop', { streamId: sent.streamId! });
    new Database(t.core.dbPath).prepare("update messages set status = 'streaming' where id = ?").run(sent.assistantMessage!.id);
    await t.restart();
    const page = await t.call('messages:list', { chatId: chat.id });
    expect(page.messages[1]).toMatchObject({ status: 'interrupted', content: 'Half an an' });
  });

  it('marks answers still streaming at a clean shutdown as interrupted', async () => {
    fake.setScenario({ kind: 'hang', afterChars: 8, chunkSize: 8 });
    t = await start();
    const chat = await t.call('chats:create', {});
    await t.call('chat:send', { chatId: chat.id, content: 'Go' });
    await t.waitFor((e) => e.type === 'content_delta');
    await t.restart();
    const page = await t.call('messages:list', { chatId: chat.id });
    expect(page.messages[1]!.status).toBe('interrupted');
    expect(page.messages[1]!.content.length).toBe(8);
  });
});

describe('chat:send errors', () => {
  const cases: { name: string; scenario: Parameters<FakeAnthropic['setScenario']>[0]; code: string; retryable: boolean; kept?: number; retryAfter?: number }[] = [
    { name: '401', scenario: { kind: 'http_error', status: 401, errorType: 'authentication_error' }, code: 'auth_failed', retryable: false },
    { name: '403', scenario: { kind: 'http_error', status: 403, errorType: 'permission_error' }, code: 'auth_failed', retryable: false },
    { name: '429 with retry-after', scenario: { kind: 'http_error', status: 429, errorType: 'rate_limit_error', retryAfterSeconds: 7 }, code: 'rate_limited', retryable: true, retryAfter: 7 },
    { name: '529', scenario: { kind: 'http_error', status: 529, errorType: 'overloaded_error' }, code: 'overloaded', retryable: true },
    { name: 'prompt too long', scenario: { kind: 'http_error', status: 400, errorType: 'invalid_request_error', message: 'prompt is too long: 250000 tokens > 200000 maximum' }, code: 'context_too_long', retryable: false },
    { name: '500', scenario: { kind: 'http_error', status: 500, errorType: 'api_error' }, code: 'provider_error', retryable: true },
    // Mid-stream failures are retried three times, each attempt adding the text it got before failing again.
    { name: 'overloaded mid-stream, every time', scenario: { kind: 'mid_stream_error', afterChars: 16, chunkSize: 8 }, code: 'overloaded', retryable: true, kept: 64 },
    { name: 'connection dropped mid-stream, every time', scenario: { kind: 'drop', afterChars: 16, chunkSize: 8 }, code: 'offline', retryable: true, kept: 64 },
  ];

  it.each(cases)('$name → $code, the message marked error with its text kept', async ({ scenario, code, retryable, kept, retryAfter }) => {
    fake.setScenario(scenario);
    t = await start();
    const { chat, sent, end } = await sendAndWait('Hello');
    expect(end).toMatchObject({ type: 'error', code, retryable, messageId: sent.assistantMessage!.id });
    if (retryAfter !== undefined) expect(end).toMatchObject({ retryAfterSeconds: retryAfter });
    const [user, answer] = (await t.call('messages:list', { chatId: chat.id })).messages;
    expect(user).toMatchObject({ content: 'Hello', status: 'complete' });
    expect(answer).toMatchObject({ status: 'error', metadata: { error: { code } } });
    expect(answer!.content.length).toBe(kept ?? 0);
  });

  it('a bad key is rejected as auth_failed', async () => {
    t = await start({ apiKey: 'sk-bad-key-0000' });
    const { end } = await sendAndWait('Hello');
    expect(end).toMatchObject({ type: 'error', code: 'auth_failed' });
  });

  it('no server listening → the question is queued, not failed', async () => {
    t = await startTestCore({ env: { ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' }, maxRetries: 0 });
    const chat = await t.call('chats:create', {});
    const sent = await t.call('chat:send', { chatId: chat.id, content: 'Hello' });
    expect(await t.waitFor((e) => e.streamId === sent.streamId && e.type !== 'message_start' && e.type !== 'retrying')).toMatchObject({ type: 'queued', userMessageId: sent.userMessage.id });
    expect(await t.call('outbox:list', {})).toEqual([expect.objectContaining({ messageId: sent.userMessage.id, chatId: chat.id })]);
    expect((await t.call('messages:list', { chatId: chat.id })).messages.map((m) => m.role)).toEqual(['user']);
  });

  it('the next message after an error still carries the earlier question once', async () => {
    fake.setScenario([{ kind: 'http_error', status: 500, errorType: 'api_error' }, { kind: 'text', text: 'ok' }]);
    t = await start();
    const { chat } = await sendAndWait('First');
    await t.call('chat:send', { chatId: chat.id, content: 'Second' });
    await t.waitFor((e) => e.type === 'message_end');
    expect((fake.messageRequests()[1]!.body as { messages: unknown }).messages).toEqual([{ role: 'user', content: 'First\n\nSecond' }]);
  });
});
