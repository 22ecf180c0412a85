/**
 * A fake Anthropic Messages API for tests.
 *
 * It speaks the real protocol closely enough for the real `@anthropic-ai/sdk` (1.x) to work
 * against it with `baseURL` set to `fake.url`:
 *
 * - `POST /v1/messages` with `stream: true` answers with the SSE event sequence of the real API
 *   (`message_start`, `content_block_start`, `ping`, `content_block_delta`…, `content_block_stop`,
 *   `message_delta`, `message_stop`); without `stream` it answers with a JSON `Message`.
 * - `GET /v1/models` (a one-page list) and `GET /v1/models/{id}`.
 * - Errors use the real body shape `{ type: 'error', error: { type, message }, request_id }`.
 *
 * Behaviour is set per test with scenarios (see `Scenario`), either in-process via
 * `setScenario()` or from another process via the control API under `/__control/`.
 *
 * Only erasable TypeScript syntax is used, so Node 24 can run this file directly.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import type {
  Message,
  RawMessageStreamEvent,
  StopReason,
  Usage,
} from '@anthropic-ai/sdk/resources/messages';
import type { ModelInfo } from '@anthropic-ai/sdk/resources/models';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export type { StopReason };

/** How streamed text is paced. Shared by the scenarios that stream text. */
export interface StreamPacing {
  /** Characters (Unicode code points) per `text_delta`. Default 8. */
  chunkSize?: number;
  /** Delay between deltas in ms. Default 0 (capped at 10 s). */
  delayMs?: number;
  /** Delay before the response headers are sent, in ms. Default 0 (capped at 30 s). */
  initialDelayMs?: number;
}

/** A successful answer. */
export interface TextScenario extends StreamPacing {
  kind: 'text';
  /** The answer. Default: `DEFAULT_ANSWER`, a short markdown answer. */
  text?: string;
  /** Default: a rough estimate from the request (characters of system + messages / 4). */
  inputTokens?: number;
  /** Default: ceil(text length / 4). */
  outputTokens?: number;
  /** Default 'end_turn'. */
  stopReason?: StopReason;
  /** Default 0. */
  cacheCreationInputTokens?: number;
  /** Default 0. */
  cacheReadInputTokens?: number;
}

/** A non-2xx JSON error response, before any streaming. */
export interface HttpErrorScenario {
  kind: 'http_error';
  status: number;
  /** e.g. 'authentication_error', 'permission_error', 'rate_limit_error', 'overloaded_error',
   * 'invalid_request_error', 'api_error'. */
  errorType: string;
  /** Default: a message typical for `errorType`. */
  message?: string;
  /** Sets the `retry-after` header (seconds). */
  retryAfterSeconds?: number;
  /** Sets the `x-should-retry` header ('true' / 'false'), which the SDK obeys over its defaults. */
  shouldRetry?: boolean;
  /** Delay before the response, in ms. Default 0. */
  initialDelayMs?: number;
}

/** A 200 SSE stream that sends some text and then an `event: error` (as the real API does when
 * it becomes overloaded mid-answer), then ends the response. For non-streaming requests this
 * becomes an HTTP error with the status that fits `errorType` (overloaded_error → 529). */
export interface MidStreamErrorScenario extends StreamPacing {
  kind: 'mid_stream_error';
  /** Characters of text streamed before the error. */
  afterChars: number;
  /** Default 'overloaded_error'. */
  errorType?: string;
  /** Default 'Overloaded' (or a message typical for `errorType`). */
  message?: string;
  /** Text the first `afterChars` characters come from (repeated if too short). Default `DEFAULT_ANSWER`. */
  text?: string;
}

/** The connection is destroyed mid-stream, after `afterChars` characters of text.
 * With `beforeHeaders: true` it is destroyed before any response byte (a connection error at
 * request time). Non-streaming requests are always dropped before the headers. */
export interface DropScenario extends StreamPacing {
  kind: 'drop';
  afterChars: number;
  beforeHeaders?: boolean;
  /** Text the first `afterChars` characters come from (repeated if too short). Default `DEFAULT_ANSWER`. */
  text?: string;
}

