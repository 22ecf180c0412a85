import { defaultUrlTransform } from 'react-markdown';

/** Schemes a link in a reply may use. Anything else (javascript:, file:, relative paths that would
 * navigate this window) is dropped: the link renders as plain text. */
const EXTERNAL_SCHEME = /^(https?:|mailto:)/i;

/** react-markdown `urlTransform`: '' means "no URL", which the link renderer turns into plain text. */
export function externalUrlOnly(url: string): string {
  const cleaned = defaultUrlTransform(url.trim());
  return EXTERNAL_SCHEME.test(cleaned) ? cleaned : '';
}
