import Database from 'better-sqlite3';
import { newId as randomUUID } from '../../src/main/core/clock';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src/main/core/app';
import type { Core, FileDialogs } from '../../src/main/core/core-types';
import { silentLogger } from '../../src/main/core/logger';
import { MemorySecretStore } from '../../src/main/core/secrets/secret-store';
import { percentile, round, type Row, met } from './stats';
import { chatText, prng } from './text';

const QUERIES = [
  'lisbon', 'jacket tram', '"search query"', 'borscht', 'борщ', 'свёкла', 'kernel compiler', 'signature', 'backup',
  'export import', 'sqlite index', 'typeScript', 'electron keychain', 'retr*', 'summ*', 'policy model', '"context window"',
  'water people', 'token stream', 'ошибка сервер', 'function const', 'the', 'message', 'travel', 'recipe',
];

/** Search, size, export and import on a generated database of `total` messages (~700 characters each). */
export async function benchData(total: number, keep = false): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-data-'));
  const dataDir = join(dir, 'profile');
  const dialogs = (path: string): FileDialogs => ({ chooseSavePath: async () => path, chooseOpenPath: async () => path });
  try {
    let core = await open(dataDir, dialogs(join(dir, 'archive.json')));
    await core.close();
    const generated = generate(join(dataDir, 'parley.sqlite'), total);
    const sizeBytes = ['', '-wal'].reduce((sum, suffix) => sum + (statSync(join(dataDir, `parley.sqlite${suffix}`), { throwIfNoEntry: false })?.size ?? 0), 0);

    core = await open(dataDir, dialogs(join(dir, 'archive.json')));
    const recency: number[] = [];
    const relevance: number[] = [];
    let hits = 0;
    for (let round = 0; round < 4; round++) {
      for (const query of QUERIES) {
        for (const [order, bucket] of [['recent', recency], ['relevance', relevance]] as const) {
          const started = performance.now();
          const result = await core.handle('search:messages', { query, order, limit: 50 });
          if (!result.ok) throw new Error(result.error.message);
          if (round > 0) bucket.push(performance.now() - started);
          hits += (result.value as { hits: unknown[] }).hits.length;
        }
      }
    }
    const exportStarted = performance.now();
    const exported = await core.handle('data:exportAll', {});
    if (!exported.ok) throw new Error(exported.error.message);
    const exportMs = performance.now() - exportStarted;
    await core.close();

    const fresh = await open(join(dir, 'fresh'), dialogs(join(dir, 'archive.json')));
    const importStarted = performance.now();
    const imported = await fresh.handle('data:import', {});
    if (!imported.ok) throw new Error(imported.error.message);
    const importMs = performance.now() - importStarted;
    await fresh.close();

    const perThousandMb = sizeBytes / (total / 1000) / 1_000_000;
    const p95Recent = percentile(recency, 95);
    const p95Relevance = percentile(relevance, 95);
    return {
      rows: [
        { figure: `messages generated (avg ${generated.avgChars} chars)`, value: `${total.toLocaleString('en')} in ${generated.chats} chats`, target: '1,000,000', met: '-' },
        { figure: 'generation time (inserts + index by triggers)', value: `${round(generated.ms / 1000, 1)} s`, target: '-', met: '-' },
        { figure: 'search top-50 with snippets, newest first, p95', value: `${round(p95Recent)} ms`, target: '≤ 30 ms', met: met(p95Recent <= 30) },
        { figure: 'search top-50 with snippets, newest first, median', value: `${round(percentile(recency, 50))} ms`, target: '-', met: '-' },
        { figure: 'search top-50 by relevance, p95', value: `${round(p95Relevance)} ms`, target: '≤ 100 ms', met: met(p95Relevance <= 100) },
        { figure: 'search top-50 by relevance, median', value: `${round(percentile(relevance, 50))} ms`, target: '-', met: '-' },
        { figure: 'database size per 1,000 messages (with index)', value: `${round(perThousandMb, 3)} MB`, target: '≤ 1.3 MB', met: met(perThousandMb <= 1.3) },
        { figure: 'export all (streamed JSON archive)', value: `${Math.round(total / (exportMs / 1000)).toLocaleString('en')} msg/s`, target: '-', met: '-' },
        { figure: 'import into an empty profile', value: `${Math.round(total / (importMs / 1000)).toLocaleString('en')} msg/s`, target: '-', met: '-' },
      ],
      raw: { total, sizeBytes, recencyMs: recency, relevanceMs: relevance, hits, exportMs, importMs, generated, queries: QUERIES },
    };
  } finally {
    if (keep) process.stdout.write(`kept the generated profile in ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

function open(dataDir: string, dialogs: FileDialogs): Promise<Core> {
  return createCore({ dataDir, secretStore: new MemorySecretStore(), emit: () => {}, logger: silentLogger, dialogs });
}

/** Chats of 100 messages plus one of 10,000, as the issue describes; written in large transactions. */
function generate(file: string, total: number): { ms: number; chats: number; avgChars: number } {
  const started = performance.now();
  const random = prng(2026);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const insertChat = db.prepare("insert into chats (id, title, title_source, created_at, updated_at) values (?, ?, 'user', ?, ?)");
  const insertMessage = db.prepare("insert into messages (id, chat_id, role, content, status, created_at) values (?, ?, ?, ?, 'complete', ?)");
  const sizes = [Math.min(10_000, total), ...Array.from({ length: Math.ceil(Math.max(0, total - 10_000) / 100) }, () => 100)];
  let written = 0;
  let chars = 0;
  const base = Date.parse('2024-01-01T00:00:00Z');
  let chatIndex = 0;
  for (const size of sizes) {
    const batch = db.transaction(() => {
      const chatId = randomUUID();
      const at = new Date(base + written * 30_000).toISOString();
      insertChat.run(chatId, `Generated chat ${chatIndex}`, at, at);
      for (let i = 0; i < size && written < total; i++, written++) {
        const content = chatText(random, 400 + Math.floor(random() * 600));
        chars += content.length;
        insertMessage.run(randomUUID(), chatId, i % 2 ? 'assistant' : 'user', content, new Date(base + written * 30_000).toISOString());
      }
    });
    batch();
    chatIndex++;
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { ms: performance.now() - started, chats: chatIndex, avgChars: Math.round(chars / Math.max(1, written)) };
}
