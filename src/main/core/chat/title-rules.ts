import { TITLE_MAX } from '../../../shared/domain/limits';

export const FIRST_TITLE_WORDS = 5;
export const GENERATED_TITLE_MAX = 80;

/** The title a chat gets the moment its first message is sent: its first five words, "…" when longer. */
export function firstWordsTitle(content: string): string {
  const words = content.trim().split(/\s+/u).filter(Boolean);
  const title = words.slice(0, FIRST_TITLE_WORDS).join(' ') + (words.length > FIRST_TITLE_WORDS ? '…' : '');
  return clamp(title, TITLE_MAX);
}

/**
 * A model's suggested title made safe to show: one line, no quotes, Markdown marks or "Title:" prefix,
 * no trailing full stop, at most 80 characters cut at a word. null when nothing usable is left.
 */
export function cleanGeneratedTitle(raw: string): string | null {
  let title = raw.trim().split(/\r?\n/u).find((line) => line.trim() !== '') ?? '';
  title = title
    .replace(/^\s*(?:#+\s*|[-*]\s+)/u, '')
    .replace(/^\s*(?:title|заголовок|название)\s*[:：-]\s*/iu, '')
    .replace(/[*_`]+/gu, '')
    .replace(/^["'«“„‘\s]+|["'»”‘’\s]+$/gu, '')
    .replace(/\s+/gu, ' ')
    .replace(/[.。]+$/u, '')
    .trim();
  if (!title) return null;
  return clamp(title, GENERATED_TITLE_MAX);
}

function clamp(title: string, max: number): string {
  const chars = [...title];
  if (chars.length <= max) return title;
  const cut = chars.slice(0, max - 1).join('');
  const atWord = cut.replace(/\s+\S*$/u, '');
  return `${atWord.length >= max / 2 ? atWord : cut}…`;
}
