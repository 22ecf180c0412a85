import { memo, useState, type ComponentProps, type ReactElement } from 'react';
import Markdown, { type Components, type Options } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import { useTranslation } from 'react-i18next';
import { externalUrlOnly } from '../safe-url';
import { blocksFor } from './block-cache';
import { CodeBlock, OpenCodeBlock } from './CodeBlock';
import { readOpenFence } from './open-fence';

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
/** Where remark plugins leave parser extensions for the processor (unified's `data()`). */
interface ExtensionData {
  micromarkExtensions?: unknown[];
  fromMarkdownExtensions?: unknown[];
  toMarkdownExtensions?: unknown[];
}
type ExtensionHost = { data(): object };
let gfmExtensions: Required<ExtensionData> | undefined;
/**
 * remark-gfm builds its parser extensions each time it is attached, which is every render (see below):
 * they are built once, on first use, and the same ones are handed to every processor (they are only read).
 */
function remarkGfmShared(this: ExtensionHost): undefined {
  if (!gfmExtensions) {
    const built: ExtensionData = {};
    (remarkGfm as (this: ExtensionHost) => void).call({ data: () => built });
    gfmExtensions = { micromarkExtensions: [], fromMarkdownExtensions: [], toMarkdownExtensions: [], ...built };
  }
  const data = this.data() as ExtensionData;
  (data.micromarkExtensions ??= []).push(...gfmExtensions.micromarkExtensions);
  (data.fromMarkdownExtensions ??= []).push(...gfmExtensions.fromMarkdownExtensions);
  (data.toMarkdownExtensions ??= []).push(...gfmExtensions.toMarkdownExtensions);
  return undefined;
}
const remarkPlugins: NonNullable<Options['remarkPlugins']> = [remarkGfmShared];

type RehypePlugins = NonNullable<Options['rehypePlugins']>;
type Highlighter = ReturnType<typeof rehypeHighlight>;
let highlighter: Highlighter | undefined;
/**
 * rehype-highlight builds a highlight.js instance and registers every bundled grammar each time the
 * plugin is attached, and react-markdown attaches plugins on every render: that was most of the cost of
 * a streamed frame. Its transformer keeps no per-document state, so one is made (on first use) and
 * shared by every render. Only blocks that name their language are highlighted: guessing
 * (highlightAuto) costs a pass per grammar.
 */
function rehypeHighlightShared(): Highlighter {
  return (highlighter ??= rehypeHighlight({ detect: false }));
}
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

/** Rendered blocks by text, most recently used last: a message scrolled back into view is not parsed again. */
const rendered = new Map<string, ReactElement>();
const RENDERED_CAPACITY = 600;

/**
 * The last growing block rendered with highlighting. When the next block starts, this one is finished:
 * its text is what was rendered, perhaps with more blank lines at the end, which change nothing once any
 * code fence in it is closed (a block with an open fence is rendered without highlighting, so never kept).
 */
let lastGrowing: { text: string; element: ReactElement } | null = null;

function finishedFromGrowing(text: string): ReactElement | undefined {
  if (!lastGrowing || !text.startsWith(lastGrowing.text)) return undefined;
  for (let index = lastGrowing.text.length; index < text.length; index++) if (text[index] !== '\n') return undefined;
  return lastGrowing.element;
}

function growingMarkdown(text: string, highlight: boolean): ReactElement {
  const element = renderMarkdown(text, highlight);
  lastGrowing = highlight ? { text, element } : null;
  return element;
}

function cachedMarkdown(text: string): ReactElement {
  let element = rendered.get(text);
  if (element) rendered.delete(text);
  else element = finishedFromGrowing(text) ?? renderMarkdown(text, true);
  rendered.set(text, element);
  if (rendered.size > RENDERED_CAPACITY) rendered.delete(rendered.keys().next().value!);
  return element;
}

/**
 * One top-level block of markdown. Memoised on its text: while an answer streams, every block but the
 * last keeps its text, so React skips it and it is never parsed again. The last block of a streaming
 * answer (`growing`) changes every frame: it is not cached, and while it is inside a code fence that is
 * not closed yet it is not highlighted either (the code is coloured once, when its fence closes).
 */
const MarkdownBlock = memo(function MarkdownBlock({ text, growing, highlight }: { text: string; growing: boolean; highlight: boolean }) {
  if (!growing) return cachedMarkdown(text);
  // Code whose fence is still open is shown as it comes, without running Markdown over it every frame.
  const fence = highlight ? null : readOpenFence(text);
  return fence ? <OpenCodeBlock fence={fence} /> : growingMarkdown(text, highlight);
});

