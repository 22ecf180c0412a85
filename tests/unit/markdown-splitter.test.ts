import { describe, expect, it } from 'vitest';
import {
  IncrementalBlockSplitter,
  markdownBlocks,
  splitMarkdownBlocks,
} from '../../src/renderer/src/features/conversation/markdown/split-blocks';

/**
 * The conversation renders an answer block by block so finished blocks are not parsed again while the
 * answer streams. A wrong cut would change what the user sees (half a code block rendered as text, a
 * list restarting its numbering, a table losing rows), so these tests pin where cuts may and may not go.
 */

const FENCED = [
  'Here is the code:',
  '',
  '```ts',
  'function a() {',
  '',
  '  return 1;',
  '',
  '',
  '}',
  '```',
  '',
  'And after it.',
].join('\n');

const TILDE_LONG_FENCE = [
  '~~~~markdown',
  'A fence inside:',
  '',
  '~~~',
  'not closed by a shorter fence',
  '',
  '```',
  '',
  '~~~~',
  '',
  'Done.',
].join('\n');

const TABLE = ['Intro.', '', '| a | b |', '|---|---|', '| 1 | 2 |', '| 3 | 4 |', '', 'Outro.'].join('\n');

const LOOSE_LIST = [
  '1. First item',
  '',
  '2. Second item',
  '',
  '   A continuation paragraph of the second item.',
  '',
  '   - nested',
  '',
  '   - nested again',
  '',
  '       indented code in the nested item',
  '',
  '3. Third item',
  '',
  '   ```js',
  '   const x = 1;',
  '',
  '   const y = 2;',
  '   ```',
  '',
  'A paragraph after the list.',
].join('\n');

const LONG_ANSWER = [
  '# Plan',
  '',
  'Some **bold** intro with `inline` code and a link https://example.com.',
  '',
  '## Steps',
  '',
  '- [x] done task',
  '- [ ] open task',
  '',
  '  with a continuation',
  '',
  '* another list style',
  '',
  '| Name | Value |',
  '| :--- | ----: |',
  '| x | 1 |',
  '',
  '```python',
  'def f():',
  '',
  '    return 42',
  '```',
  '',
  '    indented code',
  '',
  '    still indented code',
  '',
  '> a quote',
  '>',
  '> more quote',
  '',
  '---',
  '',
  '~~strike~~ the end.',
  '',
].join('\n');

const DOCUMENTS = { FENCED, TILDE_LONG_FENCE, TABLE, LOOSE_LIST, LONG_ANSWER };

/** The block that holds `needle` (every needle below appears once). */
function blockWith(blocks: readonly string[], needle: string): string {
  const found = blocks.filter((b) => b.includes(needle));
  expect(found, `exactly one block holds ${JSON.stringify(needle)}`).toHaveLength(1);
  return found[0]!;
}

