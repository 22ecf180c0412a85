import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from '../../src/renderer/src/components/relative-time';
import { matchesFilter } from '../../src/renderer/src/features/chats/filter-match';
import { oldestToArchive } from '../../src/renderer/src/features/chats/chat-limit';
import { checkTitle } from '../../src/renderer/src/features/chats/title-validation';
import { formatChord, matchShortcut } from '../../src/renderer/src/features/shortcuts/shortcuts';
import { isMacPlatform } from '../../src/renderer/src/features/shortcuts/platform';

describe('relative times', () => {
  const now = new Date(2026, 2, 18, 15, 0, 0); // Wednesday 18 March 2026, 15:00 local time
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const min = 60_000;
  const en = (date: Date) => formatRelativeTime(date, now, 'en', 'just now');
  const ru = (date: Date) => formatRelativeTime(date, now, 'ru', 'только что');

  it('says "just now", minutes, hours, yesterday, days, then dates, in English', () => {
    expect(en(ago(10_000))).toBe('just now');
    expect(en(new Date(now.getTime() + 5000))).toBe('just now'); // clock skew is not the future
    expect(en(ago(5 * min))).toBe('5 min. ago');
    expect(en(ago(3 * 60 * min))).toBe('3 hr. ago');
    expect(en(new Date(2026, 2, 17, 9, 0))).toBe('yesterday');
    expect(en(new Date(2026, 2, 15, 9, 0))).toBe('3 days ago');
    expect(en(new Date(2026, 0, 2, 9, 0))).toBe('Jan 2');
    expect(en(new Date(2024, 10, 21, 9, 0))).toBe('Nov 21, 2024');
  });

  it('uses Russian grammar from Intl in Russian', () => {
    expect(ru(ago(10_000))).toBe('только что');
    expect(ru(ago(5 * min))).toBe('5 мин. назад');
    expect(ru(ago(2 * 60 * min))).toBe('2 ч назад');
    expect(ru(new Date(2026, 2, 17, 9, 0))).toBe('вчера');
    expect(ru(new Date(2026, 0, 2, 9, 0))).toBe('2 янв.');
  });
});

describe('chat list helpers', () => {
  it('filters by title, ignoring case and surrounding spaces', () => {
    expect(matchesFilter('Trip to Lisbon', '  lisBON ', 'en')).toBe(true);
    expect(matchesFilter('Письмо арендодателю', 'ПИСЬМО', 'ru')).toBe(true);
    expect(matchesFilter('Trip to Lisbon', 'Porto', 'en')).toBe(false);
    expect(matchesFilter('Anything', '   ', 'en')).toBe(true);
  });

  it('checks titles like the contract does (trimmed, 1..255)', () => {
    expect(checkTitle('   ')).toEqual({ kind: 'empty' });
    expect(checkTitle('x'.repeat(256))).toEqual({ kind: 'tooLong', length: 256 });
    expect(checkTitle(` ${'x'.repeat(255)} `)).toBeNull();
  });

  it('offers to archive enough chats to make room, ten at most', () => {
    expect(oldestToArchive(2, 2)).toBe(1);
    expect(oldestToArchive(500, 500)).toBe(10);
    expect(oldestToArchive(30, 30)).toBe(3);
    expect(oldestToArchive(40, 25)).toBe(16); // the limit was lowered below what exists
    expect(oldestToArchive(0, 0)).toBe(0);
  });
});

describe('shortcuts', () => {
  const key = (k: string, code: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
    key: k,
    code,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
  });

  it('uses Ctrl on Linux and Windows and ⌘ on macOS', () => {
    expect(matchShortcut(key('n', 'KeyN', { ctrlKey: true }), false)).toBe('newChat');
    expect(matchShortcut(key('n', 'KeyN', { metaKey: true }), false)).toBeNull();
    expect(matchShortcut(key('n', 'KeyN', { metaKey: true }), true)).toBe('newChat');
    expect(matchShortcut(key('n', 'KeyN', { ctrlKey: true }), true)).toBeNull();
    expect(matchShortcut(key('n', 'KeyN', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(matchShortcut(key('n', 'KeyN'), false)).toBeNull();
  });

  it('knows all four, and works on a Cyrillic layout by the physical key', () => {
    expect(matchShortcut(key('k', 'KeyK', { ctrlKey: true }), false)).toBe('focusFilter');
    expect(matchShortcut(key(',', 'Comma', { ctrlKey: true }), false)).toBe('openSettings');
    expect(matchShortcut(key('/', 'Slash', { ctrlKey: true }), false)).toBe('showShortcuts');
    expect(matchShortcut(key('т', 'KeyN', { ctrlKey: true }), false)).toBe('newChat');
    expect(matchShortcut(key('л', 'KeyK', { ctrlKey: true }), false)).toBe('focusFilter');
    // A Latin layout matches by what the key types: AZERTY's "n" is where QWERTY has it, its "k" too.
    expect(matchShortcut(key('-', 'Slash', { ctrlKey: true }), false)).toBeNull();
  });

  it('writes chords the way each platform does', () => {
    expect(formatChord('N', false)).toBe('Ctrl+N');
    expect(formatChord('/', true)).toBe('⌘/');
    expect(isMacPlatform({ platform: 'MacIntel' })).toBe(true);
    expect(isMacPlatform({ platform: 'Linux x86_64' })).toBe(false);
    expect(isMacPlatform({ platform: '', userAgentData: { platform: 'macOS' } })).toBe(true);
  });
});
