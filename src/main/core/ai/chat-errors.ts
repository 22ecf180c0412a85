import type { ErrorCode } from '../../../shared/domain/errors';

/**
 * Every way talking to a model can fail, as one typed hierarchy. Each class carries the IPC error code
 * the renderer translates, whether trying again can help, and how long the provider asked us to wait.
 */
export class ChatError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly retryable: boolean,
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

/** 401 / 403: the key is wrong, revoked, or lacks permission. The person is led to the key setting. */
export class AuthError extends ChatError {
  constructor(detail: string) {
    super('auth_failed', detail, false);
  }
}

/** 429: too many requests for the account; the provider says when to try again. */
export class RateLimitedError extends ChatError {
  constructor(detail: string, retryAfterSeconds?: number) {
    super('rate_limited', detail, true, retryAfterSeconds);
  }
}

/** 529 / overloaded_error, or a 5xx: the provider cannot answer right now. */
export class ProviderUnavailableError extends ChatError {
  constructor(detail: string, kind: 'overloaded' | 'provider_error', retryable: boolean, retryAfterSeconds?: number) {
    super(kind, detail, retryable, retryAfterSeconds);
  }
}

/** The prompt does not fit the model's context window. */
export class ContextTooLongError extends ChatError {
  constructor(detail: string) {
    super('context_too_long', detail, false);
  }
}

/** No connection, a time-out, or a connection dropped midway. */
export class OfflineError extends ChatError {
  constructor(detail: string) {
    super('offline', detail, true);
  }
}

/** A tool the model asked for failed (tools arrive in a later issue). */
export class ToolExecutionError extends ChatError {
  constructor(detail: string) {
    super('tool_failed', detail, false);
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

/** Classification by status and error type, so the rules can be tested without the SDK. */
export function classifyApiFailure(input: {
  status: number | undefined;
  type: string | null | undefined;
  message: string;
  retryAfter?: string | null | undefined;
}): ChatError {
  const { status, type, message } = input;
  if (status === 401 || status === 403 || type === 'authentication_error' || type === 'permission_error') return new AuthError(message);
  if (status === 429 || type === 'rate_limit_error') return new RateLimitedError(message, parseRetryAfter(input.retryAfter));
  if (status === 529 || type === 'overloaded_error') return new ProviderUnavailableError(message, 'overloaded', true, parseRetryAfter(input.retryAfter));
  if ((status === 400 || status === 413 || type === 'invalid_request_error') && TOO_LONG.test(message)) return new ContextTooLongError(message);
  return new ProviderUnavailableError(message, 'provider_error', status === undefined || status >= 500);
}

export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
