import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Anthropic, {
  AnthropicError,
  APIConnectionError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  OverloadedError,
  RateLimitError,
} from '@anthropic-ai/sdk';
import { DEFAULT_ANSWER, startFakeAnthropic } from '../fakes/anthropic-server';
import type { FakeAnthropic, Scenario } from '../fakes/anthropic-server';

const MODEL = 'claude-sonnet-5-5';

let fake: FakeAnthropic;

function client(apiKey = 'sk-test'): Anthropic {
  return new Anthropic({ apiKey, baseURL: fake.url, maxRetries: 0 });
}

function streamOf(c: Anthropic, options?: { signal?: AbortSignal }) {
  return c.messages.stream(
    { model: MODEL, max_tokens: 256, system: 'You are terse.', messages: [{ role: 'user', content: 'Hello?' }] },
    options,
  );
}

/** Runs a stream to the end; returns the text chunks received and the error it failed with. */
async function collect(stream: ReturnType<typeof streamOf>): Promise<{ chunks: string[]; error: unknown }> {
  const chunks: string[] = [];
  stream.on('text', (delta) => chunks.push(delta));
  try {
    await stream.finalMessage();
    return { chunks, error: undefined };
  } catch (error) {
    return { chunks, error };
  }
}

async function control(path: string, body?: unknown): Promise<Response> {
  return fetch(`${fake.url}/__control/${path}`, {
    method: body === undefined && path === 'requests' ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

beforeAll(async () => {
  fake = await startFakeAnthropic();
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.reset();
});

describe('fake Anthropic server with the real SDK', () => {
  it('streams text in the configured chunks and finishes with usage and stop_reason', async () => {
    fake.setScenario({
      kind: 'text',
      text: 'Hello, **world**! 👋 Bye.',
      chunkSize: 5,
      inputTokens: 42,
      outputTokens: 7,
      stopReason: 'max_tokens',
      cacheCreationInputTokens: 3,
      cacheReadInputTokens: 11,
    });
    const stream = streamOf(client());
    const chunks: string[] = [];
    stream.on('text', (delta) => chunks.push(delta));
    const message = await stream.finalMessage();

    expect(chunks).toEqual(['Hello', ', **w', 'orld*', '*! 👋 ', 'Bye.']);
    expect(message.model).toBe(MODEL);
    expect(message.role).toBe('assistant');
    expect(message.id).toMatch(/^msg_/);
    expect(message.content).toEqual([{ type: 'text', text: 'Hello, **world**! 👋 Bye.', citations: null }]);
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage).toMatchObject({
      input_tokens: 42,
      output_tokens: 7,
      cache_creation_input_tokens: 3,
      cache_read_input_tokens: 11,
    });
  });

  it('records the request: model, messages, system, stream flag and the key header', async () => {
    await streamOf(client()).finalMessage();
    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/v1/messages');
    expect(req?.body).toMatchObject({
      model: MODEL,
      max_tokens: 256,
      stream: true,
      system: 'You are terse.',
      messages: [{ role: 'user', content: 'Hello?' }],
    });
    // SDK 1.x sends the API key as `Authorization: Bearer …` (not x-api-key).
    expect(req?.headers['authorization']).toBe('Bearer sk-test');
    expect(req?.apiKey).toBe('sk-test');
    expect(req?.headers['anthropic-version']).toBeTruthy();
    expect(typeof req?.receivedAt).toBe('number');
    expect(fake.messageRequests()).toHaveLength(1);
  });

  it('sends the real SSE event sequence, with pings the SDK skips', async () => {
    fake.setScenario({ kind: 'text', text: 'abcdefghij', chunkSize: 2 });
    const res = await fetch(`${fake.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': 'sk-test', 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, max_tokens: 10, stream: true, messages: [] }),
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = [...(await res.text()).matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'ping',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
  });

  it('answers non-streaming requests with a JSON Message and lists models', async () => {
    fake.setCompletionScenario({ kind: 'text', text: 'A short title' });
    const c = client();
    const message = await c.messages.create({ model: MODEL, max_tokens: 20, messages: [{ role: 'user', content: 'x' }] });
    expect(message.content).toEqual([{ type: 'text', text: 'A short title', citations: null }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.output_tokens).toBeGreaterThan(0);

    const page = await c.models.list();
    expect(page.data.map((m) => m.id)).toContain(MODEL);
    expect(page.has_more).toBe(false);
    expect(page.first_id).toBe(page.data[0]?.id);
    expect(page.last_id).toBe(page.data.at(-1)?.id);
  });

  it('rejects sk-bad…, "invalid" and missing keys with 401 regardless of the scenario', async () => {
    fake.setScenario([{ kind: 'http_error', status: 529, errorType: 'overloaded_error' }, { kind: 'text' }]);
    const { error } = await collect(streamOf(client('sk-bad-123')));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).type).toBe('authentication_error');

    await expect(client('invalid').models.list()).rejects.toBeInstanceOf(AuthenticationError);
    const missing = await fetch(`${fake.url}/v1/messages`, {
      method: 'POST',
      body: JSON.stringify({ model: MODEL, max_tokens: 1, messages: [] }),
    });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });

    // The 401s did not consume the queue: the next good request still gets the 529.
    const next = await collect(streamOf(client()));
    expect(next.error).toBeInstanceOf(OverloadedError);
  });

  it('accepts the key in x-api-key too', async () => {
    const res = await fetch(`${fake.url}/v1/models`, { headers: { 'x-api-key': 'sk-test' } });
    expect(res.status).toBe(200);
    expect(fake.requests[0]?.apiKey).toBe('sk-test');
  });

  it('maps http_error scenarios to the SDK error classes (429 with retry-after, 529, 400)', async () => {
    fake.setScenario([
      { kind: 'http_error', status: 429, errorType: 'rate_limit_error', retryAfterSeconds: 7 },
      { kind: 'http_error', status: 529, errorType: 'overloaded_error' },
      { kind: 'http_error', status: 400, errorType: 'invalid_request_error', message: 'prompt is too long: 250000 tokens > 200000 maximum' },
    ]);
    const rate = (await collect(streamOf(client()))).error;
    expect(rate).toBeInstanceOf(RateLimitError);
    expect((rate as RateLimitError).status).toBe(429);
    expect((rate as RateLimitError).type).toBe('rate_limit_error');
    expect((rate as RateLimitError).headers.get('retry-after')).toBe('7');

    const overloaded = (await collect(streamOf(client()))).error;
    expect(overloaded).toBeInstanceOf(OverloadedError);
    expect((overloaded as APIError).status).toBe(529);
    expect((overloaded as APIError).type).toBe('overloaded_error');

    const tooLong = (await collect(streamOf(client()))).error;
    expect(tooLong).toBeInstanceOf(BadRequestError);
    expect((tooLong as APIError).type).toBe('invalid_request_error');
    expect((tooLong as APIError).apiMessage).toMatch(/prompt is too long/);
  });

  it('mid-stream error: some text arrives, then an APIError (no status) of type overloaded_error', async () => {
    fake.setScenario({ kind: 'mid_stream_error', afterChars: 12, chunkSize: 4 });
    const { chunks, error } = await collect(streamOf(client()));
    expect(chunks.join('')).toBe(DEFAULT_ANSWER.slice(0, 12));
    expect(error).toBeInstanceOf(APIError);
    expect(error).not.toBeInstanceOf(OverloadedError);
    expect((error as APIError).status).toBeUndefined();
    expect((error as APIError).type).toBe('overloaded_error');
    expect((error as APIError).error).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });

    // Iterating the stream throws the same kind of error after the first events.
    const stream = streamOf(client());
    let deltas = 0;
    const iterate = async (): Promise<void> => {
      for await (const event of stream) if (event.type === 'content_block_delta') deltas++;
    };
    await expect(iterate()).rejects.toMatchObject({ type: 'overloaded_error' });
    expect(deltas).toBe(3);
  });

  it('drop: some text arrives, then the SDK fails with a connection error', async () => {
    fake.setScenario([{ kind: 'drop', afterChars: 10, chunkSize: 5 }, { kind: 'drop', afterChars: 0, beforeHeaders: true }]);
    const { chunks, error } = await collect(streamOf(client()));
    expect(chunks.join('')).toBe(DEFAULT_ANSWER.slice(0, 10));
    // Mid-body, MessageStream wraps undici's `TypeError: terminated` in a plain AnthropicError.
    expect(error).toBeInstanceOf(AnthropicError);
    expect(error).not.toBeInstanceOf(APIError);
    expect((error as Error).message).toBe('terminated');

    // Before the headers, it is an APIConnectionError.
    const early = (await collect(streamOf(client()))).error;
    expect(early).toBeInstanceOf(APIConnectionError);
  });

  it('hang: aborting via AbortController rejects with APIUserAbortError', async () => {
    fake.setScenario({ kind: 'hang', afterChars: 6 });
    const abort = new AbortController();
    const stream = streamOf(client(), { signal: abort.signal });
    const chunks: string[] = [];
    stream.on('text', (delta) => {
      chunks.push(delta);
      abort.abort();
    });
    await expect(stream.finalMessage()).rejects.toBeInstanceOf(APIUserAbortError);
    expect(stream.aborted).toBe(true);
    expect(chunks.join('')).toBe(DEFAULT_ANSWER.slice(0, 6));
  });

  it('close() does not hang on open hanging requests', async () => {
    const other = await startFakeAnthropic({
      scenario: { kind: 'hang', sendHeaders: false },
      completionScenario: { kind: 'hang', sendHeaders: false },
    });
    const c = new Anthropic({ apiKey: 'sk-test', baseURL: other.url, maxRetries: 0 });
    const pending = c.messages.create({ model: MODEL, max_tokens: 5, messages: [] }).then(
      () => 'resolved',
      (e: unknown) => e,
    );
    const hungStream = c.messages.stream({ model: MODEL, max_tokens: 5, messages: [] });
    hungStream.on('error', () => {});
    for (let i = 0; i < 50 && other.requests.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(other.requests).toHaveLength(2);
    const started = Date.now();
    await other.close();
    await other.close(); // idempotent
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(APIConnectionError);
  });

  it('applies a scenario queue one per request, repeating the last', async () => {
    fake.setScenario([
      { kind: 'http_error', status: 500, errorType: 'api_error' },
      { kind: 'text', text: 'ok' },
    ]);
    const results: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await collect(streamOf(client()));
      results.push(r.error ? (r.error as APIError).status : r.chunks.join(''));
    }
    expect(results).toEqual([500, 'ok', 'ok']);
  });

  it('control API: set scenario, read requests, reset — over HTTP, without being recorded', async () => {
    const bad = await control('scenario', { kind: 'nope' });
    expect(bad.status).toBe(400);

    const scenario: Scenario = { kind: 'text', text: 'from control', chunkSize: 100 };
    expect((await control('scenario', [scenario])).status).toBe(200);
    const { chunks } = await collect(streamOf(client()));
    expect(chunks).toEqual(['from control']);

    const recorded = (await (await control('requests')).json()) as { path: string; body: { model: string } }[];
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.path).toBe('/v1/messages');
    expect(recorded[0]?.body.model).toBe(MODEL);

    expect((await control('reset', {})).status).toBe(200);
    expect(fake.requests).toHaveLength(0);
    const after = await collect(streamOf(client()));
    expect(after.chunks.join('')).toBe(DEFAULT_ANSWER);
  });

  it('CLI prints one FAKE_ANTHROPIC_URL line and stops on SIGTERM', async () => {
    const cli = fileURLToPath(new URL('../fakes/anthropic-server-cli.ts', import.meta.url));
    const child = spawn(process.execPath, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`CLI did not start: ${out}`)), 4000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const match = /^FAKE_ANTHROPIC_URL=(http:\/\/127\.0\.0\.1:\d+)\n$/.exec(out);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.on('exit', (code) => reject(new Error(`CLI exited early with ${code}`)));
      });
      const res = await fetch(`${url}/v1/models`, { headers: { authorization: 'Bearer sk-test' } });
      expect(res.status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out.split('\n').filter(Boolean)).toHaveLength(1);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
