// The base stylesheet first: feature stylesheets, imported by their components, build on it.
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import i18next, { applyLanguage } from './i18n';
import { api, hasApi } from './api';
import { App } from './App';
import { RecoveryGate } from './features/recovery/RecoveryGate';
import { useAppStore } from './store';
import { startStreamPump } from './store/stream-pump';
import { startNetworkWatch } from './features/network/network-watch';
import { startTheme } from './theme';
import { prewarmConversationWhenIdle } from './features/conversation/prewarm';

// Paint in the OS theme straight away; the saved Theme setting replaces it when settings arrive.
startTheme();

const root = createRoot(document.getElementById('root')!);

if (!hasApi) {
  // No preload/harness bridge: say so plainly rather than render an app whose every call would fail.
  root.render(
    <main className="fatal" role="alert">
      <p>{i18next.t('app.noBridge')}</p>
    </main>,
  );
} else {
  // Subscribed here, once for the page's life, not in a component: StrictMode and route changes would
  // otherwise subscribe and unsubscribe around in-flight streams.
  startStreamPump();
  // Offline / online: main's view and the OS's events (the sidebar shows it; queued messages wait for it).
  startNetworkWatch();
  // Main renames chats by itself (automatic titles) and moves them on activity.
  api.events.onApp((event) => {
    if (event.type === 'chat_updated') useAppStore.getState().applyChatUpdate(event.chat);
  });
  const store = useAppStore.getState();
  // A damaged data file shows the recovery screen instead of the app (RecoveryGate waits for this answer).
  void store.checkRecovery();
  void store.loadSettings();
  void store.loadChats();
  // "System" language follows the OS, including when the user changes it while Parley runs.
  window.addEventListener('languagechange', () => {
    void applyLanguage(useAppStore.getState().settings?.language ?? 'system');
  });
  root.render(
    <StrictMode>
      <RecoveryGate>
        <App />
      </RecoveryGate>
    </StrictMode>,
  );
  prewarmConversationWhenIdle();
}