describe('splitMarkdownBlocks', () => {
  it('cuts paragraphs at blank lines, keeping the blank lines with the block before', () => {
    expect(splitMarkdownBlocks('One.\n\nTwo.\nstill two\n\n\nThree.')).toEqual(['One.\n\n', 'Two.\nstill two\n\n\n', 'Three.']);
  });

  it('gives back exactly the input when the blocks are joined', () => {
    for (const [name, doc] of Object.entries(DOCUMENTS)) {
      expect(splitMarkdownBlocks(doc).join(''), name).toBe(doc);
      expect(splitMarkdownBlocks(`\n\n${doc}\n\n`).join(''), name).toBe(`\n\n${doc}\n\n`);
    }
    expect(splitMarkdownBlocks('')).toEqual([]);
  });

  it('never cuts inside a fenced code block, whatever blank lines it holds', () => {
    const blocks = splitMarkdownBlocks(FENCED);
    const code = blockWith(blocks, 'function a()');
    expect(code).toContain('```ts');
    expect(code).toContain('  return 1;');
    expect(code).toMatch(/}\n```/);
    expect(blocks).toEqual(['Here is the code:\n\n', FENCED.slice(19, FENCED.indexOf('And after')), 'And after it.']);
  });

  it('closes a fence only with the same character and at least the same length', () => {
    const blocks = splitMarkdownBlocks(TILDE_LONG_FENCE);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain('not closed by a shorter fence');
    expect(blocks[0]).toMatch(/\n~~~~\n\n$/);
    expect(blocks[1]).toBe('Done.');
  });

  it('an unclosed fence holds everything after it (an answer still streaming its code)', () => {
    expect(splitMarkdownBlocks('Text\n\n```\na\n\nb\n\nc')).toEqual(['Text\n\n', '```\na\n\nb\n\nc']);
  });

  it('a fence indented four spaces at top level is code, not a fence', () => {
    expect(splitMarkdownBlocks('    ```\n\nParagraph')).toEqual(['    ```\n\n', 'Paragraph']);
  });

  it('never cuts inside a table', () => {
    const blocks = splitMarkdownBlocks(TABLE);
    expect(blockWith(blocks, '| a | b |')).toBe('| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\n');
  });

  it('keeps a list whole: loose items, continuation paragraphs, nested items, code inside items', () => {
    const blocks = splitMarkdownBlocks(LOOSE_LIST);
    const list = blockWith(blocks, '1. First item');
    for (const part of ['2. Second item', 'A continuation paragraph', 'nested again', 'indented code in the nested', '3. Third item', 'const y = 2;']) {
      expect(list).toContain(part);
    }
    expect(blocks.at(-1)).toBe('A paragraph after the list.');
  });

  it('a list interrupting a paragraph still keeps its later items', () => {
    const blocks = splitMarkdownBlocks('Options:\n- a\n\n- b\n\nAfter');
    expect(blocks).toEqual(['Options:\n- a\n\n- b\n\n', 'After']);
  });

  it('keeps an indented code block with blank lines whole', () => {
    expect(splitMarkdownBlocks('Intro\n\n    a\n\n    b\n\nEnd')).toEqual(['Intro\n\n', '    a\n\n    b\n\n', 'End']);
  });

  it('splits the realistic answer into its top-level parts without cutting a construct', () => {
    const blocks = splitMarkdownBlocks(LONG_ANSWER);
    expect(blocks.join('')).toBe(LONG_ANSWER);
    expect(blockWith(blocks, '- [x] done task')).toContain('with a continuation');
    expect(blockWith(blocks, '| Name |')).toContain('| x | 1 |');
    expect(blockWith(blocks, 'def f()')).toContain('return 42\n```');
    expect(blockWith(blocks, '    indented code')).toContain('still indented code');
    expect(blockWith(blocks, '> a quote')).toContain('> more quote');
    expect(blocks.length).toBeGreaterThanOrEqual(10);
  });
});

describe('markdownBlocks', () => {
  it('keeps a text with a link reference or footnote definition in one block (definitions are document-wide)', () => {
    const text = 'See [the docs][d] and a note[^1].\n\nMore.\n\n[d]: https://example.com\n[^1]: The note.';
    expect(markdownBlocks(text)).toEqual([text]);
    expect(markdownBlocks('A\n\nB')).toEqual(['A\n\n', 'B']);
  });
});

describe('IncrementalBlockSplitter', () => {
  /** Feeds every prefix in turn, as a stream would, and compares with a fresh split of that prefix. */
  function checkEveryPrefix(doc: string, step = 1): void {
    const splitter = new IncrementalBlockSplitter();
    for (let end = 0; end <= doc.length; end += step) {
      const prefix = doc.slice(0, end);
      const got = splitter.split(prefix);
      const expected = markdownBlocks(prefix);
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        expect({ end, prefix, got }).toEqual({ end, prefix, got: expected });
      }
    }
    expect(splitter.split(doc)).toEqual(markdownBlocks(doc));
  }

  it('gives the same blocks as a full split at every step of a growing document', () => {
    for (const doc of Object.values(DOCUMENTS)) checkEveryPrefix(doc);
  });

  it('stays exact when text arrives in uneven chunks', () => {
    const all = Object.values(DOCUMENTS).join('\n\n');
    for (const step of [2, 3, 7, 16, 61]) checkEveryPrefix(all, step);
  });

  it('handles list markers that are still being typed (a paragraph "2" may yet become item "2.")', () => {
    checkEveryPrefix('1. one\n\n2. two\n\n20 apples\n\n- x\n\n-- not a list\n\n* y\n\n*emphasis*\n\n3) three\n');
  });

  it('turns the whole text into one block once a definition arrives, and back to a fresh split after an edit', () => {
    checkEveryPrefix('Intro\n\nA [link][x].\n\n[x]: https://example.com\n\nAfter.');
    const splitter = new IncrementalBlockSplitter();
    expect(splitter.split('A\n\n[x]: y')).toEqual(['A\n\n[x]: y']);
    // Not an extension of the previous text (an edit or a regenerated answer): split from scratch.
    expect(splitter.split('B\n\nC')).toEqual(['B\n\n', 'C']);
  });

  it('re-splits only the last block: earlier blocks are the same strings as before', () => {
    const splitter = new IncrementalBlockSplitter();
    const first = splitter.split('Para one.\n\nPara two');
    const second = splitter.split('Para one.\n\nPara two grows');
    expect(second[0]).toBe(first[0]);
    expect(second).toEqual(['Para one.\n\n', 'Para two grows']);
  });
});
