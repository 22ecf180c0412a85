import { memo, useState } from 'react';
import { blocksFor } from './block-cache';
import { OpenCodeBlock } from './CodeBlock';
import { readOpenFence } from './open-fence';
import { cachedMarkdown, growingMarkdown } from './rendered-blocks';

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

/** Blocks `first`… of a message as elements; `growing` is the index of its growing block, or -1. */
function blockElements(texts: readonly string[], first: number, growing: number, lastInOpenFence: boolean) {
  return texts.map((text, offset) => {
    const index = first + offset;
    return <MarkdownBlock key={index} text={text} growing={index === growing} highlight={index !== growing || !lastInOpenFence} />;
  });
}

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
  return <div className="md-chunk">{blockElements(texts, first, growing, lastInOpenFence)}</div>;
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
    return <div className="markdown">{blockElements(blocks, 0, growing, lastInOpenFence)}</div>;
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
