import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTEXT_DOCUMENT_MAX_BYTES, contextDocumentSchema } from '../../src/shared/context/context-document';
import { parsePublicKey, verifyDocument } from '../../src/main/core/context/signing';
import { VersionStore } from './version-store';

export interface ContextServerOptions {
  port: number;
  host?: string;
  dataDir: string;
  /** Bearer token that PUT requires. */
  token: string;
  /** When set, only documents signed by this key (base64 of 32 raw bytes) are accepted. */
  publicKey?: string | undefined;
  /** Where the document lives (default /context.json). */
  path?: string;
  log?: (entry: Record<string, unknown>) => void;
}

export interface ContextServer {
  url: string;
  documentUrl: string;
  close(): Promise<void>;
}

/**
 * The reference context server: GET with ETag / 304 for clients, PUT with a bearer token and If-Match for
 * admins, no rollbacks, optional signature check, every version kept, /healthz, one JSON log line per request.
 */
export async function startContextServer(options: ContextServerOptions): Promise<ContextServer> {
  const path = options.path ?? '/context.json';
  const store = new VersionStore(options.dataDir);
  const pinned = options.publicKey ? parsePublicKey(options.publicKey) : null;
  if (options.publicKey && !pinned) throw new Error('--public-key is not an Ed25519 public key (base64 of 32 bytes)');
  const log = options.log ?? ((entry) => process.stdout.write(`${JSON.stringify(entry)}\n`));

  const server = createServer((req, res) => {
    const started = Date.now();
    handle(req, res)
      .catch((error: unknown) => {
        log({ level: 'error', message: 'request failed', error: String(error) });
        if (!res.headersSent) json(res, 500, { error: 'internal error' });
      })
      .finally(() => {
        log({ time: new Date().toISOString(), level: 'info', method: req.method, path: req.url, status: res.statusCode, ms: Date.now() - started });
      });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/healthz' && req.method === 'GET') return json(res, 200, { ok: true, versions: store.count(), latest: store.latest()?.version ?? null });
    if (url.pathname !== path) return json(res, 404, { error: 'not found' });
    if (req.method === 'GET' || req.method === 'HEAD') return get(req, res);
    if (req.method === 'PUT') return put(req, res);
    res.setHeader('allow', 'GET, HEAD, PUT');
    return json(res, 405, { error: 'method not allowed' });
  }

  function get(req: IncomingMessage, res: ServerResponse): void {
    const latest = store.latest();
    if (!latest) return json(res, 404, { error: 'nothing published yet' });
    const headers = { etag: latest.etag, 'cache-control': 'no-cache' };
    if (matches(req.headers['if-none-match'], latest.etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(latest.document) });
    res.end(req.method === 'HEAD' ? undefined : latest.document);
  }

  async function put(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!authorised(req.headers.authorization)) {
      res.setHeader('www-authenticate', 'Bearer');
      return json(res, 401, { error: 'a valid bearer token is required' });
    }
    const ifMatch = req.headers['if-match'];
    const ifNoneMatch = req.headers['if-none-match'];
    if (!ifMatch && ifNoneMatch !== '*') return json(res, 428, { error: 'If-Match (or If-None-Match: * for the first version) is required' });
    const text = await readBody(req, CONTEXT_DOCUMENT_MAX_BYTES);
    if (text === null) return json(res, 413, { error: `the document is larger than ${CONTEXT_DOCUMENT_MAX_BYTES} bytes` });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return json(res, 400, { error: 'the body is not JSON' });
    }
    const parsed = contextDocumentSchema.safeParse(body);
    if (!parsed.success) return json(res, 400, { error: `not a context document: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
    if (pinned) {
      const verdict = verifyDocument(body as Record<string, unknown>, pinned);
      if (!verdict.ok) return json(res, 400, { error: `signature refused: ${verdict.reason}` });
    }
    const expected = ifMatch ? String(ifMatch).trim() : null;
    const outcome = store.publish(parsed.data.version, text, expected);
    if (!outcome.ok && outcome.reason === 'conflict') {
      return json(res, 412, { error: 'the document changed since you read it', currentVersion: outcome.latest?.version ?? null }, outcome.latest ? { etag: outcome.latest.etag } : {});
    }
    if (!outcome.ok) return json(res, 409, { error: `version ${parsed.data.version} is not newer than ${outcome.latest?.version}` });
    log({ level: 'info', message: 'context published', version: outcome.stored.version, updatedBy: parsed.data.updatedBy });
    return json(res, 201, { version: outcome.stored.version }, { etag: outcome.stored.etag });
  }

  function authorised(header: string | undefined): boolean {
    const given = Buffer.from(/^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '');
    const wanted = Buffer.from(options.token);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? '127.0.0.1', () => ready());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    url: base,
    documentUrl: `${base}${path}`,
    async close() {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      store.close();
    },
  };
}

function matches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  return String(header)
    .split(',')
    .map((value) => value.trim().replace(/^W\//, ''))
    .some((value) => value === etag || value === '*');
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The body as text, or null when it is over `limit` bytes (the rest is not read into memory). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
