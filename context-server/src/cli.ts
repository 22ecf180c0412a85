import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startContextServer } from './server';

const USAGE =
  'usage: npm run context-server -- --port <port> --data-dir <dir> [--token <t> | env CONTEXT_SERVER_TOKEN] [--public-key <base64>] [--host 127.0.0.1] [--path /context.json]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8788' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      token: { type: 'string' },
      'public-key': { type: 'string' },
      path: { type: 'string', default: '/context.json' },
    },
  });
  const token = values.token ?? process.env.CONTEXT_SERVER_TOKEN;
  const port = Number(values.port);
  if (!values['data-dir'] || !token || !Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const server = await startContextServer({
    port,
    host: values.host!,
    dataDir: resolve(values['data-dir']),
    token,
    publicKey: values['public-key'] ?? process.env.CONTEXT_SERVER_PUBLIC_KEY,
    path: values.path!,
  });
  process.stdout.write(`${JSON.stringify({ level: 'info', message: 'context server ready', url: server.documentUrl })}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`context server failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
