import type { MessageRepository } from '../db/message-repository';
import type { Logger } from '../logger';

/**
 * Collects streamed text for one answer. Deltas go to the renderer at most once per
 * `deltaFlushMs` (coalesced), and the text on disk is never more than `persistEveryMs` behind,
 * so a crash or a kill loses at most that much.
 */
export class StreamWriter {
  private content: string;
  private pending = '';
  /** Length of the text the renderer already has (all of a continued answer's earlier text). */
  private sent: number;
  private dirty = false;
  private closed = false;
  private emitTimer: NodeJS.Timeout | null = null;
  private readonly persistTimer: NodeJS.Timeout;
  /** Writes run one after another, so an older write can never land after a newer one. */
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: {
      messageId: string;
      messages: MessageRepository;
      initialContent?: string;
      emitDelta: (delta: string, offset: number) => void;
      deltaFlushMs: number;
      persistEveryMs: number;
      logger: Logger;
    },
  ) {
    this.content = options.initialContent ?? '';
    this.sent = this.content.length;
    this.persistTimer = setInterval(() => this.persist(), options.persistEveryMs);
  }

  get text(): string {
    return this.content;
  }

  append(delta: string): void {
    if (this.closed) return;
    this.content += delta;
    this.pending += delta;
    this.dirty = true;
    this.emitTimer ??= setTimeout(() => this.flushDelta(), this.options.deltaFlushMs);
  }

  /** Sends what is pending, stops the timers and waits for the last write; returns the full text. */
  async close(): Promise<string> {
    if (!this.closed) {
      this.closed = true;
      clearInterval(this.persistTimer);
      this.flushDelta();
    }
    await this.writes;
    return this.content;
  }

  private flushDelta(): void {
    if (this.emitTimer) clearTimeout(this.emitTimer);
    this.emitTimer = null;
    if (!this.pending) return;
    const delta = this.pending;
    const offset = this.sent;
    this.pending = '';
    this.sent += delta.length;
    this.options.emitDelta(delta, offset);
  }

  private persist(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const snapshot = this.content;
    this.writes = this.writes
      .then(() => this.options.messages.setContent(this.options.messageId, snapshot))
      .catch((error: unknown) => this.options.logger.warn('could not save streamed text', { error: String(error) }));
  }
}
