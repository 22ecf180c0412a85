import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useAppStore } from '../../store';
import { selectOffline } from '../../store/network-slice';
import './network.css';

/**
 * A calm, persistent note while Anthropic cannot be reached: everything but answers still works, and
 * questions wait to be sent. "Check now" asks main to try the connection at once instead of at its next probe.
 */
export function OfflineBanner() {
  const { t } = useTranslation();
  const offline = useAppStore(selectOffline);
  const setStatus = useAppStore((s) => s.setNetworkStatus);
  const [checking, setChecking] = useState(false);

  const checkNow = async () => {
    setChecking(true);
    const result = await api.network.osStatus({ online: true });
    if (result.ok) setStatus(result.value);
    setChecking(false);
  };

  return (
    // Always in the page so the change is announced; empty while online.
    <div className="offline-banner__region" role="status">
      {offline && (
        <div className="offline-banner" data-testid="offline-banner">
          <p className="offline-banner__title">
            <span className="offline-banner__dot" aria-hidden="true" />
            {t('network.offline.title')}
          </p>
          <p className="offline-banner__body">{t('network.offline.body')}</p>
          <button type="button" className="button button--small offline-banner__check" onClick={() => void checkNow()} disabled={checking}>
            {checking ? t('network.offline.checking') : t('network.offline.check')}
          </button>
        </div>
      )}
    </div>
  );
}