/** The request is accepted and never finished (for abort / stop tests).
 * By default the 200 SSE headers plus `message_start` and `content_block_start` are sent (so
 * `stream.on('connect')` fires), then `afterChars` characters of text (default 0), then nothing.
 * With `sendHeaders: false` nothing at all is sent. The socket is destroyed by `close()`, when the
 * client goes away, or after `maxMs` (default 60 s, capped at 10 min) so nothing hangs forever. */
export interface HangScenario {
  kind: 'hang';
  sendHeaders?: boolean;
  afterChars?: number;
  chunkSize?: number;
  text?: string;
  maxMs?: number;
}

export type Scenario =
  | TextScenario
  | HttpErrorScenario
  | MidStreamErrorScenario
  | DropScenario
  | HangScenario;

export type ScenarioKind = Scenario['kind'];

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. '/v1/messages'. */
  path: string;
  query: Record<string, string>;
  /** Header names lowercased; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** Parsed JSON body, or null when the body was empty or not JSON. */
  body: unknown;
  rawBody: string;
  /** Date.now() when the request was received. */
  receivedAt: number;
  /** The API key the request carried (from `x-api-key` or `Authorization: Bearer`), or null. */
  apiKey: string | null;
}

export interface FakeAnthropicOptions {
  /** Default 0 (a random free port). */
  port?: number;
  /** Only 127.0.0.1 is supported. */
  host?: '127.0.0.1';
  /** Initial scenario(s) for streaming requests. Default `{ kind: 'text' }`. */
  scenario?: Scenario | Scenario[];
  /** Initial scenario(s) for non-streaming requests (titles). Default `DEFAULT_COMPLETION`. */
  completionScenario?: Scenario | Scenario[];
}

