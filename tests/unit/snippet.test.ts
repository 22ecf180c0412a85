import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/main/core/search/search-query';
import { foldWord, makeSnippet } from '../../src/main/core/search/snippet';

const show = (s: string) => s.replace(/\uE000/g, '[').replace(/\uE001/g, ']');

describe('makeSnippet', () => {
  it('marks words, phrases and prefixes as the index matches them (case and Latin accents ignored)', () => {
    const text = 'We went to the Café in Lisbon; the RETRY logic retries twice before giving up on the tram.';
    expect(show(makeSnippet(text, parseQuery('cafe lisbon'), 8))).toBe('We went to the [Café] in [Lisbon]; the…');
    expect(show(makeSnippet(text, parseQuery('retr*'), 6))).toBe('…in Lisbon; the [RETRY] logic [retries]…');
    expect(show(makeSnippet(text, parseQuery('"giving up"'), 4))).toBe('…twice before [giving] [up]…');
  });

  it('keeps punctuation between words and never invents markup', () => {
    const snippet = makeSnippet('<b>bold</b> & "quotes" — борщ!', parseQuery('борщ'));
    expect(show(snippet)).toBe('<b>bold</b> & "quotes" — [борщ]!');
  });

  it('folds like unicode61 with remove_diacritics', () => {
    expect(foldWord('Ćafé')).toBe('cafe');
    expect(foldWord('ПРИВЕТ')).toBe('привет');
  });
});
