import { keepRecent } from './keep-recent';
import { IncrementalBlockSplitter, markdownBlocks } from './split-blocks';

/** Messages whose splits are remembered; a few hundred covers every message a virtual list keeps around. */
const CAPACITY = 300;

/**
 * One incremental splitter per message id. A streamed answer grows by a few characters per frame; its
 * splitter re-splits only the last block, so the cost of a frame does not grow with the answer's length.
 * The map is ordered by last use and forgets the least recently used message past CAPACITY.
 */
const splitters = new Map<string, IncrementalBlockSplitter>();

export interface Blocks {
  blocks: readonly string[];
  /** The last block is inside a code fence not closed yet (only known for a message id; else false). */
  lastInOpenFence: boolean;
}

export function blocksFor(messageId: string | undefined, text: string): Blocks {
  if (messageId === undefined) return { blocks: markdownBlocks(text), lastInOpenFence: false };
  const splitter = splitters.get(messageId) ?? new IncrementalBlockSplitter();
  keepRecent(splitters, messageId, splitter, CAPACITY);
  const blocks = splitter.split(text);
  return { blocks, lastInOpenFence: splitter.lastBlockInOpenFence };
}

/** Drops what is remembered for messages that left the conversation. */
export function forgetBlocks(messageIds: Iterable<string>): void {
  for (const id of messageIds) splitters.delete(id);
}
