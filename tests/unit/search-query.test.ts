import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../src/main/core/search/search-query';

describe('toFtsQuery', () => {
  it.each([
    ['lisbon trams', '"lisbon" "trams"'],
    ['"packing list" shoes', '"packing list" "shoes"'],
    ['trav*', '"trav"*'],
    ['борщ свёкла', '"борщ" "свёкла"'],
    ['AND OR NOT NEAR', '"AND" "OR" "NOT" "NEAR"'],
    ['-minus +plus col:umn', '"minus" "plus" "col" "umn"'],
    ['"unbalanced quote', '"unbalanced" "quote"'],
    ['say "hi" and "bye', '"say" "hi" "and" "bye"'],
    ['NEAR(a b, 3)', '"NEAR" "a" "b" "3"'],
    ['e-mail*', '"e" "mail"*'],
    ['"" ***', null],
    ['   ', null],
    ['^start', '"start"'],
  ])('%j → %j', (input, query) => {
    expect(toFtsQuery(input)).toBe(query);
  });
});
