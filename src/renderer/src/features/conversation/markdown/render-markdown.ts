import type { ReactElement } from 'react';
import Markdown, { type Options } from 'react-markdown';
import { externalUrlOnly } from '../safe-url';
import { components } from './components';
import { rehypeHighlightShared, remarkGfmShared } from './plugins';

type RehypePlugins = NonNullable<Options['rehypePlugins']>;
const remarkPlugins: NonNullable<Options['remarkPlugins']> = [remarkGfmShared];
const highlighted: RehypePlugins = [rehypeHighlightShared];
const plain: RehypePlugins = [];

/**
 * Raw HTML is skipped, never rendered (no rehype-raw), and URLs are limited to http/https/mailto.
 * `Markdown` is a plain function of its props (no hooks), called directly so its result can be cached.
 */
export function renderMarkdown(text: string, highlight: boolean): ReactElement {
  return Markdown({
    remarkPlugins,
    rehypePlugins: highlight ? highlighted : plain,
    components,
    skipHtml: true,
    urlTransform: externalUrlOnly,
    children: text,
  });
}
