import { API_KEY_MAX, API_KEY_MIN } from '../../../../shared/domain/limits';

/** The same rules as the `secrets:setApiKey` schema, checked here first so the message can be specific. */

export type ApiKeyProblem = 'tooShort' | 'tooLong' | 'hasSpaces';

export function checkApiKey(raw: string): ApiKeyProblem | null {
  const key = raw.trim();
  if (/\s/.test(key)) return 'hasSpaces';
  if (key.length < API_KEY_MIN) return 'tooShort';
  if (key.length > API_KEY_MAX) return 'tooLong';
  return null;
}
