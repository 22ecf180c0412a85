import { useTranslation } from 'react-i18next';
import type { ContextSyncStatusDto } from '../../../../shared/domain/dto';
import { RelativeTime } from '../../components/RelativeTime';
import { formatShortDateTime, syncReason } from './sync-codes';
import './admin.css';

/**
 * How sync is doing, in one calm sentence: up to date, syncing, or why the last attempt failed and which
 * version is in use instead. A polite live region, so "Sync now" is heard when it finishes.
 */
interface SyncStatusLineProps {
  status: ContextSyncStatusDto;
  /** The technical reason from main (for admins, on the provenance panel). */
  showDetail?: boolean;
  /** When the copy in use was last synced (where no separate "Last sync" row says it). */
  showLastSync?: boolean;
}

export function SyncStatusLine({ status, showDetail = false, showLastSync = false }: SyncStatusLineProps) {
  const { t, i18n } = useTranslation();
  const { state, lastError, heldVersion, lastSuccessAt, lastAttemptAt } = status;

  let sentence: string;
  if (state === 'disabled') sentence = t('sync.state.disabled');
  else if (state === 'syncing') sentence = t('sync.state.syncing');
  else if (state === 'ok') sentence = heldVersion !== null ? t('sync.state.okVersion', { version: heldVersion }) : t('sync.state.ok');
  else {
    const reason = t(`sync.reason.${syncReason(lastError?.code ?? '')}`);
    sentence =
      heldVersion !== null && lastSuccessAt
        ? t('sync.state.errorKeeping', { reason, version: heldVersion, date: formatShortDateTime(lastSuccessAt, i18n.language) })
        : t('sync.state.errorNoCopy', { reason });
  }

  return (
    <div className="sync-status" data-state={state} role="status" aria-live="polite">
      <p className="sync-status__line">
        <span className="sync-status__dot" aria-hidden="true" />
        <span>{sentence}</span>
      </p>
      {state === 'ok' && showLastSync && lastSuccessAt && (
        <p className="sync-status__more">
          {t('sync.lastSync')} <RelativeTime date={lastSuccessAt} />
        </p>
      )}
      {state === 'error' && lastAttemptAt && (
        <p className="sync-status__more">
          {t('sync.lastAttempt')} <RelativeTime date={lastAttemptAt} />
          {showDetail && lastError?.message ? <span className="sync-status__detail">{t('sync.detail', { message: lastError.message })}</span> : null}
        </p>
      )}
    </div>
  );
}
