import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCountdown } from '../network/use-countdown';
import { limitDetails, type LimitDetails } from './limit-details';

interface LimitNoticeProps {
  /** A `limit_reached` error from a send (or regenerate / continue). */
  error: AppErrorData;
  className?: string;
}

/**
 * Why a send was held back and for how long: "You can send 20 messages a minute. Try again in 12 s."
 * with a live countdown, or "3 answers are already being written. Wait for one to finish."
 * The message itself stays in the composer. Render it keyed by the error so each refusal counts afresh.
 */
export function LimitNotice({ error, className }: LimitNoticeProps) {
  const details = limitDetails(error);
  if (!details) return <ErrorNotice code={error.code} role="alert" {...(className ? { className } : {})} />;
  return <KnownLimitNotice details={details} className={className} />;
}

function KnownLimitNotice({ details, className }: { details: LimitDetails; className: string | undefined }) {
  const { t } = useTranslation();
  // The countdown starts when the refusal is shown.
  const [deadline] = useState(() => (details.retryAfterSeconds !== undefined ? Date.now() + details.retryAfterSeconds * 1000 : null));
  const seconds = useCountdown(deadline);
  const initial = details.retryAfterSeconds !== undefined ? Math.ceil(details.retryAfterSeconds) : null;
  return (
    <div className={`notice notice--hint send-limit ${className ?? ''}`} role="alert" data-error-code="limit_reached" data-limit-reason={details.reason}>
      {details.reason === 'concurrent' ? (
        <span>{t('limits.notice.concurrent', { count: details.limit })}</span>
      ) : (
        <>
          <span>{t('limits.notice.perMinute', { count: details.limit })}</span>{' '}
          {seconds === null || initial === null ? (
            <span>{t('limits.notice.tryLater')}</span>
          ) : (
            <>
              {/* The alert is read once with the wait as it was; the ticking copy is for the eyes only. */}
              <span className="sr-only">{t('limits.notice.tryIn', { seconds: initial })}</span>
              <span className="send-limit__countdown" aria-hidden="true">
                {seconds > 0 ? t('limits.notice.tryIn', { seconds }) : t('limits.notice.canSend')}
              </span>
            </>
          )}
        </>
      )}
      <span className="send-limit__kept"> {t('limits.notice.kept')}</span>
    </div>
  );
}
