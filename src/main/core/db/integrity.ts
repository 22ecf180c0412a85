import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type IntegrityResult = { status: 'ok' } | { status: 'damaged'; detail: string } | { status: 'unknown'; detail: string };

// Runs in a worker so a slow check on a big file can be abandoned without blocking start-up.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
try {
  const Database = require(workerData.driver);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const rows = db.pragma('quick_check(20)', { simple: false }).map((row) => Object.values(row)[0]);
  db.close();
  parentPort.postMessage({ ok: rows.length === 1 && rows[0] === 'ok', rows });
} catch (error) {
  parentPort.postMessage({ ok: false, rows: [String(error && error.message || error)], code: error && error.code });
}
`;

/**
 * `PRAGMA quick_check` on the file, bounded in time: past `timeoutMs` the answer is "unknown" and start-up
 * goes on. A file SQLite cannot even open as a database counts as damaged.
 */
export function checkIntegrity(file: string, timeoutMs: number): Promise<IntegrityResult> {
  let driver: string;
  try {
    driver = createRequire(import.meta.url).resolve('better-sqlite3');
  } catch {
    return Promise.resolve({ status: 'unknown', detail: 'better-sqlite3 could not be resolved for the check' });
  }
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: IntegrityResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    const timer = setTimeout(() => finish({ status: 'unknown', detail: `the check took longer than ${timeoutMs} ms` }), timeoutMs);
    worker.once('message', (message: { ok: boolean; rows: string[]; code?: string }) => {
      if (message.ok) finish({ status: 'ok' });
      else if (message.code === 'SQLITE_CANTOPEN' || message.code === 'SQLITE_BUSY') finish({ status: 'unknown', detail: message.rows.join('; ') });
      else finish({ status: 'damaged', detail: message.rows.slice(0, 5).join('; ') });
    });
    worker.once('error', (error) => finish({ status: 'unknown', detail: String(error) }));
  });
}
