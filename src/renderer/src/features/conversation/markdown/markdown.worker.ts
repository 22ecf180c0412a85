/// <reference lib="webworker" />
import { markdownToHast, withoutPositions } from './pipeline';
import type { ParseRequest, ParseResponse } from './worker-protocol';

/**
 * Parses the blocks of an answer that is streaming in, off the page's main thread: the page turns the
 * trees into elements (cheap) and spends its time on showing them. See parse-ahead.ts.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<ParseRequest>) => {
  const { id, blocks } = event.data;
  let response: ParseResponse;
  try {
    response = { id, trees: blocks.map((block) => withoutPositions(markdownToHast(block.text, block.highlight))) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
