import { useMemo } from 'react';
import { splitSnippet } from './snippet-marks';

/** A search snippet with its matched words in <mark>: text nodes only, so nothing in it is ever HTML. */
export function Snippet({ text }: { text: string }) {
  const parts = useMemo(() => splitSnippet(text), [text]);
  return (
    <>
      {parts.map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
