import { AppError } from '../../../shared/domain/errors';

export interface RateLimits {
  requestsPerMinute: number;
  concurrentStreams: number;
}

/**
 * Client-side limits (the plan's 20 requests a minute and 3 answers at once, or the admin policy's).
 * A request over the limit is refused before anything is written, so the person's text stays in the composer.
 */
export class RateLimiter {
  private readonly started: number[] = [];
  private running = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes a slot or throws `limit_reached` with how long to wait; call the returned function when the answer ends. */
  acquire(limits: RateLimits): () => void {
    const now = this.now();
    while (this.started.length > 0 && now - this.started[0]! >= 60_000) this.started.shift();
    if (this.running >= limits.concurrentStreams) {
      throw new AppError('limit_reached', `At most ${limits.concurrentStreams} answers can run at once`, {
        reason: 'concurrent',
        limit: limits.concurrentStreams,
      });
    }
    if (this.started.length >= limits.requestsPerMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil((60_000 - (now - this.started[this.started.length - limits.requestsPerMinute]!)) / 1000));
      throw new AppError('limit_reached', `At most ${limits.requestsPerMinute} requests a minute`, {
        reason: 'per_minute',
        limit: limits.requestsPerMinute,
        retryAfterSeconds,
      });
    }
    this.started.push(now);
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
    };
  }
}
