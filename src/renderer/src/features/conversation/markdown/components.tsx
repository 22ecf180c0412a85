import type { ComponentProps } from 'react';
import type { Components } from 'react-markdown';
import { useTranslation } from 'react-i18next';
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

export const components: Components = { a: ExternalLink, img: ImageAsLink, table: ScrollingTable, pre: CodeBlock };
