/**
 * Error codes travel as data across IPC (Electron keeps only the message of a thrown error),
 * so the renderer can translate them. Keep the list stable: the renderer's locales key on it.
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'chat_limit_reached',
  'no_api_key',
  'auth_failed',
  'rate_limited',
  'overloaded',
  'offline',
  'context_too_long',
  'provider_error',
  'stream_busy',
  'secret_store_unavailable',
  'managed_setting',
  'model_not_allowed',
  'limit_reached',
  'conflict',
  'sync_failed',
  'publish_failed',
  'tool_failed',
  'database_damaged',
  'backup_invalid',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Thrown inside the core; the router turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toData(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
