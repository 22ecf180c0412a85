/** Main wraps each matched word of a snippet in these private-use characters (never HTML). */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/**
 * Splits a snippet into plain and matched runs, to render the matches as <mark> elements (never as HTML).
 * Stray or unbalanced markers are dropped rather than shown.
 */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  let text = '';
  const flush = () => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
    text = '';
  };
  for (const char of snippet) {
    if (char === MARK_START || char === MARK_END) {
      flush();
      marked = char === MARK_START;
      continue;
    }
    text += char;
  }
  flush();
  return parts;
}
