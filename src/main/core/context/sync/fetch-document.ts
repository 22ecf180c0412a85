import { CONTEXT_DOCUMENT_MAX_BYTES } from '../../../../shared/context/context-document';

export type SyncFailureCode =
  | 'offline'
  | 'timeout'
  | 'http_error'
  | 'not_found'
  | 'wrong_content_type'
  | 'too_large'
  | 'malformed'
  | 'invalid_document'
  | 'rollback'
  | 'missing_signature'
  | 'wrong_key'
  | 'bad_signature'
  | 'insecure_url';

/** Why a sync attempt did not produce a new document; shown in the status, never as a dialog. */
export class SyncFailure extends Error {
  constructor(
    readonly code: SyncFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}

export type FetchOutcome = { kind: 'not_modified' } | { kind: 'document'; body: unknown; etag: string | null };

/** https, or http to this machine only (a local mirror, or the tests' server). */
export function isAllowedSyncUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
  } catch {
    return false;
  }
}

/** One conditional GET: 304 → not modified; 200 + JSON under 1 MB → the parsed body; anything else throws SyncFailure. */
export async function fetchContextDocument(options: {
  url: string;
  etag: string | null;
  timeoutMs: number;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
}): Promise<FetchOutcome> {
  const maxBytes = options.maxBytes ?? CONTEXT_DOCUMENT_MAX_BYTES;
  if (!isAllowedSyncUrl(options.url)) throw new SyncFailure('insecure_url', 'The sync address must start with https://');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    let response: Response;
    try {
      response = await (options.fetchImpl ?? fetch)(options.url, {
        headers: { accept: 'application/json', ...(options.etag ? { 'if-none-match': options.etag } : {}) },
        signal: controller.signal,
        redirect: 'follow',
        cache: 'no-store',
      });
    } catch (error) {
      if (controller.signal.aborted) throw new SyncFailure('timeout', `No answer within ${Math.round(options.timeoutMs / 1000)} s`);
      throw new SyncFailure('offline', `Could not connect: ${causeOf(error)}`);
    }
    if (response.status === 304) return { kind: 'not_modified' };
    if (response.status === 404) throw new SyncFailure('not_found', 'The sync address answered 404 (not found)');
    if (!response.ok) throw new SyncFailure('http_error', `The sync address answered HTTP ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
      throw new SyncFailure('wrong_content_type', `Expected JSON, got ${type.split(';')[0] || 'no content type'}`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) throw new SyncFailure('too_large', `The document is larger than ${maxBytes} bytes`);
    const text = await readLimited(response, maxBytes, controller.signal, options.timeoutMs);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new SyncFailure('malformed', 'The document is not valid JSON');
    }
    return { kind: 'document', body, etag: response.headers.get('etag') };
  } finally {
    clearTimeout(timer);
  }
}

/** Reads at most `maxBytes`, so a huge or endless body cannot fill memory. */
async function readLimited(response: Response, maxBytes: number, signal: AbortSignal, timeoutMs: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new SyncFailure('too_large', `The document is larger than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof SyncFailure) throw error;
    if (signal.aborted) throw new SyncFailure('timeout', `No answer within ${Math.round(timeoutMs / 1000)} s`);
    throw new SyncFailure('offline', `The connection broke: ${causeOf(error)}`);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

function causeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown })?.code;
  return typeof code === 'string' ? code : cause instanceof Error ? cause.message : String(cause);
}
