import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTINUE_PROMPT } from '../../src/main/core/chat/stream-service';
import { fakeAnthropicForFile } from './fake-anthropic-for-file';
import { startTestCore, type TestCore } from './core-harness';

let t: TestCore;
const fake = fakeAnthropicForFile();
afterEach(async () => {
  await t?.close();
});

const start = () => startTestCore({ env: { ANTHROPIC_BASE_URL: fake.url } });

async function ended(streamId: string) {
  return t.waitFor((e) => e.streamId === streamId && (e.type === 'message_end' || e.type === 'error'), 10_000);
}

async function exchange(chatId: string, content: string, answer: string) {
  fake.setScenario({ kind: 'text', text: answer });
  const sent = await t.call('chat:send', { chatId, content });
  await ended(sent.streamId!);
  return sent;
}

const transcript = async (chatId: string) =>
  (await t.call('messages:list', { chatId })).messages.map((m) => `${m.role}:${m.status}:${m.content}`);

describe('titles', () => {
  it('takes the first five words at once, then a generated title, and tells the renderer', async () => {
    t = await start();
    fake.setCompletionScenario({ kind: 'text', text: '"Lisbon packing list."' });
    const chat = await t.call('chats:create', {});
    const sent = await t.call('chat:send', { chatId: chat.id, content: 'Help me pack for Lisbon in March please' });
    expect((await t.call('chats:get', { id: chat.id })).title).toBe('Help me pack for Lisbon…');
    await ended(sent.streamId!);
    await expect.poll(async () => (await t.call('chats:get', { id: chat.id })).title).toBe('Lisbon packing list');
    expect(t.appEvents.flatMap((e) => (e.type === 'chat_updated' ? [e.chat.title] : []))).toEqual(['Help me pack for Lisbon…', 'Lisbon packing list']);
    const titleRequest = fake.completionRequests()[0]!.body as { model: string; messages: { content: string }[] };
    expect(titleRequest.model).toBe('claude-haiku-5-5');
    expect(titleRequest.messages[0]!.content).toBe('Help me pack for Lisbon in March please');
    // Only the first message names the chat.
    await exchange(chat.id, 'And what about shoes?', 'Comfortable ones.');
    expect((await t.call('chats:get', { id: chat.id })).title).toBe('Lisbon packing list');
    expect(fake.completionRequests()).toHaveLength(1);
  });

  it('never replaces a title the person chose, before or after the first message', async () => {
    t = await start();
    const named = await t.call('chats:create', { title: 'My own name' });
    await exchange(named.id, 'Hello there my friend, how are you', 'Fine');
    expect((await t.call('chats:get', { id: named.id })).title).toBe('My own name');

    fake.setCompletionScenario({ kind: 'text', text: 'Too late', initialDelayMs: 300 });
    const chat = await t.call('chats:create', {});
    const sent = await t.call('chat:send', { chatId: chat.id, content: 'What is a monad' });
    await t.call('chats:update', { id: chat.id, title: 'Renamed by me' });
    await ended(sent.streamId!);
    await new Promise((r) => setTimeout(r, 500));
    expect((await t.call('chats:get', { id: chat.id })).title).toBe('Renamed by me');
  });

  it('keeps the first title when the title request fails, and the answer is unaffected', async () => {
    t = await start();
    fake.setCompletionScenario({ kind: 'http_error', status: 500, errorType: 'api_error', shouldRetry: false });
    const chat = await t.call('chats:create', {});
    const sent = await t.call('chat:send', { chatId: chat.id, content: 'Short question' });
    expect(await ended(sent.streamId!)).toMatchObject({ type: 'message_end', status: 'complete' });
    await new Promise((r) => setTimeout(r, 200));
    expect((await t.call('chats:get', { id: chat.id })).title).toBe('Short question');
  });
});

