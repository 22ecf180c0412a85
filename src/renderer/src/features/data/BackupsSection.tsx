import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupDto } from '../../../../shared/domain/dto';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RelativeTime } from '../../components/RelativeTime';
import { Skeleton } from '../../components/Skeleton';
import { formatFullDate } from '../../components/relative-time';
import { useAppStore } from '../../store';
import { formatBytes } from './format';
import './data.css';

type Outcome =
  | { kind: 'made'; backup: BackupDto }
  | { kind: 'restored'; backup: BackupDto; safety: BackupDto | null }
  | { kind: 'refused'; reason: 'newer' | 'unreadable' }
  | { kind: 'failed'; error: AppErrorData };

/** Settings → Backups: every backup newest first, "Back up now", and Restore with a safety backup first. */
export function BackupsSection() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const backups = useAppStore((s) => s.backups);
  const status = useAppStore((s) => s.backupsStatus);
  const loadError = useAppStore((s) => s.backupsError);
  const loadBackups = useAppStore((s) => s.loadBackups);
  const createBackup = useAppStore((s) => s.createBackup);
  const restoreBackup = useAppStore((s) => s.restoreBackup);
  const [working, setWorking] = useState(false);
  const [asking, setAsking] = useState<BackupDto | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    void loadBackups();
  }, [loadBackups]);

  const when = (backup: BackupDto) => formatFullDate(new Date(backup.createdAt), i18n.language);

  const onBackUp = async () => {
    setWorking(true);
    setOutcome(null);
    const result = await createBackup();
    setWorking(false);
    setOutcome(result.ok ? { kind: 'made', backup: result.value } : { kind: 'failed', error: result.error });
  };

  const onRestore = async (backup: BackupDto) => {
    setRestoring(true);
    setOutcome(null);
    const result = await restoreBackup(backup.name);
    setRestoring(false);
    setAsking(null);
    if (result.ok) setOutcome({ kind: 'restored', backup: result.value.restored, safety: result.value.safetyBackup });
    else if (result.error.code === 'backup_invalid') {
      // Main refuses a backup a newer Parley wrote (its data version is above ours) or one it cannot read.
      const newer = backup.schemaVersion !== null && /newer/i.test(result.error.message);
      setOutcome({ kind: 'refused', reason: newer ? 'newer' : 'unreadable' });
    } else setOutcome({ kind: 'failed', error: result.error });
  };

  return (
    <section className="settings-section backups" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('backup.heading')}</h2>
      <p className="field-help settings-section__lead">{t('backup.lead')}</p>
      <button type="button" className="button" onClick={() => void onBackUp()} disabled={working || restoring}>
        {working ? t('backup.working') : t('backup.now')}
      </button>
      <div role="status" className="backups__live">
        {outcome?.kind === 'made' && <p className="notice notice--ok">{t('backup.made', { date: when(outcome.backup) })}</p>}
        {outcome?.kind === 'restored' && (
          <p className="notice notice--ok">
            {t('backup.restored', { date: when(outcome.backup) })}
            {outcome.safety && ` ${t('backup.safetyKept')}`}
          </p>
        )}
      </div>
      {outcome?.kind === 'refused' && (
        <p className="notice notice--error" role="alert">
          {outcome.reason === 'newer' ? t('backup.refusedNewer') : t('backup.refusedUnreadable')}
        </p>
      )}
      {outcome?.kind === 'failed' && <ErrorNotice code={outcome.error.code} role="alert" />}
      {status === 'loading' || status === 'idle' ? (
        <Skeleton lines={3} variant="list" label={t('backup.loading')} className="backups__skeleton" />
      ) : status === 'error' && loadError ? (
        <ErrorNotice code={loadError.code} />
      ) : backups.length === 0 ? (
        <p className="backups__none">{t('backup.none')}</p>
      ) : (
        <ul className="backup-list" aria-label={t('backup.list')}>
          {backups.map((backup) => (
            <li key={backup.name} className="backup-list__item" data-backup-kind={backup.kind}>
              <div className="backup-list__main">
                <span className="backup-list__kind">{t(`backup.kinds.${backup.kind}`)}</span>
                <RelativeTime className="backup-list__time" date={backup.createdAt} />
              </div>
              <div className="backup-list__meta">
                <span>{when(backup)}</span>
                <span aria-hidden="true">{' · '}</span>
                <span>{formatBytes(backup.sizeBytes, i18n.language)}</span>
                <span aria-hidden="true">{' · '}</span>
                <span>{backup.schemaVersion === null ? t('backup.unreadable') : t('backup.schema', { version: backup.schemaVersion })}</span>
              </div>
              <button
                type="button"
                className="button button--small backup-list__restore"
                aria-label={t('backup.restoreLabel', { date: when(backup) })}
                disabled={restoring || working}
                onClick={() => setAsking(backup)}
              >
                {t('backup.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {asking && (
        <ConfirmDialog
          title={t('backup.confirmTitle', { date: when(asking) })}
          message={t('backup.confirmBody')}
          confirmLabel={restoring ? t('backup.restoring') : t('backup.confirm')}
          busy={restoring}
          onConfirm={() => void onRestore(asking)}
          onCancel={() => !restoring && setAsking(null)}
        />
      )}
    </section>
  );
}
