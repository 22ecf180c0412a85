import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { createCore } from '../../src/main/core/app';
import type { Core, CoreEnv, FileDialogs } from '../../src/main/core/core-types';
import type { Logger } from '../../src/main/core/logger';
import type { SecretStore } from '../../src/main/core/secrets/secret-store';
import { CLIENT_PATH, WS_PATH, type CallMessage, type ServerMessage } from './ws-protocol';

export const TOKEN_PLACEHOLDER = '__HARNESS_TOKEN_PLACEHOLDER__';

/** The harness has no OS dialogs: a save goes into the files folder under the suggested name. */
function folderDialogs(folder: string): FileDialogs {
  mkdirSync(folder, { recursive: true });
  return {
    chooseSavePath: async (suggestedName) => join(folder, suggestedName),
    chooseOpenPath: async () => {
      const path = join(folder, 'import.json');
      return existsSync(path) ? path : null;
    },
  };
}

export interface HarnessOptions {
  port: number;
  dataDir: string;
  rendererDir: string;
  clientScriptFile: string;
  secretStore: SecretStore;
  env: CoreEnv;
  logger: Logger;
  /** Stands in for save / open dialogs: exports are written here, imports read from <filesDir>/import.json. */
  filesDir: string;
  managedConfigPath?: string;
}

export interface Harness {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Serves the built renderer and the real core to a browser on 127.0.0.1 only.
 * The WebSocket accepts a connection only with this run's random token and our own Origin.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = randomBytes(24).toString('hex');
  const sockets = new Set<WebSocket>();
  const send = (socket: WebSocket, message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const core: Core = await createCore({
    dataDir: options.dataDir,
    secretStore: options.secretStore,
    env: options.env,
    logger: options.logger,
    dialogs: folderDialogs(options.filesDir),
    ...(options.managedConfigPath ? { managedConfigPath: options.managedConfigPath } : {}),
    emit: (event, payload) => sockets.forEach((socket) => send(socket, { kind: 'event', event, payload })),
  });

  const rendererRoot = resolve(options.rendererDir);
  const clientScript = (await readFile(options.clientScriptFile, 'utf8')).replace(TOKEN_PLACEHOLDER, token);

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      options.logger.error('harness request failed', { url: req.url, error: String(error) });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A DNS-rebinding page arrives with its own Host; only our exact loopback address is served.
    if (req.headers.host !== `127.0.0.1:${(server.address() as AddressInfo).port}`) return void res.writeHead(421).end();
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === CLIENT_PATH) {
      return void res.writeHead(200, { 'content-type': TYPES['.js']!, 'cache-control': 'no-store' }).end(clientScript);
    }
    const file = normalize(join(rendererRoot, path === '/' ? 'index.html' : path));
    if (file !== rendererRoot && !file.startsWith(rendererRoot + sep)) return void res.writeHead(403).end();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      // The renderer routes by hash, so any other path is a 404.
      return void res.writeHead(404).end('Not found');
    }
    if (file.endsWith('index.html')) {
      // Load window.api before the app's module script (module scripts are deferred; this one is not).
      body = Buffer.from(body.toString('utf8').replace('<head>', `<head>\n    <script src="${CLIENT_PATH}"></script>`));
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const origin = req.headers.origin;
    const expected = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const given = Buffer.from(url.searchParams.get('token') ?? '');
    const tokenOk = given.length === token.length && timingSafeEqual(given, Buffer.from(token));
    if (url.pathname !== WS_PATH || origin !== expected || req.headers.host !== expected.slice('http://'.length) || !tokenOk) {
      options.logger.warn('harness refused a WebSocket', { origin, path: url.pathname });
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', async (data) => {
        let message: CallMessage;
        try {
          message = JSON.parse(String(data)) as CallMessage;
        } catch {
          return;
        }
        if (message?.kind !== 'call' || typeof message.id !== 'number') return;
        const result = await core.handle(message.channel, message.input);
        send(ws, { kind: 'result', id: message.id, result });
      });
    });
  });

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => ready());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      for (const socket of sockets) socket.terminate();
      wss.close();
      const closed = new Promise<void>((done) => server.close(() => done()));
      // Chromium opens sockets ahead of need (preconnect) that never send a request; close() waits for
      // those until Node's headers timeout (a minute), so they are cut now rather than waited for.
      server.closeAllConnections();
      await closed;
      await core.close();
    },
  };
}
