import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';

/** "Sync now": one attempt at once; how it went shows in the status line next to it, not in a dialog. */
export function SyncNowButton({ className }: { className?: string }) {
  const { t } = useTranslation();
  const syncNow = useAppStore((s) => s.syncNow);
  const syncing = useAppStore((s) => s.syncStatus?.state === 'syncing');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const onClick = async () => {
    setBusy(true);
    setError(null);
    setError(await syncNow());
    setBusy(false);
  };

  return (
    <>
      <button type="button" className={`button ${className ?? ''}`} onClick={() => void onClick()} disabled={busy || syncing} aria-busy={busy || undefined}>
        {busy || syncing ? t('sync.syncingButton') : t('sync.syncNow')}
      </button>
      {error && <ErrorNotice code={error.code} role="alert" />}
    </>
  );
}
