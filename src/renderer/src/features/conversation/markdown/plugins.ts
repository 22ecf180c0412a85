import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';

/**
 * The unified plugins every rendering of a reply uses, on the page (react-markdown) and in the
 * Markdown worker alike: nothing here may touch React or the DOM.
 */

/** Where remark plugins leave parser extensions for the processor (unified's `data()`). */
interface ExtensionData {
  micromarkExtensions?: unknown[];
  fromMarkdownExtensions?: unknown[];
  toMarkdownExtensions?: unknown[];
}
type ExtensionHost = { data(): object };
let gfmExtensions: Required<ExtensionData> | undefined;
/**
 * remark-gfm builds its parser extensions each time it is attached, which react-markdown does on every
 * render: they are built once, on first use, and the same ones are handed to every processor (they are
 * only read).
 */
export function remarkGfmShared(this: ExtensionHost): undefined {
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

type Highlighter = ReturnType<typeof rehypeHighlight>;
let highlighter: Highlighter | undefined;
/**
 * rehype-highlight builds a highlight.js instance and registers every bundled grammar each time the
 * plugin is attached, and react-markdown attaches plugins on every render: that was most of the cost of
 * a streamed frame. Its transformer keeps no per-document state, so one is made (on first use) and
 * shared by every render. Only blocks that name their language are highlighted: guessing
 * (highlightAuto) costs a pass per grammar.
 */
export function rehypeHighlightShared(): Highlighter {
  return (highlighter ??= rehypeHighlight({ detect: false }));
}
