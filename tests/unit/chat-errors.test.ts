import { describe, expect, it } from 'vitest';
import { AuthError, ChatError, ContextTooLongError, ProviderUnavailableError, RateLimitedError, classifyApiFailure, parseRetryAfter } from '../../src/main/core/ai/chat-errors';

describe('classifyApiFailure', () => {
  it.each([
    [{ status: 401, type: 'authentication_error' }, 'auth_failed', false],
    [{ status: 403, type: 'permission_error' }, 'auth_failed', false],
    [{ status: 429, type: 'rate_limit_error' }, 'rate_limited', true],
    [{ status: 529, type: 'overloaded_error' }, 'overloaded', true],
    [{ status: undefined, type: 'overloaded_error' }, 'overloaded', true],
    [{ status: 400, type: 'invalid_request_error', message: 'prompt is too long: 210000 tokens > 200000 maximum' }, 'context_too_long', false],
    [{ status: 400, type: 'invalid_request_error', message: 'messages: roles must alternate' }, 'provider_error', false],
    [{ status: 500, type: 'api_error' }, 'provider_error', true],
  ])('%j → %s', (input, code, retryable) => {
    const error = classifyApiFailure({ message: 'x', ...input });
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
  });

  it('gives each failure its own class, all of them ChatErrors', () => {
    expect(classifyApiFailure({ status: 401, type: null, message: '' })).toBeInstanceOf(AuthError);
    expect(classifyApiFailure({ status: 429, type: null, message: '' })).toBeInstanceOf(RateLimitedError);
    expect(classifyApiFailure({ status: 529, type: null, message: '' })).toBeInstanceOf(ProviderUnavailableError);
    expect(classifyApiFailure({ status: 400, type: null, message: 'prompt is too long' })).toBeInstanceOf(ContextTooLongError);
    expect(classifyApiFailure({ status: 500, type: null, message: '' })).toBeInstanceOf(ChatError);
    expect(classifyApiFailure({ status: 401, type: null, message: '' }).name).toBe('AuthError');
  });

  it('reads retry-after as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter('1.2')).toBe(2);
    expect(parseRetryAfter(new Date(Date.now() + 30_000).toUTCString())).toBeGreaterThanOrEqual(29);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(classifyApiFailure({ status: 429, type: null, message: '', retryAfter: '12' }).retryAfterSeconds).toBe(12);
  });
});
