import { describe, expect, it } from 'vitest';
import { estimateTokens, fitHistory, MESSAGE_OVERHEAD_TOKENS, nextCalibration } from '../../src/main/core/chat/context-window';
import type { MessageRow } from '../../src/main/core/db/message-repository';

let seq = 0;
function row(role: MessageRow['role'], content: string, extra: Partial<MessageRow> = {}): MessageRow {
  seq++;
  return { seq, id: `m${seq}`, chat_id: 'c', role, content, status: 'complete', metadata: null, tool_calls: null, tool_call_id: null, created_at: '', ...extra };
}
const tokensOf = (text: string) => estimateTokens(text) + MESSAGE_OVERHEAD_TOKENS;

describe('estimateTokens', () => {
  it('counts about 3.5 characters a token and applies the calibration', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('x'.repeat(35))).toBe(10);
    expect(estimateTokens('x'.repeat(35), 1.2)).toBe(12);
  });

  it('learns from the counts the API reports, within bounds', () => {
    expect(nextCalibration(1, 100, 130)).toBe(1.09);
    expect(nextCalibration(1, 100, 100_000)).toBe(1.6);
    expect(nextCalibration(1.5, 0, 10)).toBe(1.5);
  });
});

describe('fitHistory', () => {
  const long = 'x'.repeat(350); // 100 tokens + overhead

  it('keeps everything that fits', () => {
    const history = [row('user', 'a'), row('assistant', 'b'), row('user', 'c')];
    expect(fitHistory(history, 1000)).toMatchObject({ kept: history, omitted: [] });
  });

  it('leaves out the oldest turns first', () => {
    const history = [row('user', long), row('assistant', long), row('user', long), row('assistant', long), row('user', 'now')];
    const fit = fitHistory(history, 3 * tokensOf(long));
    expect(fit.kept.map((r) => r.id)).toEqual(history.slice(2).map((r) => r.id));
    expect(fit.omitted.map((r) => r.id)).toEqual(history.slice(0, 2).map((r) => r.id));
  });

  it('never opens the kept dialogue with an answer', () => {
    const history = [row('user', long), row('assistant', long), row('user', 'now')];
    const fit = fitHistory(history, tokensOf(long) + tokensOf('now') + 1);
    expect(fit.kept.map((r) => r.id)).toEqual([history[2]!.id]);
    expect(fit.omitted).toHaveLength(2);
  });

  it('always keeps the newest message, even alone over budget', () => {
    const history = [row('user', 'old'), row('user', 'x'.repeat(10_000))];
    const fit = fitHistory(history, 10);
    expect(fit.kept.map((r) => r.id)).toEqual([history[1]!.id]);
    expect(fit.omitted).toHaveLength(1);
  });

  it('never keeps half of a tool call and its result', () => {
    const call = row('assistant', long, { tool_calls: '[{"id":"t1"}]' });
    const result = row('tool', long, { tool_call_id: 't1' });
    const history = [row('user', 'q'), call, result, row('user', 'now')];
    // Room for "now" and the result, but not the call: both go.
    const fit = fitHistory(history, tokensOf('now') + tokensOf(long) + 10);
    expect(fit.kept.map((r) => r.id)).toEqual([history[3]!.id]);
    expect(fit.omitted.map((r) => r.id)).toEqual(history.slice(0, 3).map((r) => r.id));
    const roomy = fitHistory(history, tokensOf('q') + tokensOf('now') + 2 * tokensOf(long));
    expect(roomy.kept.map((r) => r.id)).toEqual(history.map((r) => r.id));
    // Room for the pair but not its question: the pair cannot open the dialogue, so it goes too.
    const noQuestion = fitHistory(history, tokensOf('now') + 2 * tokensOf(long) + 1);
    expect(noQuestion.kept.map((r) => r.id)).toEqual([history[3]!.id]);
  });
});
