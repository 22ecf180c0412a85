import type { Result } from '../../src/shared/domain/errors';

/** Browser → harness. */
export interface CallMessage {
  kind: 'call';
  id: number;
  channel: string;
  input: unknown;
}

/** Harness → browser. */
export type ServerMessage =
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'event'; event: string; payload: unknown };

export const WS_PATH = '/__harness/ws';
export const CLIENT_PATH = '/__harness/client.js';
