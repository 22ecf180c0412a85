import type { Root } from 'hast';
import { blocksFor } from './block-cache';
import { hastToReact } from './hast-to-react';
import { keepRecent } from './keep-recent';
import { readOpenFence } from './open-fence';
import { needsFinishedParse, needsGrowingParse, rememberFinished, rememberGrowing } from './rendered-blocks';
import type { ParseRequest, ParseResponse } from './worker-protocol';

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, (trees: Root[] | null) => void>();

function giveUp(): void {
  worker?.terminate();
  worker = null;
  for (const resolve of waiting.values()) resolve(null);
  waiting.clear();
}

/** The Markdown worker, started on first use; null where there is none (no Worker, or it failed). */
function markdownWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    worker = new Worker(new URL('./markdown.worker.ts', import.meta.url), { type: 'module', name: 'markdown' });
  } catch {
    return (worker = null);
  }
  worker.onmessage = (event: MessageEvent<ParseResponse>) => {
    const resolve = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    resolve?.('trees' in event.data ? event.data.trees : null);
  };
  // A worker that cannot start or crashes is not tried again: everything is parsed on the page, as before.
  worker.onerror = giveUp;
  return worker;
}

/** No timer per request (one each update added up): the stream pump stops waiting for a late reply itself. */
function parse(blocks: ParseRequest['blocks']): Promise<Root[] | null> {
  const target = markdownWorker();
  if (!target) return Promise.resolve(null);
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    target.postMessage({ id, blocks } satisfies ParseRequest);
  });
}

/**
 * How many blocks of each answer were already looked at: only the ones after them can need parsing.
 * (Looking up every block of a long answer in the caches, each update, hashed all of its text again.)
 */
const seenBlocks = new Map<string, number>();
const SEEN_CAPACITY = 50;

/**
 * Parses, off the main thread, the blocks that the next render of these streaming answers will need
 * and does not have yet: blocks that have just been finished, and the growing last block. Resolves once
 * they are ready to be shown (or at once when there is no worker: the render then parses them itself).
 * This keeps Markdown parsing — most of the JavaScript of a streamed update — off the page's main thread.
 */
export async function parseAhead(answers: readonly { messageId: string; text: string }[]): Promise<void> {
  if (!markdownWorker()) return;
  const wanted: { text: string; highlight: boolean; growing: boolean }[] = [];
  for (const { messageId, text } of answers) {
    const { blocks, lastInOpenFence } = blocksFor(messageId, text);
    // The block that was growing last time may be finished now; the ones before it were finished then.
    const seen = seenBlocks.get(messageId) ?? 0;
    const from = seen > 0 && seen <= blocks.length ? seen - 1 : 0;
    keepRecent(seenBlocks, messageId, blocks.length, SEEN_CAPACITY);
    for (let index = from; index < blocks.length - 1; index++) {
      if (needsFinishedParse(blocks[index]!)) wanted.push({ text: blocks[index]!, highlight: true, growing: false });
    }
    const growing = blocks.at(-1);
    // Code whose fence is still open is shown without Markdown at all (OpenCodeBlock).
    if (growing === undefined || (lastInOpenFence && readOpenFence(growing))) continue;
    if (needsGrowingParse(growing, !lastInOpenFence)) wanted.push({ text: growing, highlight: !lastInOpenFence, growing: true });
  }
  if (wanted.length === 0) return;
  const trees = await parse(wanted.map(({ text, highlight }) => ({ text, highlight })));
  if (!trees || trees.length !== wanted.length) return;
  trees.forEach((tree, index) => {
    const { text, highlight, growing } = wanted[index]!;
    const element = hastToReact(tree);
    if (growing) rememberGrowing(text, highlight, element);
    else rememberFinished(text, element);
  });
}

/** Starts the worker and has it parse a sample, in idle time, so the first streamed answer finds it ready. */
export function prewarmMarkdownWorker(sample: string): void {
  void parse([{ text: sample, highlight: true }]);
}
