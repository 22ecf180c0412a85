import { describe, expect, it } from 'vitest';
import { plainText, spokenExcerpt } from '../../../src/renderer/src/features/conversation/spoken-excerpt';
import { longAnswer } from '../../../bench/lib/markdown-corpus';

describe('spokenExcerpt (what a screen reader hears of a finished answer)', () => {
  it('reads the text, not the Markdown', () => {
    const answer = '## Steps\n\n1. Run **npm test**\n- see [the docs](https://example.com)\n\n```ts\nconst a = 1;\n```\n| a | b |';
    expect(spokenExcerpt(answer)).toBe('Steps Run npm test see the docs const a = 1; a b');
  });

  it('ends at a word with an ellipsis when the answer is longer', () => {
    const excerpt = spokenExcerpt('word '.repeat(100), 42);
    expect(excerpt).toBe(`${'word '.repeat(8).trim()}…`);
  });

  it('reads a 100,000-character answer from its start, as if the whole of it were cleaned up', () => {
    const answer = longAnswer(100_000);
    const excerpt = spokenExcerpt(answer);
    expect(excerpt.length).toBeGreaterThan(150);
    expect(plainText(answer).startsWith(excerpt.replace(/…$/, ''))).toBe(true);
  });

  it('still finds enough words after a long code fence at the start', () => {
    const answer = `\`\`\`text\n${'x'.repeat(10_000)}\n\`\`\`\n\nAfter the code.`;
    expect(spokenExcerpt(answer)).toMatch(/^x{150,}…$/);
  });
});