interface ChunkProps {
  texts: readonly string[];
  /** Index of the chunk's first block in the message. */
  first: number;
  /** Index of the growing block, if it is in this chunk; else -1. */
  growing: number;
  lastInOpenFence: boolean;
}

/**
 * A run of blocks of a live answer. Only the last chunk ever changes, so only it re-renders: a frame's
 * work does not grow with the answer (React would otherwise compare every block of it, every frame).
 */
const MarkdownChunk = memo(function MarkdownChunk({ texts, first, growing, lastInOpenFence }: ChunkProps) {
  return (
    <div className="md-chunk">
      {texts.map((text, offset) => {
        const index = first + offset;
        return <MarkdownBlock key={index} text={text} growing={index === growing} highlight={index !== growing || !lastInOpenFence} />;
      })}
    </div>
  );
});

/** The blocks from `start` to `end`, as the same array as last time when they are the same blocks. */
function stableSlice(cache: Map<number, readonly string[]>, blocks: readonly string[], start: number, end: number): readonly string[] {
  const cached = cache.get(start);
  if (cached && cached.length === end - start && cached.every((text, offset) => text === blocks[start + offset])) return cached;
  const slice = blocks.slice(start, end);
  cache.set(start, slice);
  return slice;
}

/** Blocks per chunk of a live answer (see MarkdownContent). */
const CHUNK_BLOCKS = 16;
/**
 * A block that starts with an element that has a top margin (an ATX or setext heading, a thematic
 * break). A chunk never starts with one: margins do not collapse across a chunk's edge.
 */
const STARTS_WITH_TOP_MARGIN = /^ {0,3}(?:#{1,6}(?:[ \t\n]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*(?:\n|$))|^[^\n]*\n {0,3}(?:=+|-+)[ \t]*(?:\n|$)/;

/** Where each chunk of `blocks` starts: every CHUNK_BLOCKS blocks or a little later. Earlier chunks never change as text grows. */
function chunkStarts(blocks: readonly string[]): number[] {
  const starts = [0];
  for (let index = 1; index < blocks.length; index++) {
    if (index - starts.at(-1)! >= CHUNK_BLOCKS && !STARTS_WITH_TOP_MARGIN.test(blocks[index]!)) starts.push(index);
  }
  return starts;
}

/**
 * Assistant text as markdown, rendered block by block (see split-blocks.ts). Keyed by index: a block keeps
 * its place as the text grows, so only the last one changes.
 *
 * An answer that streams in while shown ("live") has its blocks grouped in chunks that layout and paint
 * skip while out of view (`content-visibility: auto` in conversation.css): otherwise every frame of a
 * long answer would walk all of it again. Chunks rather than single blocks, because the browser checks
 * each such element against the viewport on every frame. Once live, always live (for as long as it is
 * shown), so the end of the stream does not lay out the whole answer again at once.
 */
export const MarkdownContent = memo(function MarkdownContent({
  messageId,
  text,
  streaming = false,
}: {
  messageId?: string;
  text: string;
  /** The text is still growing: its last block may be left unhighlighted until its code fence closes. */
  streaming?: boolean;
}) {
  const { blocks, lastInOpenFence } = blocksFor(messageId, text);
  const growing = streaming ? blocks.length - 1 : -1;
  const [live, setLive] = useState(streaming);
  if (streaming && !live) setLive(true);
  // A cache, not state: which arrays earlier frames handed to the chunks (see stableSlice).
  const [chunkTexts] = useState(() => new Map<number, readonly string[]>());
  if (!live) {
    return (
      <div className="markdown">
        {blocks.map((block, index) => (
          <MarkdownBlock key={index} text={block} growing={index === growing} highlight={index !== growing || !lastInOpenFence} />
        ))}
      </div>
    );
  }
  const starts = chunkStarts(blocks);
  return (
    <div className="markdown markdown--live">
      {starts.map((start, chunk) => {
        const end = starts[chunk + 1] ?? blocks.length;
        const holdsGrowing = growing >= start && growing < end;
        return (
          <MarkdownChunk
            key={start}
            texts={stableSlice(chunkTexts, blocks, start, end)}
            first={start}
            growing={holdsGrowing ? growing : -1}
            lastInOpenFence={holdsGrowing && lastInOpenFence}
          />
        );
      })}
    </div>
  );
});
