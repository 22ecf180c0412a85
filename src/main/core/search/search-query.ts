/**
 * Turns what a person types into an FTS5 query that cannot be a syntax error: "quoted phrases" stay
 * phrases, word* is a prefix, everything else is a literal word (so AND, NEAR, -, : and stray quotes
 * are just text). Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const terms: string[] = [];
  const text = input.normalize('NFC');
  let quotes = (text.match(/"/gu) ?? []).length;
  for (const match of text.matchAll(/"([^"]*)"|(\S+)/gu)) {
    if (match[1] !== undefined && quotes >= 2) {
      quotes -= 2;
      const words = wordsOf(match[1]);
      if (words.length > 0) terms.push(`"${words.join(' ')}"`);
      continue;
    }
    const raw = match[1] !== undefined ? match[1] : match[2]!;
    const prefix = /\*$/u.test(raw);
    const words = wordsOf(raw);
    words.forEach((word, index) => {
      terms.push(`"${word}"${prefix && index === words.length - 1 ? '*' : ''}`);
    });
  }
  return terms.length > 0 ? terms.join(' ') : null;
}

/** Letters and digits only, as the unicode61 tokenizer sees words; quotes can never survive. */
function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}\p{M}_]+/u).filter(Boolean);
}
