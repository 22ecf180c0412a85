/**
 * The same rules as the `secrets:setApiKey` schema, checked here first so the message can be specific.
 * Copied, not imported: contract.ts builds zod schemas at module load, which would pull zod into the
 * renderer bundle. Main re-validates regardless; if the numbers drift, its `invalid_input` still shows.
 */
const API_KEY_MIN = 8;
const API_KEY_MAX = 512;

export type ApiKeyProblem = 'tooShort' | 'tooLong' | 'hasSpaces';

export function checkApiKey(raw: string): ApiKeyProblem | null {
  const key = raw.trim();
  if (/\s/.test(key)) return 'hasSpaces';
  if (key.length < API_KEY_MIN) return 'tooShort';
  if (key.length > API_KEY_MAX) return 'tooLong';
  return null;
}
