import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { knownCode } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import './data.css';

/** How long a notice stays before it goes by itself. */
const NOTICE_MS = 10_000;

/**
 * The outcome of an export started from a chat's menu ("Saved to …"), at the bottom of the window.
 * The live region is always there, so screen readers hear each new notice.
 */
export function DataToast() {
  const { t } = useTranslation();
  const notice = useAppStore((s) => s.dataNotice);
  const dismiss = useAppStore((s) => s.dismissDataNotice);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismiss, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);

  return (
    <div className="toast-region" role="status">
      {notice && (
        <div className={`toast ${notice.kind === 'failed' ? 'toast--error' : ''}`} data-notice={notice.kind}>
          <span className="toast__text">
            {notice.kind === 'exported'
              ? t('data.savedTo', { path: notice.path })
              : `${t('data.exportFailed')} ${t(`errors.${knownCode(notice.code)}`)}`}
          </span>
          <button type="button" className="icon-button toast__close" aria-label={t('data.dismiss')} title={t('data.dismiss')} onClick={dismiss}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      )}
    </div>
  );
}
