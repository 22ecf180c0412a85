import { HIT_END, HIT_START } from '../db/search-repository';
import type { SearchTerm } from './search-query';

/** How the index compares words: case and Latin diacritics ignored, as unicode61 remove_diacritics does. */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * A snippet like FTS5's snippet(): about `size` words around the densest run of matches, each matched
 * word between HIT_START and HIT_END, "…" where text was cut. Used where asking FTS5 for snippets one
 * row at a time is slow (prefix queries ranked by relevance).
 */
export function makeSnippet(content: string, terms: readonly SearchTerm[], size = 16): string {
  const tokens = [...content.matchAll(/[\p{L}\p{N}\p{M}_]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, folded: foldWord(m[0]) }));
  const wanted = terms.flatMap((term) => term.words.map((word, i) => ({ word: foldWord(word), prefix: term.prefix && i === term.words.length - 1 })));
  const hit = tokens.map((token) => wanted.some((w) => (w.prefix ? token.folded.startsWith(w.word) : token.folded === w.word)));
  let bestStart = 0;
  let bestCount = -1;
  for (let start = 0; start < Math.max(1, tokens.length - size + 1); start++) {
    let count = 0;
    for (let i = start; i < Math.min(tokens.length, start + size); i++) if (hit[i]) count++;
    if (count > bestCount) {
      bestCount = count;
      bestStart = start;
    }
  }
  if (tokens.length === 0) return content.slice(0, 200);
  const last = Math.min(tokens.length, bestStart + size) - 1;
  let out = bestStart > 0 ? '…' : '';
  let cursor = bestStart === 0 ? 0 : tokens[bestStart]!.start;
  for (let i = bestStart; i <= last; i++) {
    const token = tokens[i]!;
    out += content.slice(cursor, token.start);
    out += hit[i] ? `${HIT_START}${content.slice(token.start, token.end)}${HIT_END}` : content.slice(token.start, token.end);
    cursor = token.end;
  }
  return out + (last < tokens.length - 1 ? '…' : content.slice(cursor));
}
