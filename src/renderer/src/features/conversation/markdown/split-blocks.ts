/**
 * Splits markdown into top-level blocks so a streamed answer can be rendered block by block: finished
 * blocks are memoised and only the growing last block is parsed again on each frame.
 *
 * A boundary is placed only at the first non-blank line after one or more blank lines, and never where a
 * blank line is part of a construct: inside a fenced code block (``` or ~~~, any fence length, indented
 * fences in lists), inside a list (blank lines between items, nested items, indented continuation
 * paragraphs and code), or inside an indented code block. Tables cannot hold blank lines, so they are
 * never cut either. Joining too much is harmless (one block is parsed more than necessary); cutting a
 * construct in two would change what is shown, so every doubtful case joins.
 *
 * Two properties make the incremental splitter exact:
 * - each block starts in a fresh state, so splitting from a block's start gives the same blocks as
 *   splitting the whole text;
 * - a boundary depends only on complete lines before it and on the line it starts, and a still-incomplete
 *   last line that could yet become a list item (`1`, `-`, `2.`) never starts a block, so text that only
 *   grows never moves an earlier boundary.
 *
 * Link reference and footnote definitions (`[id]: url`, `[^1]: note`) apply to the whole document, so a
 * text that has one anywhere is kept as a single block.
 */

/** A definition line: up to three spaces, then `[label]:` (footnotes are `[^label]:`). */
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
/** A list item marker and what follows it (`- `, `* `, `+ `, `1. `, `1) `, or the marker alone). */
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** What an incomplete line could still grow into a list marker from. */
const MARKER_PREFIX = /^(?:[-*+]|\d{1,9}[.)]?)$/;
/** An opening fence: three or more backticks (no backtick in the info string) or tildes. */
const FENCE_OPEN = /^(`{3,})[^`]*$|^(~{3,}).*$/;

interface Fence {
  char: '`' | '~';
  length: number;
  indent: number;
}

interface ScanState {
  fence: Fence | null;
  inList: boolean;
  /** The last non-blank line outside a fence was indented code (4+ columns, not in a list). */
  lastWasIndentedCode: boolean;
  /** Blank lines seen since the last non-blank line. */
  afterBlank: boolean;
  /** The block has a non-blank line (leading blank lines never make a block of their own). */
  hasContent: boolean;
}

function freshState(): ScanState {
  return { fence: null, inList: false, lastWasIndentedCode: false, afterBlank: false, hasContent: false };
}

/** Leading whitespace in columns (a tab advances to the next multiple of 4) and where the content starts. */
function measureIndent(line: string): { columns: number; index: number } {
  let columns = 0;
  let index = 0;
  while (index < line.length) {
    const ch = line[index];
    if (ch === ' ') columns += 1;
    else if (ch === '\t') columns += 4 - (columns % 4);
    else break;
    index++;
  }
  return { columns, index };
}

function isBlank(line: string): boolean {
  return line.trim().length === 0;
}

function closesFence(fence: Fence, content: string, columns: number): boolean {
  if (columns > Math.max(3, fence.indent)) return false;
  let run = 0;
  while (run < content.length && content[run] === fence.char) run++;
  return run >= fence.length && content.slice(run).trim().length === 0;
}

/**
 * Whether a non-blank line that follows blank lines continues the construct the blank lines are in.
 * `complete` is false for the text's last line when it has no newline yet.
 * Returns null when the line is too short to tell (it may still become a list item).
 */
function continuesAfterBlank(state: ScanState, content: string, columns: number, complete: boolean): boolean | null {
  if (state.inList) {
    // A continuation paragraph, a nested item or indented code: any list content is indented 2+ columns.
    if (columns >= 2) return true;
    if (LIST_MARKER.test(content)) return true;
    if (!complete && MARKER_PREFIX.test(content.trimEnd())) return null;
    return false;
  }
  if (state.lastWasIndentedCode && columns >= 4) return true;
  return false;
}

