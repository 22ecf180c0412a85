import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import { oldestToArchive } from './chat-limit';

function limitDetails(error: AppErrorData, fallbackMax: number, fallbackActive: number) {
  const details = (error.details ?? {}) as { maxChats?: unknown; active?: unknown };
  return {
    maxChats: typeof details.maxChats === 'number' ? details.maxChats : fallbackMax,
    active: typeof details.active === 'number' ? details.active : fallbackActive,
  };
}

/**
 * Why "New chat" failed. For the chat limit it explains the limit and offers the way out: archive the
 * oldest chats (they stay under Archived) and go on to the new chat.
 */
export function ChatLimitNotice() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const error = useAppStore((s) => s.createChatError);
  const loadedActive = useAppStore((s) => s.chats.length);
  const settingsMax = useAppStore((s) => s.settings?.maxChats ?? loadedActive);
  const archiveOldestChats = useAppStore((s) => s.archiveOldestChats);
  const createChat = useAppStore((s) => s.createChat);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorData | null>(null);
  const [archivedCount, setArchivedCount] = useState<number | null>(null);

  useEffect(() => {
    if (archivedCount === null) return;
    const timer = setTimeout(() => setArchivedCount(null), 8000);
    return () => clearTimeout(timer);
  }, [archivedCount]);

  if (archivedCount !== null && !error) {
    return (
      <p className="notice notice--ok" role="status">
        {t('sidebar.limit.archived', { count: archivedCount })}
      </p>
    );
  }
  if (!error) return null;
  if (error.code !== 'chat_limit_reached') return <ErrorNotice code={error.code} role="alert" />;

  const { maxChats, active } = limitDetails(error, settingsMax, loadedActive);
  const count = oldestToArchive(Math.min(active, loadedActive), maxChats);

  const onArchive = async () => {
    setBusy(true);
    setFailure(null);
    const result = await archiveOldestChats(count);
    if (result.error) {
      setBusy(false);
      setFailure(result.error);
      return;
    }
    setArchivedCount(result.archived);
    const chat = await createChat();
    setBusy(false);
    if (chat) void navigate(`/chat/${chat.id}`);
  };

  return (
    <div className="notice notice--error limit-notice" role="alert" data-error-code="chat_limit_reached">
      <p className="limit-notice__text">{t('sidebar.limit.reached', { count: maxChats })}</p>
      {failure && <ErrorNotice code={failure.code} />}
      <div className="limit-notice__actions">
        {count > 0 && (
          <button type="button" className="button button--small" onClick={() => void onArchive()} disabled={busy}>
            {t('sidebar.limit.archiveOldest', { count })}
          </button>
        )}
        <Link to="/settings" className="limit-notice__link">
          {t('sidebar.limit.changeLimit')}
        </Link>
      </div>
    </div>
  );
}
