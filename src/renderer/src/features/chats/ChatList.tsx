import { useCallback, useEffect, useState } from 'react';
import { useMatch, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ChatDto } from '../../../../shared/domain/dto';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Skeleton } from '../../components/Skeleton';
import { useAppStore } from '../../store';
import { matchesFilter } from './filter-match';
import { ChatRow } from './ChatRow';

const DONE_NOTICE_MS = 6000;

type Notice = { kind: 'error'; error: AppErrorData } | { kind: 'done'; message: 'archived' | 'unarchived' | 'deleted'; title: string };

/**
 * The chats, newest activity first: active or archived (the toggle above), narrowed by the filter box.
 * Inside the <nav> the only links are the chats, each named exactly by its title.
 */
export function ChatList({ filter }: { filter: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const openChatId = useMatch('/chat/:chatId')?.params.chatId;
  const view = useAppStore((s) => s.chatListView);
  const chats = useAppStore((s) => (view === 'archived' ? s.archivedChats : s.chats));
  const status = useAppStore((s) => (view === 'archived' ? s.archivedStatus : s.chatsStatus));
  const loadError = useAppStore((s) => (view === 'archived' ? s.archivedError : s.chatsError));
  const reload = useAppStore((s) => (view === 'archived' ? s.loadArchivedChats : s.loadChats));
  const setChatArchived = useAppStore((s) => s.setChatArchived);
  const deleteChat = useAppStore((s) => s.deleteChat);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [deleting, setDeleting] = useState<ChatDto | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<AppErrorData | null>(null);

  // "Archived “X”." is worth a glance, not a permanent fixture.
  useEffect(() => {
    if (notice?.kind !== 'done') return;
    const timer = setTimeout(() => setNotice(null), DONE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const shown = chats.filter((chat) => matchesFilter(chat.title, filter, i18n.language));

  // Stable, so a row re-renders only when its chat or its being open changes (not on every navigation).
  const onArchive = useCallback(
    (chat: ChatDto, archived: boolean) => {
      setNotice(null);
      void setChatArchived(chat.id, archived).then((error) =>
        setNotice(error ? { kind: 'error', error } : { kind: 'done', message: archived ? 'archived' : 'unarchived', title: chat.title }),
      );
    },
    [setChatArchived],
  );
  const onOpen = useCallback(
    (chatId: string) => {
      const to = `/chat/${chatId}`;
      // As a link would: the chat already open (at its end) is not pushed onto the history again.
      void navigate(to, { replace: window.location.hash === `#${to}` });
    },
    [navigate],
  );
  const onDelete = useCallback((chat: ChatDto) => {
    setDeleteError(null);
    setDeleting(chat);
  }, []);

  const onConfirmDelete = async () => {
    if (!deleting) return;
    setDeleteBusy(true);
    const error = await deleteChat(deleting.id);
    setDeleteBusy(false);
    if (error) {
      setDeleteError(error);
      return;
    }
    setNotice({ kind: 'done', message: 'deleted', title: deleting.title });
    if (openChatId === deleting.id) void navigate('/chat', { replace: true });
    setDeleting(null);
  };

  return (
    <nav aria-label={t('sidebar.chats')} className="chat-list">
      <h2 className="sr-only">{view === 'archived' ? t('sidebar.archivedHeading') : t('sidebar.chats')}</h2>
      {notice?.kind === 'error' &&
        (notice.error.code === 'chat_limit_reached' ? (
          <p className="notice notice--error" role="alert" data-error-code="chat_limit_reached">
            {t('sidebar.unarchiveLimit')}
          </p>
        ) : (
          <ErrorNotice code={notice.error.code} role="alert" />
        ))}
      {notice?.kind === 'done' && (
        <p className="notice notice--ok chat-list__status" role="status">
          {t(`sidebar.done.${notice.message}`, { title: notice.title })}
        </p>
      )}

      {(status === 'idle' || status === 'loading') && <Skeleton variant="list" lines={6} label={t('sidebar.loading')} />}
      {status === 'error' && loadError && (
        <div className="chat-list__failed">
          <ErrorNotice code={loadError.code} role="alert" />
          <button type="button" className="button" onClick={() => void reload()}>
            {t('sidebar.retry')}
          </button>
        </div>
      )}
      {status === 'ready' && chats.length === 0 && (
        <p className="chat-list__empty">{view === 'archived' ? t('sidebar.noArchived') : t('sidebar.noChats')}</p>
      )}
      {status === 'ready' && chats.length > 0 && shown.length === 0 && (
        <p className="chat-list__empty">{t('sidebar.noMatches', { query: filter.trim() })}</p>
      )}
      {shown.length > 0 && (
        <ul className="chat-list__items">
          {shown.map((chat) => (
            <ChatRow key={chat.id} chat={chat} active={chat.id === openChatId} onArchive={onArchive} onDelete={onDelete} onOpen={onOpen} />
          ))}
        </ul>
      )}

      {deleting && (
        <ConfirmDialog
          title={t('sidebar.delete.title', { title: deleting.title })}
          message={t('sidebar.delete.message')}
          confirmLabel={t('sidebar.delete.confirm')}
          danger
          busy={deleteBusy}
          error={deleteError}
          onConfirm={() => void onConfirmDelete()}
          onCancel={() => setDeleting(null)}
        />
      )}
    </nav>
  );
}
