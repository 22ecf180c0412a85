import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ERROR_CODES, type ErrorCode } from '../../../shared/domain/errors';

/** Codes the user fixes on the Settings page, so the notice links there. */
const KEY_CODES: ReadonlySet<ErrorCode> = new Set(['no_api_key', 'auth_failed']);

/** A code from main we do not know (a newer core?) still gets a sentence, never a raw string. */
export function knownCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'internal';
}

interface ErrorNoticeProps {
  code: string;
  /** Seconds main asked us to wait (rate limits), shown as a second sentence. */
  retryAfterSeconds?: number | undefined;
  /** 'alert' for errors caused by the user's last action; omit inside the message log (it announces). */
  role?: 'alert';
  className?: string;
}

/** Shows any `{ ok: false }` or stream error as a translated sentence, with a way to fix it if there is one. */
export function ErrorNotice({ code, retryAfterSeconds, role, className }: ErrorNoticeProps) {
  const { t } = useTranslation();
  const known = knownCode(code);
  return (
    <div className={`notice notice--error ${className ?? ''}`} role={role} data-error-code={known}>
      <span>{t(`errors.${known}`)}</span>
      {retryAfterSeconds !== undefined && retryAfterSeconds > 0 && (
        <span> {t('errors.retryIn', { count: Math.ceil(retryAfterSeconds) })}</span>
      )}
      {KEY_CODES.has(known) && (
        <>
          {' '}
          <Link to="/settings" className="notice__action">
            {t('conversation.manageKey')}
          </Link>
        </>
      )}
    </div>
  );
}
