import { describe, expect, it } from 'vitest';
import type { MessageDto } from '../../src/shared/domain/dto';
import { estimatedHeight, firstScreenStart } from '../../src/renderer/src/features/conversation/first-screen';

const message = (content: string, index = 0): MessageDto => ({
  id: `m${index}`,
  chatId: 'c',
  role: index % 2 === 0 ? 'user' : 'assistant',
  content,
  status: 'complete',
  metadata: null,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('the first screen of a chat opened at its end', () => {
  it('estimates taller messages for longer and more lines of text', () => {
    expect(estimatedHeight(message('short'))).toBeLessThan(estimatedHeight(message('x'.repeat(500))));
    expect(estimatedHeight(message('a\nb\nc'))).toBeGreaterThan(estimatedHeight(message('abc')));
  });

  it('starts at the oldest message that still shows, by estimate', () => {
    const messages = Array.from({ length: 50 }, (_, i) => message('x'.repeat(300), i));
    const start = firstScreenStart(messages, 800);
    expect(start).toBeGreaterThan(40);
    expect(start).toBeLessThan(49);
    const shown = messages.slice(start).reduce((sum, m) => sum + estimatedHeight(m), 0);
    expect(shown).toBeGreaterThanOrEqual(800);
  });

  it('shows everything of a short chat, and one message taller than the screen on its own', () => {
    expect(firstScreenStart([message('hi', 0), message('hello', 1)], 800)).toBe(0);
    const tall = [message('a', 0), message('line\n'.repeat(200), 1)];
    expect(firstScreenStart(tall, 800)).toBe(1);
    expect(firstScreenStart([], 800)).toBe(0);
  });
});
