import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { consoleLogger } from '../../src/main/core/logger';
import { chooseSecretStore } from '../../src/main/core/secrets/choose-store';
import { KeytarSecretStore } from '../../src/main/core/secrets/keytar-store';
import { MemorySecretStore } from '../../src/main/core/secrets/secret-store';
import { startHarness } from './server';

const USAGE = 'usage: npm run harness -- --port <port> --data-dir <dir> [--secrets auto|keychain|memory]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      secrets: { type: 'string', default: 'auto' },
      'renderer-dir': { type: 'string', default: 'out/renderer' },
      'client-script': { type: 'string', default: 'out-harness/client.js' },
      'files-dir': { type: 'string' },
      'managed-config': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!values['data-dir'] || !Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const memory = new MemorySecretStore();
  const secretStore =
    values.secrets === 'memory'
      ? memory
      : values.secrets === 'keychain'
        ? new KeytarSecretStore()
        : await chooseSecretStore([new KeytarSecretStore(), memory]);

  const harness = await startHarness({
    port,
    dataDir: resolve(values['data-dir']),
    rendererDir: values['renderer-dir']!,
    clientScriptFile: values['client-script']!,
    secretStore,
    env: {
      ANTHROPIC_API_KEY: process.env.ANTHROPIC_API_KEY,
      ANTHROPIC_BASE_URL: process.env.ANTHROPIC_BASE_URL,
      CLAUDE_MODEL: process.env.CLAUDE_MODEL,
    },
    logger: consoleLogger,
    filesDir: resolve(values['files-dir'] ?? join(values['data-dir'], 'files')),
    ...(values['managed-config'] ? { managedConfigPath: resolve(values['managed-config']) } : {}),
  });
  process.stdout.write(`Parley harness ready at ${harness.url} (secrets: ${secretStore.kind})\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    harness.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`harness failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
