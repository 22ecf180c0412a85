import { api } from '../../api';
import { useAppStore } from '../../store';

/**
 * Keeps the store's network status current for the page's life: main's answer at start, main's
 * `network` events (failed or working requests, its own probes), and the OS's online / offline events,
 * which are passed on to main (it believes "offline" at once and checks "online" before sending queued
 * messages). Called once from main.tsx, like the stream pump.
 */
export function startNetworkWatch(): () => void {
  const setStatus = useAppStore.getState().setNetworkStatus;

  const unsubscribe = api.events.onApp((event) => {
    if (event.type === 'network') setStatus(event.status);
  });

  const tellMain = (online: boolean) => {
    void api.network.osStatus({ online }).then((result) => {
      if (result.ok) setStatus(result.value);
    });
  };
  const onOnline = () => tellMain(true);
  const onOffline = () => tellMain(false);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);

  // The OS may already know there is no network; otherwise ask main what it has seen.
  if (navigator.onLine === false) tellMain(false);
  else
    void api.network.status().then((result) => {
      if (result.ok) setStatus(result.value);
    });

  return () => {
    unsubscribe();
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
  };
}
