import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchData } from './data';
import { benchDeltaCpu } from './delta-cpu';
import { benchRequestBuild } from './request-build';
import { printTable, type Row } from './stats';

/** Runs the core benchmarks, prints a table each, and writes bench/results/core-*.json. */
export async function main({ root, argv }: { root: string; argv: string[] }): Promise<number> {
  const only = value(argv, '--only');
  const messages = Number(value(argv, '--messages') ?? 1_000_000);
  const results: Record<string, { rows: Row[]; raw: Record<string, unknown> }> = {};
  if (!only || only === 'request') results.request = await benchRequestBuild();
  if (results.request) printTable('Request building (issue 5)', results.request.rows);
  if (!only || only === 'delta') results.delta = await benchDeltaCpu(root);
  if (results.delta) printTable('Streaming CPU in the main process (issue 5)', results.delta.rows);
  if (!only || only === 'data') results.data = await benchData(messages, argv.includes('--keep'));
  if (results.data) printTable('Search, size, export and import (issue 6)', results.data.rows);
  const out = join(root, 'bench/results');
  mkdirSync(out, { recursive: true });
  const report = {
    when: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    results,
  };
  const stamp = report.when.replace(/[:.]/g, '-');
  writeFileSync(join(out, `core-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(out, 'core-latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nwrote bench/results/core-${stamp}.json\n`);
  return 0;
}

function value(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}
