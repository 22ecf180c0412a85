import { memo, type ComponentProps } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { useTranslation } from 'react-i18next';
import { externalUrlOnly } from './safe-url';

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

const components: Components = { a: ExternalLink, img: ImageAsLink, table: ScrollingTable };
const remarkPlugins = [remarkGfm];

/**
 * Assistant text as markdown. Raw HTML in the text is skipped, never rendered (no rehype-raw), and URLs
 * are limited to http/https/mailto. Memoised on the text: finished messages never re-parse.
 * (The growing last message re-parses per frame; block-level memoisation comes with virtualisation.)
 */
export const MarkdownContent = memo(function MarkdownContent({ text }: { text: string }) {
  return (
    <div className="markdown">
      <Markdown remarkPlugins={remarkPlugins} components={components} skipHtml urlTransform={externalUrlOnly}>
        {text}
      </Markdown>
    </div>
  );
});
