/** The minimal shape of a hast node needed to read its text (react-markdown passes hast nodes to components). */
export interface HastLike {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastLike[];
}

/** The text of a hast subtree: for highlighted code, the source exactly as written. */
export function hastText(node: HastLike | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(hastText).join('');
}

/** The language of a `<code>` element from its `language-xxx` class, if it has one. */
export function codeLanguage(code: HastLike | undefined): string | null {
  const className = code?.properties?.className;
  const classes = Array.isArray(className) ? className : typeof className === 'string' ? className.split(/\s+/) : [];
  for (const name of classes) {
    if (typeof name === 'string' && name.startsWith('language-')) return name.slice('language-'.length) || null;
  }
  return null;
}