/** Applies one line (without its newline) to the scan state. */
function advance(state: ScanState, line: string): void {
  const { columns, index } = measureIndent(line);
  const content = line.slice(index);
  if (state.fence) {
    if (closesFence(state.fence, content, columns)) state.fence = null;
    return;
  }
  if (isBlank(line)) {
    state.afterBlank = true;
    return;
  }
  state.afterBlank = false;
  state.hasContent = true;
  // Inside a list a fence may be indented by the item's content offset; at top level 4+ columns is code.
  const fence = columns <= 3 || state.inList ? FENCE_OPEN.exec(content) : null;
  if (fence) {
    const run = fence[1] ?? fence[2]!;
    state.fence = { char: run[0] as '`' | '~', length: run.length, indent: columns };
    state.lastWasIndentedCode = false;
    return;
  }
  if (columns <= 3 && LIST_MARKER.test(content)) state.inList = true;
  state.lastWasIndentedCode = !state.inList && columns >= 4;
}

/** Splits `text` into blocks whose concatenation is exactly `text`. */
export function splitMarkdownBlocks(text: string): string[] {
  return splitWithStarts(text).blocks;
}

interface Split {
  blocks: string[];
  /** Offset of each block in the text. */
  starts: number[];
  /** The last block ends inside a fenced code block that has not been closed yet. */
  openFence: boolean;
}

function splitWithStarts(text: string, base = 0): Split {
  const blocks: string[] = [];
  const starts: number[] = [];
  if (text.length === 0) return { blocks, starts, openFence: false };
  let state = freshState();
  let blockStart = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const complete = newline !== -1;
    const lineEnd = complete ? newline : text.length;
    const line = text.slice(lineStart, lineEnd);
    if (!state.fence && state.afterBlank && state.hasContent && !isBlank(line)) {
      const { columns, index } = measureIndent(line);
      const continues = continuesAfterBlank(state, line.slice(index), columns, complete);
      if (continues === false) {
        blocks.push(text.slice(blockStart, lineStart));
        starts.push(base + blockStart);
        blockStart = lineStart;
        state = freshState();
      }
    }
    advance(state, line);
    lineStart = complete ? newline + 1 : text.length;
  }
  blocks.push(text.slice(blockStart));
  starts.push(base + blockStart);
  return { blocks, starts, openFence: state.fence !== null };
}

/**
 * Remembers the last split of one growing text. When the new text extends the previous one, only the
 * last block (the one that can still change) is split again; any other change splits from scratch.
 */
export class IncrementalBlockSplitter {
  private text = '';
  private blocks: string[] = [];
  private starts: number[] = [];
  private hasDefinition = false;
  private openFence = false;

  /**
   * Whether the last block of the last split ends inside a fenced code block that is not closed yet (a
   * streamed answer in the middle of its code). Always false for a text kept whole for its definitions.
   */
  get lastBlockInOpenFence(): boolean {
    return this.openFence;
  }

  split(text: string): readonly string[] {
    if (text === this.text) return this.blocks;
    const grew = this.text.length > 0 && text.length > this.text.length && text.startsWith(this.text);
    if (grew && this.blocks.length > 0) {
      const lastStart = this.starts[this.starts.length - 1]!;
      // Only the last block's lines can have turned into a definition (earlier lines are complete).
      this.hasDefinition ||= DEFINITION.test(text.slice(lastStart));
      if (this.hasDefinition) {
        this.set(text, [text], [0]);
      } else {
        const tail = splitWithStarts(text.slice(lastStart), lastStart);
        this.set(text, [...this.blocks.slice(0, -1), ...tail.blocks], [...this.starts.slice(0, -1), ...tail.starts], tail.openFence);
      }
      return this.blocks;
    }
    this.hasDefinition = DEFINITION.test(text);
    if (this.hasDefinition) this.set(text, [text], [0]);
    else {
      const split = splitWithStarts(text);
      this.set(text, split.blocks, split.starts, split.openFence);
    }
    return this.blocks;
  }

  private set(text: string, blocks: string[], starts: number[], openFence = false): void {
    this.text = text;
    this.openFence = openFence;
    this.blocks = text.length === 0 ? [] : blocks;
    this.starts = text.length === 0 ? [] : starts;
  }
}

/** The blocks to render for a whole text: a document with definitions stays whole. */
export function markdownBlocks(text: string): string[] {
  return DEFINITION.test(text) ? (text ? [text] : []) : splitMarkdownBlocks(text);
}
