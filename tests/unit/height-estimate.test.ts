import { describe, expect, it } from 'vitest';
import type { MessageDto } from '../../src/shared/domain/dto';
import { estimatedHeight } from '../../src/renderer/src/features/conversation/height-estimate';

const message = (content: string, index = 0): MessageDto => ({
  id: `m${index}`,
  chatId: 'c',
  role: index % 2 === 0 ? 'user' : 'assistant',
  content,
  status: 'complete',
  metadata: null,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('a message height guessed before it is rendered', () => {
  it('is taller for longer and more lines of text', () => {
    expect(estimatedHeight(message('short'))).toBeLessThan(estimatedHeight(message('x'.repeat(500))));
    expect(estimatedHeight(message('a\nb\nc'))).toBeGreaterThan(estimatedHeight(message('abc')));
  });

  it('counts a long line as the lines it wraps into, and an empty message as one line', () => {
    expect(estimatedHeight(message('x'.repeat(900)))).toBe(estimatedHeight(message(Array(10).fill('x').join('\n'))));
    expect(estimatedHeight(message(''))).toBe(estimatedHeight(message('x')));
  });
});
