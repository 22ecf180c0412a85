import { Navigate, Outlet, RouterProvider, createHashRouter } from 'react-router';
import { Sidebar } from './features/chats/Sidebar';
import { ConversationView } from './features/conversation/ConversationView';
import { NoChatSelected } from './features/conversation/NoChatSelected';
import { SettingsPage } from './features/settings/SettingsPage';

/** Sidebar on the left, the current route on the right. */
function AppLayout() {
  return (
    <div className="app">
      <Sidebar />
      <Outlet />
    </div>
  );
}

/**
 * A hash router: the app is served from a custom protocol in Electron and from a plain file server in the
 * test harness, and neither can answer arbitrary paths, but both serve index.html for any #fragment.
 */
const router = createHashRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/chat" replace /> },
      { path: 'chat', element: <NoChatSelected /> },
      { path: 'chat/:chatId', element: <ConversationView /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <Navigate to="/chat" replace /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
