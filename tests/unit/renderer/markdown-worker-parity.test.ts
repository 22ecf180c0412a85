import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../src/shared/locales/en/translation.json';
import { markdownBlocks } from '../../../src/renderer/src/features/conversation/markdown/split-blocks';
import { hastToReact } from '../../../src/renderer/src/features/conversation/markdown/hast-to-react';
import { renderMarkdown } from '../../../src/renderer/src/features/conversation/markdown/render-markdown';
import { markdownToHast, withoutPositions } from '../../../src/renderer/src/features/conversation/markdown/pipeline';
import { longAnswer } from '../../../bench/lib/markdown-corpus';

/**
 * The Markdown worker parses blocks of a streaming answer and the page turns its trees into elements;
 * everything else is rendered by react-markdown on the page. Both must draw exactly the same HTML, or a
 * block would change when it stops streaming. (The worker's trees cross a structured clone: simulated.)
 */
const viaWorker = (text: string, highlight: boolean) =>
  renderToStaticMarkup(hastToReact(structuredClone(withoutPositions(markdownToHast(text, highlight)))));
const onPage = (text: string, highlight: boolean) => renderToStaticMarkup(renderMarkdown(text, highlight));

const TRICKY = [
  'Raw <b>bold</b> and <script>window.__pwned = 1</script> <div onclick="x()">html</div> are dropped.',
  '[a js link](javascript:alert(1)) [a file](file:///etc/passwd) [ok](https://example.com "Title") <mailto:a@b.c> https://example.org www.example.net',
  '![an image](https://example.com/x.png "t") and ![no src]()',
  '- [ ] todo\n- [x] done\n  - nested *em* **strong** ~~del~~',
  '| a | b |\n| :-- | --: |\n| `x` | [l](http://h) |',
  '```ts\nconst a: number = 1; // c\n```',
  '```\nno language\n```',
  '```rust\nfn main() {\n    println!("unclosed");',
  '> quote with `code`\n>\n> - list in quote',
  'Footnote[^1].\n\n[^1]: The note.',
  '1. one\n2. two\n\n   loose para\n3. three',
  '# H1\n\nSetext\n======\n\n***',
  'Line with trailing spaces  \nbreak and \\*escaped\\* & entities &amp; &copy;',
];

describe('Markdown worker output matches react-markdown', () => {
  beforeAll(async () => {
    await i18next.use(initReactI18next).init({ resources: { en: { translation: en } }, lng: 'en', initAsync: false });
  });

  it('for tricky snippets (raw HTML, unsafe links, images, task lists, tables, code, footnotes)', () => {
    for (const text of TRICKY) {
      expect(viaWorker(text, true), text).toBe(onPage(text, true));
      expect(viaWorker(text, false), text).toBe(onPage(text, false));
    }
  });

  it('for every block of a long generated answer', () => {
    const blocks = markdownBlocks(longAnswer(30_000));
    expect(blocks.length).toBeGreaterThan(50);
    for (const block of blocks) expect(viaWorker(block, true)).toBe(onPage(block, true));
  });

  it('never lets raw HTML or an unsafe URL through', () => {
    const html = viaWorker(TRICKY[0]! + '\n\n' + TRICKY[1]!, true);
    expect(html).not.toMatch(/<script|<b>|onclick|javascript:|file:/);
  });
});
