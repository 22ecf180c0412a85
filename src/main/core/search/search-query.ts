/** One thing to look for: a word, a "quoted phrase" (its words in order), or a prefix (word*). */
export interface SearchTerm {
  words: string[];
  prefix: boolean;
}

/**
 * Reads what a person types: "quoted phrases" stay phrases, word* is a prefix, everything else is a
 * literal word (so AND, NEAR, -, : and stray quotes are just text).
 */
export function parseQuery(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const text = input.normalize('NFC');
  let quotes = (text.match(/"/gu) ?? []).length;
  for (const match of text.matchAll(/"([^"]*)"|(\S+)/gu)) {
    if (match[1] !== undefined && quotes >= 2) {
      quotes -= 2;
      const words = wordsOf(match[1]);
      if (words.length > 0) terms.push({ words, prefix: false });
      continue;
    }
    const raw = match[1] !== undefined ? match[1] : match[2]!;
    const prefix = /\*$/u.test(raw);
    const words = wordsOf(raw);
    words.forEach((word, index) => terms.push({ words: [word], prefix: prefix && index === words.length - 1 }));
  }
  return terms;
}

/** The FTS5 form, which cannot be a syntax error: every word is quoted. null when nothing is searchable. */
export function toFtsQuery(input: string): string | null {
  const terms = parseQuery(input);
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term.words.join(' ')}"${term.prefix ? '*' : ''}`).join(' ');
}

/** Letters and digits only, as the unicode61 tokenizer sees words; quotes can never survive. */
function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}\p{M}_]+/u).filter(Boolean);
}
