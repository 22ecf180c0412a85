import { memo, type ComponentProps } from 'react';
import Markdown, { type Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import { useTranslation } from 'react-i18next';
import { externalUrlOnly } from '../safe-url';
import { blocksFor } from './block-cache';
import { CodeBlock } from './CodeBlock';

type AnchorProps = ComponentProps<'a'> & { node?: unknown };
type ImageProps = ComponentProps<'img'> & { node?: unknown };

/**
 * Links open in the OS browser: target=_blank goes to the Electron shell's window-open handler, which
 * hands http(s)/mailto to the system and never opens a window of ours.
 */
function ExternalLink({ node: _node, href, children }: AnchorProps) {
  if (!href) return <span className="md-dead-link">{children}</span>;
  return (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  );
}

/** The CSP loads no remote images (and a reply should not phone home), so an image becomes a link to it. */
function ImageAsLink({ node: _node, src, alt }: ImageProps) {
  const { t } = useTranslation();
  const label = t('message.image', { alt: alt || (typeof src === 'string' ? src : '') });
  if (typeof src !== 'string' || !src) return <span>{label}</span>;
  return (
    <a href={src} target="_blank" rel="noreferrer noopener">
      {label}
    </a>
  );
}

/** Wide GFM tables scroll on their own instead of widening the whole conversation. */
function ScrollingTable({ node: _node, ...props }: ComponentProps<'table'> & { node?: unknown }) {
  return (
    <div className="md-table-scroll">
      <table {...props} />
    </div>
  );
}

const components: Components = { a: ExternalLink, img: ImageAsLink, table: ScrollingTable, pre: CodeBlock };
const remarkPlugins = [remarkGfm];
// Highlight only blocks that name their language: guessing (highlightAuto) costs a pass per grammar.
const rehypePlugins: NonNullable<ComponentProps<typeof Markdown>['rehypePlugins']> = [[rehypeHighlight, { detect: false }]];

/**
 * One top-level block of markdown. Memoised on its text: while an answer streams, every block but the
 * last keeps its text, so React skips it and it is never parsed again.
 * Raw HTML is skipped, never rendered (no rehype-raw), and URLs are limited to http/https/mailto.
 */
const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  return (
    <Markdown
      remarkPlugins={remarkPlugins}
      rehypePlugins={rehypePlugins}
      components={components}
      skipHtml
      urlTransform={externalUrlOnly}
    >
      {text}
    </Markdown>
  );
});

/**
 * Assistant text as markdown, rendered block by block (see split-blocks.ts). Keyed by index: a block keeps
 * its place as the text grows, so only the last one changes.
 */
export const MarkdownContent = memo(function MarkdownContent({ messageId, text }: { messageId?: string; text: string }) {
  const blocks = blocksFor(messageId, text);
  return (
    <div className="markdown">
      {blocks.map((block, index) => (
        <MarkdownBlock key={index} text={block} />
      ))}
    </div>
  );
});
