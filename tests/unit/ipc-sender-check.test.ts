import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot load in plain Node: stand in for the two things ipc-transport.ts uses.
const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) =>
      handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { isTrustedSender, registerIpcHandlers, eventSender, REFUSED_SENDER } = await import(
  '../../src/main/electron/ipc-transport'
);
const { CHANNELS } = await import('../../src/shared/ipc/contract');
type Win = Parameters<typeof isTrustedSender>[1];

const TRUSTED = ['app://parley'];

interface FrameOptions {
  processId?: number;
  routingId?: number;
  parent?: unknown;
  detached?: boolean;
}

function frame(url: string, { processId = 1, routingId = 1, parent = null, detached = false }: FrameOptions = {}) {
  return { url, processId, routingId, parent, detached };
}

function fakeWindow(mainFrameUrl = 'app://parley/index.html', id = 7) {
  const sent: unknown[] = [];
  const win = {
    destroyed: false,
    isDestroyed: () => win.destroyed,
    webContents: {
      id,
      mainFrame: frame(mainFrameUrl),
      isDestroyed: () => win.destroyed,
      send: (channel: string, payload: unknown) => sent.push([channel, payload]),
    },
  };
  return { win, sent, asWindow: win as unknown as Win };
}

type FakeWin = ReturnType<typeof fakeWindow>['win'];

function eventFrom(win: FakeWin, senderFrame: unknown, senderId = win.webContents.id) {
  return { sender: { id: senderId }, senderFrame } as unknown as Parameters<typeof isTrustedSender>[0];
}

describe('isTrustedSender', () => {
  it('accepts the main frame of our window at our origin', () => {
    const { win, asWindow } = fakeWindow();
    expect(isTrustedSender(eventFrom(win, frame('app://parley/index.html')), asWindow, TRUSTED)).toBe(true);
  });

  it('accepts the dev server origin only when it is trusted', () => {
    const { win, asWindow } = fakeWindow('http://localhost:5173/');
    const event = eventFrom(win, frame('http://localhost:5173/'));
    expect(isTrustedSender(event, asWindow, TRUSTED)).toBe(false);
    expect(isTrustedSender(event, asWindow, [...TRUSTED, 'http://localhost:5173'])).toBe(true);
  });

  it.each([
    ['a subframe', (win: FakeWin) => eventFrom(win, frame('app://parley/x', { routingId: 2, parent: {} }))],
    ['another frame of the same process', (win: FakeWin) => eventFrom(win, frame('app://parley/x', { routingId: 2 }))],
    ['another webContents', (win: FakeWin) => eventFrom(win, frame('app://parley/index.html'), 99)],
    ['a page that navigated away', (win: FakeWin) => eventFrom(win, frame('https://evil.example/'))],
    ['a look-alike scheme', (win: FakeWin) => eventFrom(win, frame('app://parley.evil/index.html'))],
    ['a frame that is gone', (win: FakeWin) => eventFrom(win, null)],
    ['a detached frame', (win: FakeWin) => eventFrom(win, frame('app://parley/index.html', { detached: true }))],
  ])('refuses %s', (_what, makeEvent) => {
    const { win, asWindow } = fakeWindow();
    expect(isTrustedSender(makeEvent(win), asWindow, TRUSTED)).toBe(false);
  });

  it('refuses when there is no window, or it is destroyed', () => {
    const { win, asWindow } = fakeWindow();
    const event = eventFrom(win, frame('app://parley/index.html'));
    expect(isTrustedSender(event, null, TRUSTED)).toBe(false);
    win.destroyed = true;
    expect(isTrustedSender(event, asWindow, TRUSTED)).toBe(false);
  });

  it('refuses when reading the frame throws (render frame disposed)', () => {
    const { win, asWindow } = fakeWindow();
    const disposed = {
      ...frame('app://parley/index.html'),
      get url(): string {
        throw new Error('Render frame was disposed');
      },
    };
    expect(isTrustedSender(eventFrom(win, disposed), asWindow, TRUSTED)).toBe(false);
  });
});

describe('registerIpcHandlers', () => {
  beforeEach(() => handlers.clear());

  it('registers every contract channel and forwards trusted calls to the core', async () => {
    const { win, asWindow } = fakeWindow();
    const handle = vi.fn(async () => ({ ok: true as const, value: [] }));
    registerIpcHandlers({ handle }, () => asWindow, TRUSTED);
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const result = await handlers.get('chats:list')!(eventFrom(win, frame('app://parley/index.html')), { archived: true });
    expect(result).toEqual({ ok: true, value: [] });
    expect(handle).toHaveBeenCalledWith('chats:list', { archived: true });
  });

  it('refuses unknown senders without touching the core', async () => {
    const { win, asWindow } = fakeWindow();
    const handle = vi.fn();
    registerIpcHandlers({ handle }, () => asWindow, TRUSTED);
    const result = await handlers.get('chats:create')!(eventFrom(win, frame('https://evil.example/')), {});
    expect(result).toEqual(REFUSED_SENDER);
    expect(REFUSED_SENDER).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Call refused: unknown sender' } });
    expect(handle).not.toHaveBeenCalled();
  });

  it('turns a throwing core into an internal error instead of a rejected invoke', async () => {
    const { win, asWindow } = fakeWindow();
    const handle = async (): Promise<never> => {
      throw new Error('boom');
    };
    registerIpcHandlers({ handle }, () => asWindow, TRUSTED);
    const result = await handlers.get('chats:list')!(eventFrom(win, frame('app://parley/index.html')), {});
    // The message is generic: whatever the exception said stays in main's log, not in the page.
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong inside Parley' } });
  });

  it('unregisters its handlers', () => {
    const unregister = registerIpcHandlers({ handle: vi.fn() }, () => null, TRUSTED);
    unregister();
    expect(handlers.size).toBe(0);
  });
});

describe('eventSender', () => {
  it('sends events on their channel while the window lives, and drops them after', () => {
    const { win, sent, asWindow } = fakeWindow();
    const emit = eventSender(() => asWindow);
    const event = { streamId: 's', chatId: 'c', type: 'message_start' as const, messageId: 'm' };
    emit('chat:event', event);
    win.destroyed = true;
    emit('chat:event', event);
    expect(sent).toEqual([['chat:event', event]]);
    expect(() => eventSender(() => null)('chat:event', event)).not.toThrow();
  });
});
