import { TITLE_MAX } from '../../../../shared/domain/limits';

/** The same rule as the contract's `title` (trimmed, 1..TITLE_MAX), checked first so the message can be specific. */
export type TitleProblem = { kind: 'empty' } | { kind: 'tooLong'; length: number };

export function checkTitle(raw: string): TitleProblem | null {
  const title = raw.trim();
  if (title.length === 0) return { kind: 'empty' };
  if (title.length > TITLE_MAX) return { kind: 'tooLong', length: title.length };
  return null;
}
