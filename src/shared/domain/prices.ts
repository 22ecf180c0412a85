/**
 * Estimated prices in US dollars per million tokens, by model family. The one place to update when
 * Anthropic changes its prices; costs shown in Parley are estimates from this table.
 * Cache writes (5-minute) cost 1.25× input, cache reads 0.1× input.
 */
export interface Price {
  input: number;
  output: number;
}

const FAMILY_PRICES: { match: RegExp; price: Price }[] = [
  { match: /opus/i, price: { input: 5, output: 25 } },
  { match: /sonnet/i, price: { input: 3, output: 15 } },
  { match: /haiku/i, price: { input: 1, output: 5 } },
];

/** Unknown models are priced like Sonnet, so an estimate is never silently zero. */
const FALLBACK: Price = { input: 3, output: 15 };

export function priceOf(model: string): Price {
  return FAMILY_PRICES.find((family) => family.match.test(model))?.price ?? FALLBACK;
}

export function estimateCostUsd(
  model: string,
  usage: { inputTokens: number; outputTokens: number; cacheCreationInputTokens?: number; cacheReadInputTokens?: number },
): number {
  const price = priceOf(model);
  const perToken = (perMillion: number) => perMillion / 1_000_000;
  const cost =
    usage.inputTokens * perToken(price.input) +
    usage.outputTokens * perToken(price.output) +
    (usage.cacheCreationInputTokens ?? 0) * perToken(price.input * 1.25) +
    (usage.cacheReadInputTokens ?? 0) * perToken(price.input * 0.1);
  return Math.round(cost * 1e6) / 1e6;
}