describe('drafts', () => {
  it('keeps a draft per chat across a restart, and clears it when the message is sent', async () => {
    t = await start();
    const a = await t.call('chats:create', {});
    const b = await t.call('chats:create', {});
    expect(await t.call('drafts:get', { chatId: a.id })).toEqual({ chatId: a.id, content: '', updatedAt: null });
    await t.call('drafts:set', { chatId: a.id, content: 'half a thought\nsecond line' });
    await t.call('drafts:set', { chatId: b.id, content: 'other chat' });
    await t.restart();
    expect((await t.call('drafts:get', { chatId: a.id })).content).toBe('half a thought\nsecond line');
    expect((await t.call('drafts:get', { chatId: b.id })).content).toBe('other chat');
    await exchange(a.id, 'half a thought', 'ok');
    expect((await t.call('drafts:get', { chatId: a.id })).content).toBe('');
    await t.call('drafts:set', { chatId: b.id, content: '   ' });
    expect((await t.call('drafts:get', { chatId: b.id })).updatedAt).toBeNull();
    expect((await t.fail('drafts:set', { chatId: '00000000-0000-4000-8000-000000000000', content: 'x' })).code).toBe('not_found');
  });
});

describe('regenerate, edit, continue', () => {
  it('regenerates the last answer, deleting the old one', async () => {
    t = await start();
    const chat = await t.call('chats:create', {});
    await exchange(chat.id, 'Q1', 'A1');
    const second = await exchange(chat.id, 'Q2', 'A2');
    fake.setScenario({ kind: 'text', text: 'A2 again' });
    const result = await t.call('chat:regenerate', { chatId: chat.id });
    expect(result.removedMessageIds).toEqual([second.assistantMessage!.id]);
    expect(result.assistantMessage).toMatchObject({ status: 'streaming', content: '' });
    await ended(result.streamId!);
    expect(await transcript(chat.id)).toEqual(['user:complete:Q1', 'assistant:complete:A1', 'user:complete:Q2', 'assistant:complete:A2 again']);
    const body = fake.messageRequests().at(-1)!.body as { messages: unknown[] };
    expect(body.messages).toEqual([
      { role: 'user', content: 'Q1' },
      { role: 'assistant', content: 'A1' },
      { role: 'user', content: 'Q2' },
    ]);
  });

  it('retries after an error by replacing the failed answer', async () => {
    t = await start();
    const chat = await t.call('chats:create', {});
    fake.setScenario({ kind: 'http_error', status: 529, errorType: 'overloaded_error', shouldRetry: false });
    const sent = await t.call('chat:send', { chatId: chat.id, content: 'Q' });
    expect(await ended(sent.streamId!)).toMatchObject({ type: 'error', code: 'overloaded' });
    fake.setScenario({ kind: 'text', text: 'Now it works' });
    const retry = await t.call('chat:regenerate', { chatId: chat.id });
    await ended(retry.streamId!);
    expect(await transcript(chat.id)).toEqual(['user:complete:Q', 'assistant:complete:Now it works']);
  });

  it('edits a question: the text changes, everything after it is replaced by one new answer', async () => {
    t = await start();
    const chat = await t.call('chats:create', {});
    const first = await exchange(chat.id, 'Q1', 'A1');
    const second = await exchange(chat.id, 'Q2', 'A2');
    fake.setScenario({ kind: 'text', text: 'A1 for the better question' });
    const result = await t.call('chat:edit', { messageId: first.userMessage.id, content: '  Q1, better  ' });
    expect(result.userMessage).toMatchObject({ id: first.userMessage.id, content: 'Q1, better' });
    expect(result.removedMessageIds).toEqual([first.assistantMessage!.id, second.userMessage.id, second.assistantMessage!.id]);
    await ended(result.streamId!);
    expect(await transcript(chat.id)).toEqual(['user:complete:Q1, better', 'assistant:complete:A1 for the better question']);
    expect((fake.messageRequests().at(-1)!.body as { messages: unknown[] }).messages).toEqual([{ role: 'user', content: 'Q1, better' }]);
    expect((await t.fail('chat:edit', { messageId: result.assistantMessage.id, content: 'x' })).code).toBe('invalid_input');
  });

  it('continues a stopped answer in the same message, with the partial text sent back', async () => {
    t = await start();
    const chat = await t.call('chats:create', {});
    fake.setScenario({ kind: 'hang', afterChars: 16, chunkSize: 8, text: 'The first part  and then more' });
    const sent = await t.call('chat:send', { chatId: chat.id, content: 'Tell me' });
    await t.waitFor((e) => e.type === 'content_delta');
    await new Promise((r) => setTimeout(r, 100));
    await t.call('chat:stop', { streamId: sent.streamId! });
    expect((await transcript(chat.id))[1]).toBe('assistant:stopped:The first part  ');

    fake.setScenario({ kind: 'text', text: ' and the rest.', outputTokens: 5 });
    const result = await t.call('chat:continue', { messageId: sent.assistantMessage!.id });
    expect(result.assistantMessage).toMatchObject({ id: sent.assistantMessage!.id, status: 'streaming', content: 'The first part' });
    const end = await ended(result.streamId!);
    expect(end).toMatchObject({ type: 'message_end', status: 'complete', content: 'The first part and the rest.' });
    const deltas = t.events.filter((e) => e.streamId === result.streamId! && e.type === 'content_delta');
    expect(deltas[0]).toMatchObject({ offset: 'The first part'.length });
    expect(await transcript(chat.id)).toEqual(['user:complete:Tell me', 'assistant:complete:The first part and the rest.']);
    expect((fake.messageRequests().at(-1)!.body as { messages: unknown[] }).messages).toEqual([
      { role: 'user', content: 'Tell me' },
      { role: 'assistant', content: 'The first part' },
      { role: 'user', content: CONTINUE_PROMPT },
    ]);
  });

  it('continues an answer interrupted by a restart, and refuses what cannot be continued', async () => {
    t = await start();
    const chat = await t.call('chats:create', {});
    fake.setScenario({ kind: 'hang', afterChars: 8, chunkSize: 8, text: 'Halfway there' });
    const sent = await t.call('chat:send', { chatId: chat.id, content: 'Go' });
    await t.waitFor((e) => e.type === 'content_delta');
    await t.restart();
    fake.setScenario({ kind: 'text', text: ' done' });
    const result = await t.call('chat:continue', { messageId: sent.assistantMessage!.id });
    await ended(result.streamId!);
    expect((await transcript(chat.id))[1]).toBe('assistant:complete:Halfway done');
    expect((await t.fail('chat:continue', { messageId: sent.assistantMessage!.id })).code).toBe('invalid_input');
    expect((await t.fail('chat:continue', { messageId: sent.userMessage.id })).code).toBe('invalid_input');
  });

  it('refuses a second answer while one is streaming, for every action', async () => {
    t = await start();
    const chat = await t.call('chats:create', {});
    fake.setScenario({ kind: 'hang' });
    const sent = await t.call('chat:send', { chatId: chat.id, content: 'Q' });
    expect((await t.fail('chat:regenerate', { chatId: chat.id })).code).toBe('stream_busy');
    expect((await t.fail('chat:edit', { messageId: sent.userMessage.id, content: 'Q2' })).code).toBe('stream_busy');
    expect((await t.fail('chat:send', { chatId: chat.id, content: 'Q3' })).code).toBe('stream_busy');
    await t.call('chat:stop', { streamId: sent.streamId! });
    fake.setScenario({ kind: 'text', text: 'fine' });
    const again = await t.call('chat:regenerate', { chatId: chat.id });
    await ended(again.streamId!);
  });

  it('records usage per request and adds up the tokens of a continued answer', async () => {
    t = await start();
    const chat = await t.call('chats:create', {});
    fake.setScenario({ kind: 'text', text: 'abc', inputTokens: 10, outputTokens: 3, stopReason: 'max_tokens' });
    const sent = await t.call('chat:send', { chatId: chat.id, content: 'Go' });
    await ended(sent.streamId!);
    await t.call('messages:list', { chatId: chat.id });
    // A complete answer cannot be continued; mark it stopped as a person pressing Stop at the end would.
    const db = new Database(t.core.dbPath);
    db.prepare("update messages set status = 'stopped' where id = ?").run(sent.assistantMessage!.id);
    db.close();
    fake.setScenario({ kind: 'text', text: 'def', inputTokens: 14, outputTokens: 4 });
    const more = await t.call('chat:continue', { messageId: sent.assistantMessage!.id });
    const end = await ended(more.streamId!);
    expect(end).toMatchObject({ metadata: { inputTokens: 24, outputTokens: 7 } });
    const ro = new Database(t.core.dbPath, { readonly: true });
    expect(ro.prepare('select input_tokens, output_tokens from usage_records where message_id = ? order by created_at').all(sent.assistantMessage!.id)).toEqual([
      { input_tokens: 10, output_tokens: 3 },
      { input_tokens: 14, output_tokens: 4 },
    ]);
    ro.close();
  });
});
