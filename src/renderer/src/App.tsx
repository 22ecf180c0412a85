import { Navigate, Outlet, RouterProvider, createHashRouter } from 'react-router';
import { AdminContextPage } from './features/admin/AdminContextPage';
import { Sidebar } from './features/chats/Sidebar';
import { StartChat } from './features/chats/StartChat';
import { ConversationView } from './features/conversation/ConversationView';
import { DataToast } from './features/data/DataToast';
import { SearchPage } from './features/search/SearchPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { ShortcutsProvider } from './features/shortcuts/ShortcutsProvider';
import { UsagePage } from './features/usage/UsagePage';

/** Sidebar on the left, the current route on the right; the keyboard shortcuts work everywhere. */
function AppLayout() {
  return (
    <ShortcutsProvider>
      <div className="app">
        <Sidebar />
        <Outlet />
      </div>
      <DataToast />
    </ShortcutsProvider>
  );
}

/**
 * A hash router: the app is served from a custom protocol in Electron and from a plain file server in the
 * test harness, and neither can answer arbitrary paths, but both serve index.html for any #fragment.
 * (A data router, so the context editors can hold navigation while text is unsaved.)
 */
const router = createHashRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/chat" replace /> },
      { path: 'chat', element: <StartChat /> },
      { path: 'chat/:chatId', element: <ConversationView /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'usage', element: <UsagePage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'admin/context', element: <AdminContextPage /> },
      { path: '*', element: <Navigate to="/chat" replace /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
