import type { ErrorCode } from '../../../shared/domain/errors';

/** A failure talking to the model, already classified into an IPC error code. */
export class ProviderError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly retryable: boolean,
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
    this.name = 'ProviderError';
  }
}

/** Raised when the person (or shutdown) aborted the request; not an error to show. */
export class AbortedError extends Error {
  constructor() {
    super('aborted');
    this.name = 'AbortedError';
  }
}

const TOO_LONG = /prompt is too long|too many (input )?tokens|context (window|length)|input length/i;

/** Shared classification by status and error type, so the rules can be tested without the SDK. */
export function classifyApiFailure(input: {
  status: number | undefined;
  type: string | null | undefined;
  message: string;
  retryAfter?: string | null | undefined;
}): ProviderError {
  const { status, type, message } = input;
  if (status === 401 || status === 403 || type === 'authentication_error' || type === 'permission_error') {
    return new ProviderError('auth_failed', message, false);
  }
  if (status === 429 || type === 'rate_limit_error') {
    return new ProviderError('rate_limited', message, true, parseRetryAfter(input.retryAfter));
  }
  if (status === 529 || type === 'overloaded_error') {
    return new ProviderError('overloaded', message, true, parseRetryAfter(input.retryAfter));
  }
  if ((status === 400 || status === 413 || type === 'invalid_request_error') && TOO_LONG.test(message)) {
    return new ProviderError('context_too_long', message, false);
  }
  return new ProviderError('provider_error', message, status === undefined || status >= 500);
}

export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