export interface FakeAnthropic {
  /** e.g. 'http://127.0.0.1:41234' — pass it as the SDK's `baseURL`. */
  readonly url: string;
  readonly port: number;
  /** Every API request received (all paths outside `/__control/`), oldest first. */
  readonly requests: RecordedRequest[];
  /** Recorded streaming `POST /v1/messages` requests only (the chat answers). */
  messageRequests(): RecordedRequest[];
  /** Recorded non-streaming `POST /v1/messages` requests only (background work such as titles). */
  completionRequests(): RecordedRequest[];
  /** Like setScenario, for non-streaming requests: they have their own queue, so background
   * requests never eat a chat test's scenarios. */
  setCompletionScenario(scenario: Scenario | Scenario[]): void;
  /** One scenario for every following request, or a queue consumed one per `/v1/messages`
   * request whose last entry repeats. */
  setScenario(scenario: Scenario | Scenario[]): void;
  /** Clears the recorded requests and restores the default scenario (`{ kind: 'text' }`). */
  reset(): void;
  /** Stops the server and destroys every open socket (including hanging ones). Idempotent. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------

export const DEFAULT_ANSWER =
  'Here is a **short** answer.\n\n' +
  '- First point\n' +
  '- Second point\n\n' +
  '```ts\nconst answer = 42;\n```\n\n' +
  'Let me know if you need more.';

export const DEFAULT_SCENARIO: TextScenario = { kind: 'text' };
export const DEFAULT_COMPLETION: TextScenario = { kind: 'text', text: 'Fake chat title' };

export const FAKE_MODELS: readonly { id: string; display_name: string; line: 'sonnet' | 'opus' | 'haiku' }[] = [
  { id: 'claude-sonnet-5-5', display_name: 'Claude Sonnet 5.5', line: 'sonnet' },
  { id: 'claude-opus-5-5', display_name: 'Claude Opus 5.5', line: 'opus' },
  { id: 'claude-haiku-5-5', display_name: 'Claude Haiku 5.5', line: 'haiku' },
];

const SCENARIO_KINDS: readonly ScenarioKind[] = ['text', 'http_error', 'mid_stream_error', 'drop', 'hang'];

const MAX_DELAY_MS = 10_000;
const MAX_INITIAL_DELAY_MS = 30_000;
const DEFAULT_HANG_MS = 60_000;
const MAX_HANG_MS = 600_000;
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const MAX_CHARS = 1_000_000;
/** A `ping` event after every this many deltas (the real API pings periodically). */
const PING_EVERY = 4;

const DEFAULT_ERROR_MESSAGES: Record<string, string> = {
  invalid_request_error: 'Invalid request',
  authentication_error: 'invalid x-api-key',
  billing_error: 'Your credit balance is too low to access the Anthropic API.',
  permission_error: 'Your API key does not have permission to use the specified resource.',
  not_found_error: 'Not found',
  request_too_large: 'Request exceeds the maximum allowed number of bytes.',
  rate_limit_error: 'Number of request tokens has exceeded your per-minute rate limit',
  api_error: 'Internal server error',
  overloaded_error: 'Overloaded',
  timeout_error: 'Request timed out',
};

const STATUS_FOR_ERROR_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function clampInt(value: unknown, fallback: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

function randomId(prefix: string, length = 24): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = prefix;
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** Splits into chunks of `size` code points (never splits a surrogate pair). */
function chunkText(text: string, size: number): string[] {
  const points = Array.from(text);
  const chunks: string[] = [];
  for (let i = 0; i < points.length; i += size) chunks.push(points.slice(i, i + size).join(''));
  return chunks;
}

/** The first `count` code points of `text`, repeated when it is too short. */
function takeChars(text: string, count: number): string {
  const points = Array.from(text.length > 0 ? text : DEFAULT_ANSWER);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(points[i % points.length] as string);
  return out.join('');
}

function errorMessageFor(type: string, message: string | undefined): string {
  return message ?? DEFAULT_ERROR_MESSAGES[type] ?? 'Error';
}

function statusForErrorType(type: string): number {
  return STATUS_FOR_ERROR_TYPE[type] ?? 500;
}

function estimateInputTokens(body: unknown): number {
  if (!body || typeof body !== 'object') return 1;
  const b = body as { system?: unknown; messages?: unknown };
  const chars = JSON.stringify(b.system ?? '').length + JSON.stringify(b.messages ?? []).length;
  return Math.max(1, Math.ceil(chars / 4));
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function apiKeyOf(headers: Record<string, string>): string | null {
  const xApiKey = headers['x-api-key'];
  if (xApiKey) return xApiKey.trim();
  const authorization = headers['authorization'];
  if (authorization) {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (match?.[1]) return match[1].trim();
  }
  return null;
}

/** Returns an error string if `value` is not a usable scenario. */
export function validateScenario(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'scenario must be an object';
  const s = value as Record<string, unknown>;
  if (typeof s.kind !== 'string' || !SCENARIO_KINDS.includes(s.kind as ScenarioKind)) {
    return `scenario.kind must be one of ${SCENARIO_KINDS.join(', ')}`;
  }
  if (s.kind === 'http_error') {
    if (typeof s.status !== 'number' || s.status < 400 || s.status > 599) {
      return 'http_error.status must be a number in 400..599';
    }
    if (typeof s.errorType !== 'string') return 'http_error.errorType must be a string';
  }
  if ((s.kind === 'mid_stream_error' || s.kind === 'drop') && typeof s.afterChars !== 'number') {
    return `${s.kind}.afterChars must be a number`;
  }
  if (s.text !== undefined && typeof s.text !== 'string') return 'scenario.text must be a string';
  return null;
}

interface MessagesBody {
  model: string;
  max_tokens: number;
  messages: unknown[];
  system?: unknown;
  stream?: boolean;
}

interface RequestContext {
  closed: boolean;
}

// ---------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------

export async function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('startFakeAnthropic: only 127.0.0.1 is supported');

  const requests: RecordedRequest[] = [];
  let queue: Scenario[] = [DEFAULT_SCENARIO];
  let completionQueue: Scenario[] = [DEFAULT_COMPLETION];
  const sockets = new Set<Socket>();
  /** Pending sleeps: resolved early by close(). */
  const sleepers = new Map<NodeJS.Timeout, () => void>();
  let closing = false;
  let closePromise: Promise<void> | null = null;

  function checked(scenario: Scenario | Scenario[]): Scenario[] {
    const list = Array.isArray(scenario) ? [...scenario] : [scenario];
    for (const s of list) {
      const problem = validateScenario(s);
      if (problem) throw new Error(`Invalid scenario: ${problem}`);
    }
    return list;
  }

  function setQueue(scenario: Scenario | Scenario[]): void {
    const list = checked(scenario);
    queue = list.length > 0 ? list : [DEFAULT_SCENARIO];
  }

  function setCompletionQueue(scenario: Scenario | Scenario[]): void {
    const list = checked(scenario);
    completionQueue = list.length > 0 ? list : [DEFAULT_COMPLETION];
  }

  function nextScenario(stream: boolean): Scenario {
    if (!stream) {
      const current = completionQueue[0] ?? DEFAULT_COMPLETION;
      if (completionQueue.length > 1) completionQueue = completionQueue.slice(1);
      return current;
    }
    const current = queue[0] ?? DEFAULT_SCENARIO;
    if (queue.length > 1) queue = queue.slice(1);
    return current;
  }

  function sleep(ms: number): Promise<void> {
    if (ms <= 0 || closing) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        sleepers.delete(timer);
        resolve();
      }, ms);
      sleepers.set(timer, resolve);
    });
  }

  if (options.scenario) setQueue(options.scenario);
  if (options.completionScenario) setCompletionQueue(options.completionScenario);

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        sendJson(res, 500, errorBody('api_error', `fake server error: ${String(err)}`));
      } else {
        res.destroy();
      }
    });
  });

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (closing) socket.destroy();
  });

  // -- responses ------------------------------------------------------------------------------

  function errorBody(type: string, message: string): object {
    return { type: 'error', error: { type, message }, request_id: randomId('req_fake_') };
  }

  function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
    if (res.destroyed || res.writableEnded) return;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text).toString(),
      'request-id': randomId('req_fake_'),
      ...extra,
    });
    res.end(text);
  }

  function sendError(res: ServerResponse, status: number, type: string, message?: string, extra: Record<string, string> = {}): void {
    sendJson(res, status, errorBody(type, errorMessageFor(type, message)), extra);
  }

  function startSse(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'request-id': randomId('req_fake_'),
    });
    res.flushHeaders();
  }

  function writeEvent(res: ServerResponse, ctx: RequestContext, event: RawMessageStreamEvent | { type: 'ping' }): boolean {
    if (ctx.closed || res.destroyed || res.writableEnded) return false;
    res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    return true;
  }

  function writeRawEvent(res: ServerResponse, ctx: RequestContext, name: string, data: unknown): boolean {
    if (ctx.closed || res.destroyed || res.writableEnded) return false;
    res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
    return true;
  }

  function usageFor(input: number, output: number, cacheCreation: number, cacheRead: number): Usage {
    return {
      input_tokens: input,
      output_tokens: output,
      cache_creation_input_tokens: cacheCreation,
      cache_read_input_tokens: cacheRead,
      cache_creation: { ephemeral_5m_input_tokens: cacheCreation, ephemeral_1h_input_tokens: 0 },
      inference_geo: null,
      output_tokens_details: null,
      server_tool_use: null,
      service_tier: 'standard',
      speed: null,
    };
  }

  function baseMessage(model: string, usage: Usage): Message {
    return {
      id: randomId('msg_01'),
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      container: null,
      diagnostics: null,
      stop_details: null,
      stop_reason: null,
      stop_sequence: null,
      usage,
    };
  }

  /** message_start + content_block_start + ping. */
  function writePrelude(res: ServerResponse, ctx: RequestContext, model: string, inputTokens: number, cacheCreation: number, cacheRead: number): void {
    writeEvent(res, ctx, {
      type: 'message_start',
      message: baseMessage(model, usageFor(inputTokens, 1, cacheCreation, cacheRead)),
    });
    writeEvent(res, ctx, { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '', citations: null } });
    writeEvent(res, ctx, { type: 'ping' });
  }

  /** Streams `text` as text deltas. Returns false if the client went away or the server closed. */
  async function writeDeltas(res: ServerResponse, ctx: RequestContext, text: string, chunkSize: number, delayMs: number): Promise<boolean> {
    const chunks = chunkText(text, chunkSize);
    for (let i = 0; i < chunks.length; i++) {
      if (i > 0 && delayMs > 0) await sleep(delayMs);
      if (closing) return false;
      if (i > 0 && i % PING_EVERY === 0) writeEvent(res, ctx, { type: 'ping' });
      const ok = writeEvent(res, ctx, {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'text_delta', text: chunks[i] as string },
      });
      if (!ok) return false;
    }
    return !ctx.closed && !closing;
  }

  function pacing(s: StreamPacing): { chunkSize: number; delayMs: number; initialDelayMs: number } {
    return {
      chunkSize: clampInt(s.chunkSize, 8, 1, MAX_CHARS),
      delayMs: clampInt(s.delayMs, 0, 0, MAX_DELAY_MS),
      initialDelayMs: clampInt(s.initialDelayMs, 0, 0, MAX_INITIAL_DELAY_MS),
    };
  }

  function destroyAfterFlush(res: ServerResponse): void {
    const socket = res.socket;
    if (!socket || socket.destroyed) return;
    // An empty write's callback runs once everything written before it has been flushed.
    socket.write('', () => socket.destroy());
    // In case the flush never completes (client stopped reading), do not keep it open.
    const timer = setTimeout(() => socket.destroy(), 1_000);
    timer.unref();
  }

  // -- request handling ----------------------------------------------------------------------

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > MAX_BODY_BYTES) throw new Error('request body too large');
      chunks.push(buf);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    const rawBody = await readBody(req);

    if (path.startsWith('/__control/')) {
      handleControl(method, path, url.searchParams, rawBody, res);
      return;
    }

    let body: unknown = null;
    let bodyIsJson = true;
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        bodyIsJson = false;
      }
    }
    const headers = flattenHeaders(req);
    const apiKey = apiKeyOf(headers);
    requests.push({
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      rawBody,
      receivedAt: Date.now(),
      apiKey,
    });

    if (!path.startsWith('/v1/')) {
      sendError(res, 404, 'not_found_error', 'Not found');
      return;
    }

    // Auth first, regardless of scenario: a missing key, 'invalid', or any 'sk-bad…' key → 401.
    if (!apiKey) {
      sendError(res, 401, 'authentication_error', 'x-api-key header is required');
      return;
    }
    if (apiKey === 'invalid' || apiKey.startsWith('sk-bad')) {
      sendError(res, 401, 'authentication_error', 'invalid x-api-key');
      return;
    }

    if (method === 'POST' && path === '/v1/messages') {
      if (!bodyIsJson) {
        sendError(res, 400, 'invalid_request_error', 'The request body is not valid JSON.');
        return;
      }
      const problem = validateMessagesBody(body);
      if (problem) {
        sendError(res, 400, 'invalid_request_error', problem);
        return;
      }
      await handleMessages(req, res, body as MessagesBody);
      return;
    }
    if (method === 'GET' && path === '/v1/models') {
      sendJson(res, 200, modelsPage(url.searchParams));
      return;
    }
    if (method === 'GET' && path.startsWith('/v1/models/')) {
      const id = decodeURIComponent(path.slice('/v1/models/'.length));
      const model = FAKE_MODELS.find((m) => m.id === id);
      if (!model) sendError(res, 404, 'not_found_error', `model: ${id}`);
      else sendJson(res, 200, modelInfo(model));
      return;
    }
    sendError(res, 404, 'not_found_error', `Not found: ${method} ${path}`);
  }

  function handleControl(method: string, path: string, params: URLSearchParams, rawBody: string, res: ServerResponse): void {
    if (method === 'POST' && (path === '/__control/scenario' || path === '/__control/completion-scenario')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody);
      } catch {
        sendJson(res, 400, { ok: false, error: 'body must be JSON: a Scenario or Scenario[]' });
        return;
      }
      const list = Array.isArray(parsed) ? parsed : [parsed];
      for (const s of list) {
        const problem = validateScenario(s);
        if (problem) {
          sendJson(res, 400, { ok: false, error: problem });
          return;
        }
      }
      if (path === '/__control/completion-scenario') setCompletionQueue(list as Scenario[]);
      else setQueue(list as Scenario[]);
      sendJson(res, 200, { ok: true, queued: list.length });
      return;
    }
    if (method === 'POST' && path === '/__control/reset') {
      reset();
      sendJson(res, 200, { ok: true });
      return;
    }
    if (method === 'GET' && path === '/__control/requests') {
      // Every recorded API request; `?path=/v1/messages` keeps only that path.
      const only = params.get('path');
      sendJson(res, 200, only ? requests.filter((r) => r.path === only) : requests);
      return;
    }
    if (method === 'GET' && path === '/__control/health') {
      sendJson(res, 200, { ok: true });
      return;
    }
    sendJson(res, 404, { ok: false, error: `unknown control endpoint ${method} ${path}` });
  }

  function validateMessagesBody(body: unknown): string | null {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return 'The request body must be a JSON object.';
    const b = body as Record<string, unknown>;
    if (typeof b.model !== 'string' || b.model.length === 0) return 'model: Field required';
    if (typeof b.max_tokens !== 'number') return 'max_tokens: Field required';
    if (!Array.isArray(b.messages)) return 'messages: Field required';
    return null;
  }

  async function handleMessages(req: IncomingMessage, res: ServerResponse, body: MessagesBody): Promise<void> {
    const stream = body.stream === true;
    const scenario = nextScenario(stream);
    const ctx: RequestContext = { closed: false };
    res.on('close', () => {
      ctx.closed = true;
    });

    switch (scenario.kind) {
      case 'http_error': {
        await sleep(clampInt(scenario.initialDelayMs, 0, 0, MAX_INITIAL_DELAY_MS));
        const extra: Record<string, string> = {};
        if (scenario.retryAfterSeconds !== undefined) extra['retry-after'] = String(scenario.retryAfterSeconds);
        if (scenario.shouldRetry !== undefined) extra['x-should-retry'] = String(scenario.shouldRetry);
        sendError(res, scenario.status, scenario.errorType, scenario.message, extra);
        return;
      }
      case 'text':
        await respondText(res, ctx, body, scenario, stream);
        return;
      case 'mid_stream_error': {
        const p = pacing(scenario);
        await sleep(p.initialDelayMs);
        const errorType = scenario.errorType ?? 'overloaded_error';
        const message = errorMessageFor(errorType, scenario.message);
        if (!stream) {
          sendError(res, statusForErrorType(errorType), errorType, message);
          return;
        }
        if (ctx.closed || closing) return;
        const text = takeChars(scenario.text ?? DEFAULT_ANSWER, clampInt(scenario.afterChars, 0, 0, MAX_CHARS));
        startSse(res);
        writePrelude(res, ctx, body.model, estimateInputTokens(body), 0, 0);
        if (!(await writeDeltas(res, ctx, text, p.chunkSize, p.delayMs))) return;
        writeRawEvent(res, ctx, 'error', { type: 'error', error: { type: errorType, message } });
        if (!res.destroyed) res.end();
        return;
      }
      case 'drop': {
        const p = pacing(scenario);
        await sleep(p.initialDelayMs);
        if (!stream || scenario.beforeHeaders) {
          req.socket.destroy();
          return;
        }
        if (ctx.closed || closing) return;
        const text = takeChars(scenario.text ?? DEFAULT_ANSWER, clampInt(scenario.afterChars, 0, 0, MAX_CHARS));
        startSse(res);
        writePrelude(res, ctx, body.model, estimateInputTokens(body), 0, 0);
        if (!(await writeDeltas(res, ctx, text, p.chunkSize, p.delayMs))) return;
        destroyAfterFlush(res);
        return;
      }
      case 'hang': {
        const maxMs = clampInt(scenario.maxMs, DEFAULT_HANG_MS, 0, MAX_HANG_MS);
        if (stream && scenario.sendHeaders !== false) {
          startSse(res);
          writePrelude(res, ctx, body.model, estimateInputTokens(body), 0, 0);
          const count = clampInt(scenario.afterChars, 0, 0, MAX_CHARS);
          if (count > 0) {
            const text = takeChars(scenario.text ?? DEFAULT_ANSWER, count);
            await writeDeltas(res, ctx, text, clampInt(scenario.chunkSize, 8, 1, MAX_CHARS), 0);
          }
        }
        if (ctx.closed || closing) return;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            sleepers.delete(timer);
            resolve();
          }, maxMs);
          sleepers.set(timer, resolve);
          res.on('close', () => {
            clearTimeout(timer);
            sleepers.delete(timer);
            resolve();
          });
        });
        // Bounded: give up after maxMs (or on close()).
        if (!res.destroyed) res.destroy();
        return;
      }
    }
  }

  async function respondText(res: ServerResponse, ctx: RequestContext, body: MessagesBody, scenario: TextScenario, stream: boolean): Promise<void> {
    const p = pacing(scenario);
    const text = (scenario.text ?? DEFAULT_ANSWER).slice(0, MAX_CHARS);
    const inputTokens = scenario.inputTokens ?? estimateInputTokens(body);
    const outputTokens = scenario.outputTokens ?? Math.max(1, Math.ceil(text.length / 4));
    const cacheCreation = scenario.cacheCreationInputTokens ?? 0;
    const cacheRead = scenario.cacheReadInputTokens ?? 0;
    const stopReason = scenario.stopReason ?? 'end_turn';

    await sleep(p.initialDelayMs);
    if (ctx.closed || closing) return;

    if (!stream) {
      const message = baseMessage(body.model, usageFor(inputTokens, outputTokens, cacheCreation, cacheRead));
      message.content = [{ type: 'text', text, citations: null }];
      message.stop_reason = stopReason;
      sendJson(res, 200, message);
      return;
    }

    startSse(res);
    writePrelude(res, ctx, body.model, inputTokens, cacheCreation, cacheRead);
    if (!(await writeDeltas(res, ctx, text, p.chunkSize, p.delayMs))) return;
    writeEvent(res, ctx, { type: 'content_block_stop', index: 0 });
    writeEvent(res, ctx, {
      type: 'message_delta',
      delta: { stop_reason: stopReason, stop_sequence: null, stop_details: null, container: null },
      usage: {
        input_tokens: inputTokens,
        output_tokens: outputTokens,
        cache_creation_input_tokens: cacheCreation,
        cache_read_input_tokens: cacheRead,
        output_tokens_details: null,
        server_tool_use: null,
      },
    });
    writeEvent(res, ctx, { type: 'message_stop' });
    if (!res.destroyed) res.end();
  }

  function modelInfo(m: (typeof FAKE_MODELS)[number]): ModelInfo {
    return {
      type: 'model',
      id: m.id,
      display_name: m.display_name,
      created_at: '2026-01-01T00:00:00Z',
      capabilities: null,
      deprecated_at: null,
      lifecycle: 'active',
      line: m.line,
      max_input_tokens: 200_000,
      max_tokens: 64_000,
      retires_at: null,
    };
  }

  function modelsPage(params: URLSearchParams): object {
    const limit = clampInt(Number(params.get('limit') ?? '20'), 20, 1, 1000);
    const afterId = params.get('after_id');
    let start = 0;
    if (afterId) start = FAKE_MODELS.findIndex((m) => m.id === afterId) + 1;
    const page = FAKE_MODELS.slice(start, start + limit).map(modelInfo);
    return {
      data: page,
      has_more: start + limit < FAKE_MODELS.length,
      first_id: page[0]?.id ?? null,
      last_id: page.at(-1)?.id ?? null,
    };
  }

  // -- lifecycle -----------------------------------------------------------------------------

  function reset(): void {
    requests.length = 0;
    queue = [DEFAULT_SCENARIO];
    completionQueue = [DEFAULT_COMPLETION];
  }

  function close(): Promise<void> {
    if (closePromise) return closePromise;
    closing = true;
    for (const [timer, resolve] of sleepers) {
      clearTimeout(timer);
      resolve();
    }
    sleepers.clear();
    closePromise = new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    });
    return closePromise;
  }

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fake anthropic: no address');
  const port = address.port;

  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    messageRequests: () => requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages' && isStreamBody(r.body)),
    completionRequests: () => requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages' && !isStreamBody(r.body)),
    setScenario: setQueue,
    setCompletionScenario: setCompletionQueue,
    reset,
    close,
  };
}

function isStreamBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream === true;
}
