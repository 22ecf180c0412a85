import type { MessageRow } from '../db/message-repository';

/** A fast local estimate: about 3.5 characters per token for English and code, calibrated by real usage. */
export const CHARS_PER_TOKEN = 3.5;
/** Each message costs a few tokens of framing beyond its text. */
export const MESSAGE_OVERHEAD_TOKENS = 4;

export function estimateTokens(text: string, calibration = 1): number {
  return Math.ceil((text.length / CHARS_PER_TOKEN) * calibration);
}

export interface FitResult {
  kept: MessageRow[];
  omitted: MessageRow[];
  /** Estimated tokens of the kept messages. */
  tokens: number;
}

/**
 * Keeps the newest messages that fit `budget` tokens and leaves out the oldest. The newest message (the
 * question being asked) is always kept, and a tool call is never separated from its result: an assistant
 * turn with tool calls and the tool results after it stay or go together.
 */
export function fitHistory(history: readonly MessageRow[], budget: number, calibration = 1): FitResult {
  const units = groupUnits(history);
  const kept: MessageRow[][] = [];
  let tokens = 0;
  for (let i = units.length - 1; i >= 0; i--) {
    const unit = units[i]!;
    const cost = unit.reduce((sum, row) => sum + estimateTokens(row.content, calibration) + MESSAGE_OVERHEAD_TOKENS, 0);
    if (kept.length > 0 && tokens + cost > budget) {
      kept.reverse();
      const omitted = units.slice(0, i + 1);
      // A dialogue sent to the API starts with the person: an answer whose question was left out goes too.
      while (kept.length > 1 && kept[0]![0]!.role === 'assistant') {
        const unit = kept.shift()!;
        omitted.push(unit);
        tokens -= unit.reduce((sum, row) => sum + estimateTokens(row.content, calibration) + MESSAGE_OVERHEAD_TOKENS, 0);
      }
      return { kept: kept.flat(), omitted: omitted.flat(), tokens };
    }
    kept.push(unit);
    tokens += cost;
  }
  return { kept: kept.reverse().flat(), omitted: [], tokens };
}

/** Messages that must travel together: a tool result joins the turn that asked for it. */
function groupUnits(history: readonly MessageRow[]): MessageRow[][] {
  const units: MessageRow[][] = [];
  for (const row of history) {
    const isToolResult = row.role === 'tool' || (row.role === 'user' && row.tool_call_id !== null);
    const previous = units[units.length - 1];
    if (isToolResult && previous) previous.push(row);
    else units.push([row]);
  }
  return units;
}

/** Learns how far the estimate is from what the API counted (an exponential moving average, clamped). */
export function nextCalibration(current: number, estimatedRaw: number, actual: number): number {
  if (estimatedRaw <= 0 || actual <= 0) return current;
  const observed = Math.min(3, Math.max(0.3, actual / estimatedRaw));
  return Math.round((current * 0.7 + observed * 0.3) * 1000) / 1000;
}
