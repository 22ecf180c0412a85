/** How much of a finished answer is read out; the rest is in the log for whoever wants it. */
const EXCERPT_CHARS = 200;

/**
 * How much of the answer's start is cleaned up: enough Markdown to leave `max` characters of plain text
 * in any answer a person would hear the start of, without running the clean-up over a 100k-character
 * answer in the task that ends its stream (it took 4–7 ms there).
 */
const SOURCE_CHARS_PER_EXCERPT_CHAR = 20;

/** Markdown read aloud is noise ("hash hash", "backtick"): a rough plain-text version of it. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, ' ')
    .replace(/~~~[^\n]*\n?/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The start of an answer as plain text, at most `max` characters, cut at a word. */
export function spokenExcerpt(markdown: string, max = EXCERPT_CHARS): string {
  const plain = plainText(markdown.slice(0, max * SOURCE_CHARS_PER_EXCERPT_CHAR));
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
