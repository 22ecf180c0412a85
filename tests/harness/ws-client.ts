/**
 * Runs in the page before the app's module script and gives it `window.api`, made by the same
 * createApi() the Electron preload uses, over a WebSocket instead of ipcRenderer.
 * Test-only: never bundled into the packaged app.
 */
import type { Result } from '../../src/shared/domain/errors';
import { createApi, type Transport } from '../../src/shared/ipc/client';
import type { EventMap } from '../../src/shared/ipc/contract';
import { WS_PATH, type CallMessage, type ServerMessage } from './ws-protocol';

declare const __HARNESS_TOKEN__: string;

function createWebSocketTransport(url: string): Transport {
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const queue: string[] = [];
  let socket: WebSocket;

  const connect = () => {
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      for (const message of queue.splice(0)) socket.send(message);
    });
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as ServerMessage;
      if (message.kind === 'result') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else {
        listeners.get(message.event)?.forEach((listener) => listener(message.payload));
      }
    });
    socket.addEventListener('close', () => {
      // Calls in flight when the harness goes away get an honest error instead of hanging.
      for (const [id, resolve] of pending) {
        resolve({ ok: false, error: { code: 'internal', message: 'The harness connection closed' } });
        pending.delete(id);
      }
    });
  };
  connect();

  return {
    invoke(channel, input) {
      const id = nextId++;
      const message: CallMessage = { kind: 'call', id, channel, input };
      return new Promise((resolve) => {
        pending.set(id, resolve);
        const text = JSON.stringify(message);
        if (socket.readyState === WebSocket.OPEN) socket.send(text);
        else queue.push(text);
      });
    },
    subscribe<E extends keyof EventMap>(event: E, listener: (payload: EventMap[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}

const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}?token=${encodeURIComponent(__HARNESS_TOKEN__)}`;
Object.defineProperty(window, 'api', {
  value: createApi(createWebSocketTransport(wsUrl)),
  writable: false,
  configurable: false,
});
