import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the fake context endpoint answers next (the last one set repeats). */
export type EndpointReply =
  | { kind: 'json'; status?: number; body: unknown; etag?: string; contentType?: string }
  | { kind: 'raw'; status: number; body: string; headers?: Record<string, string> }
  | { kind: 'chunked'; bytes: number }
  | { kind: 'hang' };

export interface ContextEndpoint {
  url: string;
  /** Headers of every GET received, lowercased. */
  requests: Record<string, string | string[] | undefined>[];
  reply(reply: EndpointReply): void;
  close(): Promise<void>;
}

/** A stand-in for any static host or CDN serving a context document, misbehaving on demand. */
export async function startContextEndpoint(): Promise<ContextEndpoint> {
  let current: EndpointReply = { kind: 'raw', status: 404, body: 'not found' };
  const requests: ContextEndpoint['requests'] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ ...req.headers });
    const reply = current;
    if (reply.kind === 'hang') return;
    if (reply.kind === 'chunked') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < reply.bytes) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => {});
      pump();
      return;
    }
    if (reply.kind === 'raw') {
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(reply.body);
      return;
    }
    if (reply.etag && req.headers['if-none-match'] === reply.etag) {
      res.writeHead(304, { etag: reply.etag }).end();
      return;
    }
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status ?? 200, {
      'content-type': reply.contentType ?? 'application/json',
      ...(reply.etag ? { etag: reply.etag } : {}),
    });
    res.end(text);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', () => ready()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/context.json`,
    requests,
    reply(reply) {
      current = reply;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
