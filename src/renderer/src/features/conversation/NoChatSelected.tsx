import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';

/** Route `#/chat`: nothing selected yet. Also the first thing a new user sees, so it points at the key. */
export function NoChatSelected() {
  const { t } = useTranslation();
  const needsKey = useAppStore((s) => s.secretStatus !== null && !s.secretStatus.hasKey);
  return (
    <main className="conversation conversation--empty">
      <EmptyState title={t('conversation.noChatTitle')}>
        <p>{t('conversation.noChatBody')}</p>
        {needsKey && <ErrorNotice code="no_api_key" className="notice--hint" />}
      </EmptyState>
    </main>
  );
}
