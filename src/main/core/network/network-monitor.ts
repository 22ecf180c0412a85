import type { NetworkStatusDto } from '../../../shared/domain/dto';
import type { Clock } from '../clock';
import type { EmitEvent } from '../core-types';
import type { Logger } from '../logger';

const PROBE_TIMEOUT_MS = 5_000;
const BACKOFF_MS = [2_000, 5_000, 10_000, 30_000, 60_000];

/**
 * Knows whether Anthropic can be reached: from failed and successful requests, from the OS's online /
 * offline events the renderer passes on, and, while offline, from a cheap probe with growing pauses.
 * Coming back online runs `onOnline` (sending the queued questions, refreshing the model list).
 */
export class NetworkMonitor {
  private online: boolean | null = null;
  private checkedAt: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;
  private readonly listeners: ((wasOffline: boolean) => void)[] = [];

  constructor(
    private readonly deps: {
      baseURL: string;
      clock: Clock;
      logger: Logger;
      emit: EmitEvent;
      fetchImpl?: typeof fetch;
      backoffMs?: readonly number[];
    },
  ) {}

  status(): NetworkStatusDto {
    return { online: this.online, checkedAt: this.checkedAt };
  }

  /** `wasOffline` is false for the first success after start-up (nothing was known before). */
  onOnline(listener: (wasOffline: boolean) => void): void {
    this.listeners.push(listener);
  }

  /** A request reached Anthropic (any HTTP answer counts: the network works). */
  reportReachable(): void {
    this.set(true);
  }

  /** A request could not connect. */
  reportUnreachable(): void {
    this.set(false);
  }

  /** From the OS (through the renderer): offline is believed at once, online is checked first. */
  osStatus(online: boolean): Promise<NetworkStatusDto> {
    if (!online) {
      this.set(false);
      return Promise.resolve(this.status());
    }
    return this.probe();
  }

  async probe(): Promise<NetworkStatusDto> {
    try {
      // Any HTTP status proves the route works; no key is needed for that.
      await (this.deps.fetchImpl ?? fetch)(this.deps.baseURL, { method: 'HEAD', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      this.set(true);
    } catch {
      this.set(false);
    }
    return this.status();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(online: boolean): void {
    const was = this.online;
    this.online = online;
    this.checkedAt = this.deps.clock.now();
    if (online) {
      this.failures = 0;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    } else {
      this.schedule();
    }
    if (was === online) return;
    this.deps.logger.info(online ? 'network reachable' : 'network unreachable');
    try {
      this.deps.emit('app:event', { type: 'network', status: this.status() });
    } catch {
      // Nobody to tell; the status is asked for again when a window opens.
    }
    // Also the first success after start-up: questions queued before a restart go out then.
    if (online) for (const listener of this.listeners) listener(was === false);
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    const steps = this.deps.backoffMs ?? BACKOFF_MS;
    const delay = steps[Math.min(this.failures, steps.length - 1)]!;
    this.failures++;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.probe();
    }, delay);
    this.timer.unref?.();
  }
}
