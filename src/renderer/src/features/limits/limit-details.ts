import type { AppErrorData } from '../../../../shared/domain/errors';

/** What main says with `limit_reached` (see src/main/core/chat/rate-limiter.ts). */
export interface LimitDetails {
  reason: 'concurrent' | 'per_minute';
  limit: number;
  retryAfterSeconds?: number;
}

/** The details of a `limit_reached` error, or null when they are missing or not what we expect. */
export function limitDetails(error: AppErrorData): LimitDetails | null {
  if (error.code !== 'limit_reached') return null;
  const details = error.details as Partial<LimitDetails> | undefined;
  if (!details || (details.reason !== 'concurrent' && details.reason !== 'per_minute')) return null;
  if (typeof details.limit !== 'number') return null;
  return {
    reason: details.reason,
    limit: details.limit,
    ...(typeof details.retryAfterSeconds === 'number' ? { retryAfterSeconds: details.retryAfterSeconds } : {}),
  };
}
