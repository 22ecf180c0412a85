/** A rough token estimate for context text: about four characters a token for English prose. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
