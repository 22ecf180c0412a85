import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupDto } from '../../../../shared/domain/dto';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { knownCode } from '../../components/ErrorNotice';
import { formatShortDate } from '../data/format';
import { useAppStore } from '../../store';
import './recovery.css';

type Asking = { kind: 'restore'; backup: BackupDto } | { kind: 'fresh' };

/**
 * Shown instead of the app when the data file failed its check: say what happened and that nothing was
 * overwritten, then offer the latest backup or a fresh start, each confirmed. The technical detail is one
 * click away. Outside the router on purpose: nothing here depends on the app's routes.
 */
export function RecoveryScreen() {
  const { t, i18n } = useTranslation();
  const { detail, latestBackup } = useAppStore((s) => s.recovery);
  const restoreBackup = useAppStore((s) => s.restoreBackup);
  const startFresh = useAppStore((s) => s.startFresh);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Whatever had focus is gone: start keyboard and screen reader users at the explanation.
  useEffect(() => heading.current?.focus(), []);

  const when = (backup: BackupDto) => formatShortDate(backup.createdAt, i18n.language);

  const confirm = async () => {
    if (!asking) return;
    setBusy(true);
    setError(null);
    const failure = asking.kind === 'restore' ? await restoreBackup(asking.backup.name).then((r) => (r.ok ? null : r.error)) : await startFresh();
    // On success the app takes over from this screen.
    setBusy(false);
    setAsking(null);
    if (failure) setError(failure);
  };

  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <div className="recovery__panel">
        <svg className="recovery__icon" viewBox="0 0 24 24" width="36" height="36" aria-hidden="true" focusable="false">
          <path d="M12 3 2.5 20h19L12 3Z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
          <path d="M12 10v4.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="12" cy="17.2" r="1.1" fill="currentColor" />
        </svg>
        <h1 id="recovery-title" ref={heading} tabIndex={-1} className="recovery__title">
          {t('recovery.title')}
        </h1>
        <p className="recovery__body">{t('recovery.body')}</p>
        <p className="recovery__body">{latestBackup ? t('recovery.choose') : t('recovery.noBackup')}</p>
        {error && (
          <p className="notice notice--error" role="alert">
            {error.code === 'backup_invalid' ? t('recovery.backupRefused') : t(`errors.${knownCode(error.code)}`)}
          </p>
        )}
        <div className="recovery__actions">
          {latestBackup && (
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => setAsking({ kind: 'restore', backup: latestBackup })}
            >
              {t('recovery.restoreLatest', { date: when(latestBackup) })}
            </button>
          )}
          <button
            type="button"
            className={latestBackup ? 'button' : 'button button--primary'}
            disabled={busy}
            onClick={() => setAsking({ kind: 'fresh' })}
          >
            {t('recovery.startFresh')}
          </button>
        </div>
        {detail && (
          <details className="recovery__details">
            <summary>{t('recovery.details')}</summary>
            <pre>{detail}</pre>
          </details>
        )}
      </div>
      {asking?.kind === 'restore' && (
        <ConfirmDialog
          title={t('recovery.confirmRestoreTitle', { date: when(asking.backup) })}
          message={t('recovery.confirmRestoreBody')}
          confirmLabel={busy ? t('recovery.working') : t('recovery.confirmRestore')}
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => !busy && setAsking(null)}
        />
      )}
      {asking?.kind === 'fresh' && (
        <ConfirmDialog
          title={t('recovery.confirmFreshTitle')}
          message={t('recovery.confirmFreshBody')}
          confirmLabel={busy ? t('recovery.working') : t('recovery.confirmFresh')}
          danger
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => !busy && setAsking(null)}
        />
      )}
    </main>
  );
}
