import { describe, expect, it } from 'vitest';
import { formatBytes, importPercent } from '../../src/renderer/src/features/data/format';
import { splitSnippet } from '../../src/renderer/src/features/search/snippet-marks';
import { matchShortcut } from '../../src/renderer/src/features/shortcuts/shortcuts';
import { localDayStart } from '../../src/renderer/src/features/search/search-dates';

describe('search snippets', () => {
  it('turns the U+E000 … U+E001 markers into marked runs, and nothing else', () => {
    expect(splitSnippet('Pack a \uE000light\uE001 \uE000jacket\uE001.')).toEqual([
      { text: 'Pack a ', marked: false },
      { text: 'light', marked: true },
      { text: ' ', marked: false },
      { text: 'jacket', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('keeps markup as text and drops stray markers', () => {
    expect(splitSnippet('<b>\uE000x\uE001</b>')).toEqual([
      { text: '<b>', marked: false },
      { text: 'x', marked: true },
      { text: '</b>', marked: false },
    ]);
    expect(splitSnippet('a\uE001b\uE000c')).toEqual([
      { text: 'ab', marked: false },
      { text: 'c', marked: true },
    ]);
    expect(splitSnippet('')).toEqual([]);
  });
});

describe('search dates and shortcut', () => {
  it('date inputs become local day boundaries; "to" includes its whole day', () => {
    expect(localDayStart('2024-03-10')).toBe(new Date(2024, 2, 10).toISOString());
    expect(localDayStart('2024-03-10', 1)).toBe(new Date(2024, 2, 11).toISOString());
    expect(localDayStart('')).toBeUndefined();
    expect(localDayStart('10/03/2024')).toBeUndefined();
  });

  it('Ctrl+Shift+F (⇧⌘F on macOS) opens search; Ctrl+F alone does not', () => {
    const key = (k: string, code: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }>) => ({
      key: k,
      code,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      ...mods,
    });
    expect(matchShortcut(key('F', 'KeyF', { ctrlKey: true, shiftKey: true }), false)).toBe('openSearch');
    expect(matchShortcut(key('F', 'KeyF', { metaKey: true, shiftKey: true }), true)).toBe('openSearch');
    expect(matchShortcut(key('f', 'KeyF', { ctrlKey: true }), false)).toBeNull();
    // A Cyrillic layout types "А" on that key: the physical key counts.
    expect(matchShortcut(key('А', 'KeyF', { ctrlKey: true, shiftKey: true }), false)).toBe('openSearch');
    // Shortcuts without Shift still match with or without it, as before.
    expect(matchShortcut(key('n', 'KeyN', { ctrlKey: true }), false)).toBe('newChat');
  });
});

describe('data formatting', () => {
  it('sizes in the UI language', () => {
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(1_234_567, 'en')).toBe('1.2 MB');
    expect(formatBytes(1_234_567, 'ru')).toMatch(/^1,2\s?МБ$/);
  });

  it('import progress as a percentage, unknown before the first report', () => {
    expect(importPercent(null)).toBeNull();
    expect(importPercent({ bytesRead: 50, totalBytes: 200 })).toBe(25);
    expect(importPercent({ bytesRead: 300, totalBytes: 200 })).toBe(100);
  });
});
