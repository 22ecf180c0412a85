import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src/main/core/app';
import { silentLogger } from '../../src/main/core/logger';
import { MemorySecretStore } from '../../src/main/core/secrets/secret-store';
import type { StreamEvent } from '../../src/shared/domain/dto';
import { round, type Row, met } from './stats';
import { chatText, prng } from './text';

const ANSWER_CHARS = 400_000;
const CHUNK = 4;

/**
 * Main-process CPU per streamed delta: the fake Anthropic server runs in its own process, so what is
 * measured here is the SDK's parsing plus Parley's handling (coalescing, events, writing to disk).
 */
export async function benchDeltaCpu(root: string): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  const text = chatText(prng(7), ANSWER_CHARS);
  const scenario = JSON.stringify({ kind: 'text', text, chunkSize: CHUNK, delayMs: 0 });
  const fake = spawn(process.execPath, [join(root, 'tests/fakes/anthropic-server-cli.ts'), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake server did not start')), 15_000);
      fake.stdout!.on('data', (chunk: Buffer) => {
        const match = /FAKE_ANTHROPIC_URL=(\S+)/.exec(chunk.toString());
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    // Too long for a command line: the scenario goes through the fake's control endpoint.
    await fetch(`${url}/__control/scenario`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: scenario });
    const runs: { cpuUs: number; wallMs: number; deltasIn: number; eventsOut: number }[] = [];
    for (let run = 0; run < 3; run++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-delta-'));
      let eventsOut = 0;
      let resolveEnd: (() => void) | null = null;
      const ended = new Promise<void>((resolve) => (resolveEnd = resolve));
      const core = await createCore({
        dataDir,
        secretStore: new MemorySecretStore(),
        env: { ANTHROPIC_API_KEY: 'sk-bench-key', ANTHROPIC_BASE_URL: url },
        logger: silentLogger,
        // What the IPC transport would do with each event: serialise it.
        emit: (name, payload) => {
          JSON.stringify(payload);
          if (name !== 'chat:event') return;
          const event = payload as StreamEvent;
          if (event.type === 'content_delta') eventsOut++;
          if (event.type === 'message_end' || event.type === 'error') resolveEnd!();
        },
      });
      const chat = await core.handle('chats:create', { title: 'bench' });
      const chatId = (chat as { value: { id: string } }).value.id;
      const cpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      await core.handle('chat:send', { chatId, content: 'Write a lot.' });
      await ended;
      const cpu = process.cpuUsage(cpuBefore);
      runs.push({ cpuUs: cpu.user + cpu.system, wallMs: performance.now() - wallBefore, deltasIn: Math.ceil(text.length / CHUNK), eventsOut });
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    const perDelta = runs.map((r) => r.cpuUs / r.deltasIn);
    const best = Math.min(...perDelta);
    const median = [...perDelta].sort((a, b) => a - b)[1]!;
    return {
      rows: [
        { figure: 'main-process CPU per streamed delta (median of 3)', value: `${round(median)} µs`, target: '≤ 50 µs', met: met(median <= 50) },
        { figure: 'best run', value: `${round(best)} µs`, target: '-', met: '-' },
        { figure: 'deltas from the provider per run', value: String(runs[0]!.deltasIn), target: '-', met: '-' },
        { figure: 'events sent to the renderer per run (coalesced)', value: String(runs[0]!.eventsOut), target: '-', met: '-' },
        { figure: 'wall time per 400k-character answer', value: `${round(runs[1]!.wallMs / 1000)} s`, target: '-', met: '-' },
      ],
      raw: { answerChars: text.length, chunk: CHUNK, runs },
    };
  } finally {
    fake.kill('SIGTERM');
  }
}
