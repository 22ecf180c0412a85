import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useAppStore } from '../../store';
import { focusChatFilter } from '../chats/chat-filter';
import { focusSearchBox } from '../search/search-shortcut';
import { ShortcutsDialog } from './ShortcutsDialog';
import { matchShortcut } from './shortcuts';

interface ShortcutsContextValue {
  /** Opens the "Keyboard shortcuts" dialog (the sidebar and Settings have buttons for it). */
  openShortcuts: () => void;
}

const ShortcutsContext = createContext<ShortcutsContextValue>({ openShortcuts: () => {} });

export function useShortcuts(): ShortcutsContextValue {
  return useContext(ShortcutsContext);
}

/**
 * The app-wide keyboard shortcuts (one keydown listener on the window) and the dialog that lists them.
 * Lives inside the router so shortcuts can navigate.
 */
export function ShortcutsProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [dialogOpen, setDialogOpen] = useState(false);
  const openShortcuts = useCallback(() => setDialogOpen(true), []);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const action = matchShortcut(e);
      if (!action) return;
      // An open modal owns the keyboard; the shortcuts list itself can still be toggled shut.
      const listOpen = document.querySelector('dialog.modal--shortcuts[open]') !== null;
      if (document.querySelector('dialog[open]') !== null && !(listOpen && action === 'showShortcuts')) return;
      e.preventDefault();
      switch (action) {
        case 'newChat':
          void useAppStore
            .getState()
            .createChat()
            .then((chat) => chat && navigate(`/chat/${chat.id}`));
          return;
        case 'focusFilter':
          focusChatFilter();
          return;
        case 'openSettings':
          void navigate('/settings');
          return;
        case 'showShortcuts':
          setDialogOpen(!listOpen);
          return;
        case 'openSearch':
          // Already on the search page: focus the box; otherwise the page focuses it as it opens.
          void navigate('/search');
          focusSearchBox();
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);

  const value = useMemo(() => ({ openShortcuts }), [openShortcuts]);
  return (
    <ShortcutsContext.Provider value={value}>
      {children}
      {dialogOpen && <ShortcutsDialog onClose={() => setDialogOpen(false)} />}
    </ShortcutsContext.Provider>
  );
}
