/**
 * Runs the fake Anthropic API as its own process (for e2e tests and the harness):
 *
 *   node tests/fakes/anthropic-server-cli.ts [--port <p>] [--scenario '<json>']
 *
 * Prints exactly one line, `FAKE_ANTHROPIC_URL=http://127.0.0.1:PORT`, on stdout once it is
 * listening, and stops cleanly on SIGTERM / SIGINT. Change its behaviour over HTTP with
 * `POST /__control/scenario`, `POST /__control/reset`, `GET /__control/requests`.
 *
 * Node 24 runs this file directly (type stripping), so only erasable syntax is used.
 */
import type * as FakeServerModule from './anthropic-server';

// The server module is loaded through a computed specifier: Node needs the '.ts' extension,
// while the project's tsconfig (no `allowImportingTsExtensions`) rejects it in a static import.
const serverModuleUrl = new URL('./anthropic-server.ts', import.meta.url).href;

function parseArgs(argv: readonly string[]): { port: number; scenario: unknown } {
  let port = 0;
  let scenario: unknown = undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw new Error(`${name} needs a value`);
      i++;
      return next;
    };
    if (name === '--port') {
      const p = Number(value());
      if (!Number.isInteger(p) || p < 0 || p > 65535) throw new Error('--port must be an integer in 0..65535');
      port = p;
    } else if (name === '--scenario') {
      scenario = JSON.parse(value());
    } else if (name === '--help' || name === '-h') {
      process.stderr.write("usage: node tests/fakes/anthropic-server-cli.ts [--port <p>] [--scenario '<json>']\n");
      process.exit(0);
    } else {
      throw new Error(`unknown argument: ${arg}`);
    }
  }
  return { port, scenario };
}

async function main(): Promise<void> {
  const { port, scenario } = parseArgs(process.argv.slice(2));
  const mod = (await import(serverModuleUrl)) as typeof FakeServerModule;
  const fake = await mod.startFakeAnthropic({
    port,
    host: '127.0.0.1',
    ...(scenario === undefined ? {} : { scenario: scenario as FakeServerModule.Scenario | FakeServerModule.Scenario[] }),
  });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`fake-anthropic: ${signal}, stopping\n`);
    // Bounded: close() destroys every socket, but never wait more than 2 s.
    const force = setTimeout(() => process.exit(0), 2_000);
    force.unref();
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  process.stdout.write(`FAKE_ANTHROPIC_URL=${fake.url}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`fake-anthropic: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
