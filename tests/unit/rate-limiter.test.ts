import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/main/core/chat/rate-limiter';
import { AppError } from '../../src/shared/domain/errors';

function limiterAt(start = 0) {
  const clock = { now: start };
  return { limiter: new RateLimiter(() => clock.now), clock };
}

describe('RateLimiter', () => {
  it('holds a request beyond N a minute and says how long to wait', () => {
    const { limiter, clock } = limiterAt();
    const limits = { requestsPerMinute: 3, concurrentStreams: 10 };
    for (let i = 0; i < 3; i++) {
      limiter.acquire(limits)();
      clock.now += 10_000;
    }
    let error: unknown;
    try {
      limiter.acquire(limits);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'limit_reached', details: { reason: 'per_minute', limit: 3, retryAfterSeconds: 30 } });
    clock.now += 30_000;
    expect(() => limiter.acquire(limits)).not.toThrow();
  });

  it('holds a stream beyond the concurrent limit until one ends; releasing twice frees one slot', () => {
    const { limiter } = limiterAt();
    const limits = { requestsPerMinute: 100, concurrentStreams: 2 };
    const first = limiter.acquire(limits);
    limiter.acquire(limits);
    expect(() => limiter.acquire(limits)).toThrow(expect.objectContaining({ code: 'limit_reached', details: { reason: 'concurrent', limit: 2 } }));
    first();
    first();
    const third = limiter.acquire(limits);
    expect(() => limiter.acquire(limits)).toThrow();
    third();
  });
});
