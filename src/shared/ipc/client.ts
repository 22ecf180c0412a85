import type { Result } from '../domain/errors';
import type { Channel, EventMap, InputOf, OutputOf } from './contract';
import { CHANNELS } from './contract';

/** How a renderer reaches main: ipcRenderer in Electron, a WebSocket in the test harness. */
export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>;
  subscribe<E extends keyof EventMap>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;

/** Channels whose input is all optional can be called with no argument. */
type Method<C extends Channel> = Record<string, never> extends InputOf<C>
  ? (input?: InputOf<C>) => Promise<Result<OutputOf<C>>>
  : (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;

/** `api.chats.create({...})` for channel `chats:create`, and so on for every channel. */
export type Api = {
  [D in DomainOf<Channel>]: { [V in VerbOf<Channel, D>]: Method<Extract<Channel, `${D}:${V}`>> };
} & {
  events: {
    /** Returns the unsubscribe function. */
    onStream(listener: (event: EventMap['chat:event']) => void): () => void;
    /** Chats changed by main itself (automatic titles). Returns the unsubscribe function. */
    onApp(listener: (event: EventMap['app:event']) => void): () => void;
  };
};

export function createApi(transport: Transport): Api {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (input?: unknown) => transport.invoke(channel, input ?? {});
  }
  api.events = {
    onStream: (listener: (event: EventMap['chat:event']) => void) => transport.subscribe('chat:event', listener),
    onApp: (listener: (event: EventMap['app:event']) => void) => transport.subscribe('app:event', listener),
  };
  return Object.freeze(api) as unknown as Api;
}
