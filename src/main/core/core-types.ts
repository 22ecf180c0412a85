import type { EventMap } from '../../shared/ipc/contract';
import type { Result } from '../../shared/domain/errors';
import type { SecretStore } from './secrets/secret-store';
import type { Logger } from './logger';

export type EmitEvent = <E extends keyof EventMap>(event: E, payload: EventMap[E]) => void;

export interface CoreEnv {
  ANTHROPIC_API_KEY?: string | undefined;
  ANTHROPIC_BASE_URL?: string | undefined;
  CLAUDE_MODEL?: string | undefined;
}

export interface CoreOptions {
  /** Folder for parley.sqlite (the OS user-data folder in the app, a temp dir in tests). */
  dataDir: string;
  /** Chosen by the shell: keychain, safeStorage fallback, or memory in tests. */
  secretStore: SecretStore;
  env?: CoreEnv;
  /** Events for the renderer (`chat:event` streams, `app:event` changes); the shell forwards them over IPC or WebSocket. */
  emit: EmitEvent;
  logger?: Logger;
  /** Coalescing window for content deltas sent to the renderer (default 16 ms). */
  deltaFlushMs?: number;
  /** How often streamed text is written to disk while it streams (default 100 ms; must stay ≤ 250). */
  persistEveryMs?: number;
  /** The admin's managed.json for this OS (see defaultManagedConfigPath); absent: no managed settings. */
  managedConfigPath?: string;
  /** Save / open dialogs for export and import (Electron's, or the harness's files folder). */
  dialogs?: FileDialogs;
}

export interface FileDialogs {
  /** null when the person cancelled. */
  chooseSavePath(suggestedName: string, kind: 'markdown' | 'json'): Promise<string | null>;
  chooseOpenPath(kind: 'json'): Promise<string | null>;
}

export interface Core {
  /** Validates, runs the service, and never throws: every failure comes back as `{ ok: false }`. */
  handle(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Stops streams (keeping their text as `stopped`), flushes and closes the database. */
  close(): Promise<void>;
  readonly dbPath: string;
}
