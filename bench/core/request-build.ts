import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../src/main/core/app';
import { fitHistory } from '../../src/main/core/chat/context-window';
import { buildRequest, conversationRows } from '../../src/main/core/chat/request-builder';
import type { MessageRow } from '../../src/main/core/db/message-repository';
import { silentLogger } from '../../src/main/core/logger';
import { MemorySecretStore } from '../../src/main/core/secrets/secret-store';
import { percentile, round, type Row, met } from './stats';
import { chatText, prng } from './text';
import { seedChat } from './seed';

const MESSAGES = 10_000;

/** Building the request for a 10,000-message chat: the estimate and truncation alone, and through the core. */
export async function benchRequestBuild(): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  const random = prng(42);
  const history: MessageRow[] = Array.from({ length: MESSAGES }, (_, i) => ({
    seq: i + 1,
    id: `m${i}`,
    chat_id: 'c',
    role: i % 2 ? 'assistant' : 'user',
    content: chatText(random, 300 + Math.floor(random() * 800)),
    status: 'complete',
    metadata: null,
    tool_calls: null,
    tool_call_id: null,
    created_at: '',
  }));
  const system = [{ type: 'text' as const, text: 'You are Claude.' }];
  const budget = 200_000 - 8_192 - 4_000;
  const pure: number[] = [];
  let omitted = 0;
  for (let i = 0; i < 220; i++) {
    const started = performance.now();
    const fit = fitHistory(conversationRows(history), budget, 1);
    buildRequest({ model: 'claude-sonnet-5-5', system, history: fit.kept });
    const took = performance.now() - started;
    if (i >= 20) pure.push(took);
    omitted = fit.omitted.length;
  }

  // The same through the core, as the composer's estimate does it: read 10,000 rows from SQLite, fit, build.
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-request-'));
  const core = await createCore({ dataDir, secretStore: new MemorySecretStore(), emit: () => {}, logger: silentLogger });
  const chatId = await seedChat(core, dataDir, MESSAGES, 7);
  const withDb: number[] = [];
  for (let i = 0; i < 60; i++) {
    const started = performance.now();
    const result = await core.handle('chat:estimate', { chatId, draft: 'How does this end?' });
    if (!result.ok) throw new Error(result.error.message);
    if (i >= 10) withDb.push(performance.now() - started);
  }
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });

  const p50 = percentile(pure, 50);
  const p95 = percentile(pure, 95);
  return {
    rows: [
      { figure: 'request build, 10k messages (estimate + truncation), median', value: `${round(p50)} ms`, target: '≤ 5 ms', met: met(p50 <= 5) },
      { figure: 'request build, 10k messages, p95', value: `${round(p95)} ms`, target: '≤ 5 ms', met: met(p95 <= 5) },
      { figure: 'same through the core incl. reading 10k rows from SQLite, median', value: `${round(percentile(withDb, 50))} ms`, target: '-', met: '-' },
      { figure: 'messages left out to fit 200k tokens', value: String(omitted), target: '-', met: '-' },
    ],
    raw: { messages: MESSAGES, pureMs: pure, withDbMs: withDb, omitted },
  };
}
