import { describe, expect, it } from 'vitest';
import { cleanGeneratedTitle, firstWordsTitle } from '../../src/main/core/chat/title-rules';

describe('firstWordsTitle', () => {
  it.each([
    ['Hello', 'Hello'],
    ['  Plan a trip to Lisbon  ', 'Plan a trip to Lisbon'],
    ['Plan a trip to Lisbon in March', 'Plan a trip to Lisbon…'],
    ['one\ntwo\tthree   four five six', 'one two three four five…'],
    ['Как приготовить борщ без свёклы дома?', 'Как приготовить борщ без свёклы…'],
    ['```ts\nconst x = 1;\n```', '```ts const x = 1;…'],
  ])('%j → %j', (input, title) => {
    expect(firstWordsTitle(input)).toBe(title);
  });

  it('never exceeds 255 characters, even for five enormous words', () => {
    const title = firstWordsTitle(`${'a'.repeat(300)} b`);
    expect([...title].length).toBeLessThanOrEqual(255);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('cleanGeneratedTitle', () => {
  it.each([
    ['Lisbon trip packing', 'Lisbon trip packing'],
    ['"Lisbon Trip Packing."', 'Lisbon Trip Packing'],
    ['Title: **Lisbon packing**', 'Lisbon packing'],
    ['# Borscht recipe\n\nSome explanation', 'Borscht recipe'],
    ['«Рецепт борща»', 'Рецепт борща'],
    ['Заголовок: Рецепт борща.', 'Рецепт борща'],
    ['   \n  ', null],
    ['""', null],
  ])('%j → %j', (raw, title) => {
    expect(cleanGeneratedTitle(raw)).toBe(title);
  });

  it('cuts a rambling answer at a word, within 80 characters', () => {
    const title = cleanGeneratedTitle('word '.repeat(40))!;
    expect([...title].length).toBeLessThanOrEqual(80);
    expect(title).toMatch(/word…$/);
  });
});

describe('newId', () => {
  it('makes valid, time-ordered UUIDv7 ids', async () => {
    const { newId } = await import('../../src/main/core/clock');
    const { z } = await import('zod');
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(z.uuid().safeParse(a).success).toBe(true);
    expect(a[14]).toBe('7');
    expect(a < b).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => newId())).size).toBe(1000);
  });
});
