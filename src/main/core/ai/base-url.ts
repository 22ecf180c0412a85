import { AppError } from '../../../shared/domain/errors';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * ANTHROPIC_BASE_URL receives the API key with every request, so it must be https — plain http only to
 * this machine (a local proxy, or the fake server in tests).
 */
export function checkedBaseUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError('invalid_input', `ANTHROPIC_BASE_URL is not a URL: ${value}`);
  }
  if (url.username || url.password) throw new AppError('invalid_input', 'ANTHROPIC_BASE_URL must not contain a user name or password');
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return value;
  throw new AppError('invalid_input', 'ANTHROPIC_BASE_URL must use https:// (plain http:// is allowed only for 127.0.0.1 or localhost)');
}
