import type { Root } from 'hast';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeHighlightShared, remarkGfmShared } from './plugins';

/**
 * Markdown → hast exactly as react-markdown builds it for us (remark-parse, GFM, remark-rehype keeping
 * raw HTML as `raw` nodes for the conversion to drop, and highlighting when asked), for the Markdown
 * worker. The processors are built once and reused: react-markdown makes a new one for every render.
 */
const processors = {
  highlighted: unified().use(remarkParse).use(remarkGfmShared).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeHighlightShared).freeze(),
  plain: unified().use(remarkParse).use(remarkGfmShared).use(remarkRehype, { allowDangerousHtml: true }).freeze(),
};

export function markdownToHast(text: string, highlight: boolean): Root {
  const processor = highlight ? processors.highlighted : processors.plain;
  return processor.runSync(processor.parse(text)) as Root;
}

/** Drops source positions: they are not used, and they double what crosses from the worker. */
export function withoutPositions<T extends { position?: unknown; children?: unknown[] }>(node: T): T {
  delete node.position;
  if (node.children) for (const child of node.children) withoutPositions(child as T);
  return node;
}
