import { describe, expect, it } from 'vitest';
import type { MessageDto } from '../../src/shared/domain/dto';
import { findContextCut } from '../../src/renderer/src/features/conversation/context-cut';
import { limitDetails } from '../../src/renderer/src/features/limits/limit-details';
import { formatDay, formatUsd } from '../../src/renderer/src/features/usage/format';
import { niceTicks } from '../../src/renderer/src/features/usage/usage-series';

/** The small pure parts behind the Usage page, the limit notice and the context divider. */

describe('formatUsd', () => {
  it('shows cents from a dollar up and up to four decimals below, so a small bill is never $0.00', () => {
    expect(formatUsd(0.021, 'en')).toBe('$0.021');
    expect(formatUsd(0.0213, 'en')).toBe('$0.0213');
    expect(formatUsd(0.00015, 'en')).toBe('$0.0002');
    expect(formatUsd(12.3456, 'en')).toBe('$12.35');
    expect(formatUsd(0, 'en')).toBe('$0.00');
  });

  it('follows the UI language', () => {
    expect(formatUsd(0.021, 'ru').replace(/\s/g, ' ')).toBe('0,021 $');
  });
});

describe('formatDay', () => {
  it('reads the summary’s UTC day in the UI language, whatever the local time zone', () => {
    expect(formatDay('2026-03-14', 'en')).toBe('Mar 14');
    expect(formatDay('2026-03-14', 'ru')).toMatch(/^14 мар/);
  });
});

describe('niceTicks', () => {
  it('makes round steps from 0 to at least the largest value', () => {
    expect(niceTicks(3220)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(niceTicks(5000)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(niceTicks(0.0213)).toEqual([0, 0.005, 0.01, 0.015, 0.02, 0.025]);
    expect(niceTicks(417_859)).toEqual([0, 100_000, 200_000, 300_000, 400_000, 500_000]);
  });

  it('has an axis even with nothing to show', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe('limitDetails', () => {
  it('reads what the limiter says', () => {
    expect(limitDetails({ code: 'limit_reached', message: '', details: { reason: 'per_minute', limit: 20, retryAfterSeconds: 12 } })).toEqual({
      reason: 'per_minute',
      limit: 20,
      retryAfterSeconds: 12,
    });
    expect(limitDetails({ code: 'limit_reached', message: '', details: { reason: 'concurrent', limit: 3 } })).toEqual({ reason: 'concurrent', limit: 3 });
  });

  it('gives null for other errors or details it does not know (the generic message is shown then)', () => {
    expect(limitDetails({ code: 'rate_limited', message: '' })).toBeNull();
    expect(limitDetails({ code: 'limit_reached', message: '' })).toBeNull();
    expect(limitDetails({ code: 'limit_reached', message: '', details: { reason: 'other', limit: 1 } })).toBeNull();
  });
});

describe('findContextCut', () => {
  const message = (id: string, role: MessageDto['role'], context?: NonNullable<MessageDto['metadata']>['context']): MessageDto => ({
    id,
    chatId: 'c',
    role,
    content: id,
    status: 'complete',
    metadata: context ? { context } : null,
    createdAt: '2026-01-01T00:00:00.000Z',
  });

  it('takes the newest answer that says what its request sent', () => {
    const messages = [
      message('q1', 'user'),
      message('a1', 'assistant', { fromMessageId: 'q1', omittedMessages: 0, summarized: false }),
      message('q2', 'user'),
      message('a2', 'assistant', { fromMessageId: 'q2', omittedMessages: 2, summarized: true }),
      message('q3', 'user'),
      message('a3', 'assistant'), // still streaming: no context yet
    ];
    expect(findContextCut(messages)).toEqual({ messageId: 'q2', omittedMessages: 2, summarized: true });
  });

  it('shows no cut when the newest request sent everything', () => {
    const messages = [
      message('q1', 'user'),
      message('a1', 'assistant', { fromMessageId: 'q1', omittedMessages: 3, summarized: false }),
      message('q2', 'user'),
      message('a2', 'assistant', { fromMessageId: null, omittedMessages: 0, summarized: false }),
    ];
    expect(findContextCut(messages)).toBeNull();
    expect(findContextCut([])).toBeNull();
  });
});
