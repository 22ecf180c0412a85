import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi, type Transport } from '../shared/ipc/client';

/**
 * The page gets `window.api` (typed by the IPC contract) and nothing else: ipcRenderer itself never
 * crosses the bridge. Main returns every call's Result as data.
 */
const ipcTransport: Transport = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe: (event, listener) => {
    const wrapper = (_event: IpcRendererEvent, payload: Parameters<typeof listener>[0]): void => listener(payload);
    ipcRenderer.on(event, wrapper);
    return () => {
      ipcRenderer.removeListener(event, wrapper);
    };
  },
};

contextBridge.exposeInMainWorld('api', createApi(ipcTransport));
