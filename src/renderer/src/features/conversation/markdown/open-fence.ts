/** A fenced code block still being written: its language and the code so far. */
export interface OpenFence {
  language: string | null;
  code: string;
}

const FENCE_LINE = /^( {0,3})(`{3,}|~{3,})[ \t]*([^\n]*)$/;

/**
 * Reads a block that is one fenced code block whose closing fence has not arrived yet, as CommonMark
 * would: the info string's first word is the language; each code line loses as many leading spaces
 * (at most) as the opening fence was indented. Anything else (a paragraph before the fence, a fence in
 * a list or a quote, a backtick fence whose info string has a backtick) is not one: null.
 */
export function readOpenFence(block: string): OpenFence | null {
  const firstBreak = block.indexOf('\n');
  const first = firstBreak === -1 ? block : block.slice(0, firstBreak);
  const match = FENCE_LINE.exec(first);
  if (!match) return null;
  const [, indent = '', fence = '', info = ''] = match;
  if (fence[0] === '`' && info.includes('`')) return null;
  const language = info.trim().split(/\s+/)[0] || null;
  if (firstBreak === -1) return { language, code: '' };
  const body = block.slice(firstBreak + 1);
  const code = indent.length === 0 ? body : body.replace(new RegExp(`^ {1,${indent.length}}`, 'gm'), '');
  return { language, code };
}
