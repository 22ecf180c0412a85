import { dateTimeFormat } from '../../components/intl-cache';

/**
 * Why a sync attempt failed, as main reports it in `ContextSyncStatusDto.lastError.code`
 * (src/main/core/context/sync/fetch-document.ts). Each has a calm sentence under `sync.reason.*`.
 */
export const SYNC_FAILURE_CODES = [
  'offline',
  'timeout',
  'http_error',
  'not_found',
  'wrong_content_type',
  'too_large',
  'malformed',
  'invalid_document',
  'rollback',
  'missing_signature',
  'wrong_key',
  'bad_signature',
  'insecure_url',
] as const;

export type SyncFailureCode = (typeof SYNC_FAILURE_CODES)[number];

/** A code from a newer core still gets a sentence, never a raw string. */
export function syncReason(code: string): SyncFailureCode | 'unknown' {
  return (SYNC_FAILURE_CODES as readonly string[]).includes(code) ? (code as SyncFailureCode) : 'unknown';
}

/** "21 Nov, 10:03" in the UI language: when the copy in use was fetched. */
export function formatShortDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(language, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }).format(date);
}

/** `invalid_input` details name the field they are about: `[{ path: 'url', message }]`. */
export function invalidPaths(details: unknown): Set<string> {
  const paths = new Set<string>();
  if (!Array.isArray(details)) return paths;
  for (const item of details) {
    if (item && typeof item === 'object' && typeof (item as { path?: unknown }).path === 'string') paths.add((item as { path: string }).path);
  }
  return paths;
}
