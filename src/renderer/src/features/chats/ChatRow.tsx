import { memo, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatDto } from '../../../../shared/domain/dto';
import { ActionMenu, type ActionMenuItem } from '../../components/ActionMenu';
import { RelativeTime } from '../../components/RelativeTime';
import { useAppStore } from '../../store';
import { RenameField } from './RenameField';

interface ChatRowProps {
  chat: ChatDto;
  /** The chat open on the right. */
  active: boolean;
  onArchive: (chat: ChatDto, archived: boolean) => void;
  onDelete: (chat: ChatDto) => void;
  /** Shows the chat (a stable callback: hooks of the router would re-render every row on each navigation). */
  onOpen: (chatId: string) => void;
}

/**
 * One chat in the sidebar: its link (named exactly by the title), when it was last active, and a
 * "Chat actions" menu (Rename, Archive or Unarchive, Delete). Double-click or F2 on the link renames too.
 */
export const ChatRow = memo(function ChatRow({ chat, active, onArchive, onDelete, onOpen }: ChatRowProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const refocus = useRef(false);
  const link = useRef<HTMLAnchorElement>(null);
  const exportChat = useAppStore((s) => s.exportChat);
  const openConversation = useAppStore((s) => s.openConversation);
  const loadDraft = useAppStore((s) => s.loadDraft);
  // Not NavLink: it re-renders on every navigation, and with it every row of a long list.
  const to = `/chat/${chat.id}`;

  // After renaming, the keyboard user is back on the chat they renamed.
  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      link.current?.focus();
    }
  }, [editing]);

  const items: ActionMenuItem[] = [
    { id: 'rename', label: t('sidebar.actions.rename'), onSelect: () => setEditing(true) },
    chat.isArchived
      ? { id: 'unarchive', label: t('sidebar.actions.unarchive'), onSelect: () => onArchive(chat, false) }
      : { id: 'archive', label: t('sidebar.actions.archive'), onSelect: () => onArchive(chat, true) },
    { id: 'export-markdown', label: t('data.exportMarkdown'), onSelect: () => void exportChat(chat.id, 'markdown') },
    { id: 'export-json', label: t('data.exportJson'), onSelect: () => void exportChat(chat.id, 'json') },
    { id: 'delete', label: t('sidebar.actions.delete'), onSelect: () => onDelete(chat), danger: true },
  ];

  // The draft too, so the composer shows it in the chat's first frame. Only a chat never loaded: one
  // loaded at a search hit goes back to its end when it is opened (ConversationView), not on a press.
  const prefetch = () => {
    if (!useAppStore.getState().conversations[chat.id]) void openConversation(chat.id);
    void loadDraft(chat.id);
  };

  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    prefetch();
    // Modified clicks keep their browser meaning; a plain one navigates in the app.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onOpen(chat.id);
  };

  const onLinkKey = (e: KeyboardEvent<HTMLAnchorElement>) => {
    if (e.key === 'F2') {
      e.preventDefault();
      setEditing(true);
    }
  };

  if (editing) {
    return (
      <li className="chat-row chat-row--editing" data-chat-id={chat.id}>
        <RenameField
          chat={chat}
          onDone={(result) => {
            refocus.current = result.refocus;
            setEditing(false);
          }}
        />
      </li>
    );
  }

  return (
    <li className="chat-row" data-chat-id={chat.id}>
      <a
        ref={link}
        href={`#${to}`}
        className={active ? 'chat-row__link active' : 'chat-row__link'}
        aria-current={active ? 'page' : undefined}
        title={chat.title}
        // The messages are asked for as the pointer goes down (a click's press lasts ~100 ms) or on a
        // keyboard click, while the route changes, not after it has rendered.
        onPointerDown={(e) => {
          if (e.button === 0) prefetch();
        }}
        onClick={onClick}
        onDoubleClick={() => setEditing(true)}
        onKeyDown={onLinkKey}
      >
        {chat.title}
      </a>
      <RelativeTime className="chat-row__time" date={chat.updatedAt} />
      <ActionMenu
        className="chat-row__menu"
        label={t('sidebar.actions.label', { title: chat.title })}
        items={items}
      />
    </li>
  );
});
