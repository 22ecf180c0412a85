import type { ReactElement } from 'react';
import { keepRecent } from './keep-recent';
import { renderMarkdown } from './render-markdown';

/** Rendered blocks by text, most recently used last: a message scrolled back into view is not parsed again. */
const rendered = new Map<string, ReactElement>();
const RENDERED_CAPACITY = 600;

/**
 * The last growing block rendered with highlighting. When the next block starts, this one is finished:
 * its text is what was rendered, perhaps with more blank lines at the end, which change nothing once any
 * code fence in it is closed (a block with an open fence is rendered without highlighting, so never kept).
 */
let lastGrowing: { text: string; element: ReactElement } | null = null;

function finishedFromGrowing(text: string): ReactElement | undefined {
  if (!lastGrowing || !text.startsWith(lastGrowing.text)) return undefined;
  for (let index = lastGrowing.text.length; index < text.length; index++) if (text[index] !== '\n') return undefined;
  return lastGrowing.element;
}

export function growingMarkdown(text: string, highlight: boolean): ReactElement {
  const element = parsedGrowing.get(growingKey(text, highlight)) ?? renderMarkdown(text, highlight);
  lastGrowing = highlight ? { text, element } : null;
  return element;
}

export function cachedMarkdown(text: string): ReactElement {
  const element = rendered.get(text) ?? finishedFromGrowing(text) ?? renderMarkdown(text, true);
  rememberFinished(text, element);
  return element;
}

/**
 * Growing blocks parsed ahead by the Markdown worker (parse-ahead.ts), waiting for the render that shows
 * them. Keyed by text and highlighting; only the newest few are kept.
 */
const parsedGrowing = new Map<string, ReactElement>();
const PARSED_GROWING_CAPACITY = 8;
const growingKey = (text: string, highlight: boolean) => `${highlight ? 'h' : 'p'}\u0000${text}`;

/** A finished block needs parsing: it has not been rendered, and it is not the last growing render. */
export function needsFinishedParse(text: string): boolean {
  return !rendered.has(text) && finishedFromGrowing(text) === undefined;
}

export function needsGrowingParse(text: string, highlight: boolean): boolean {
  return !parsedGrowing.has(growingKey(text, highlight));
}

/** Keeps a finished block's rendering, as the most recently used. */
export function rememberFinished(text: string, element: ReactElement): void {
  keepRecent(rendered, text, element, RENDERED_CAPACITY);
}

export function rememberGrowing(text: string, highlight: boolean, element: ReactElement): void {
  keepRecent(parsedGrowing, growingKey(text, highlight), element, PARSED_GROWING_CAPACITY);
}
