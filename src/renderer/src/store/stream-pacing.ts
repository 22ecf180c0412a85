/**
 * How often streamed text is put on screen. Each update re-renders the growing block and then the
 * browser lays out and paints; on a long, fast answer that is several ms a time. Updating on every frame
 * would spend most of the main thread on text arriving faster than anyone reads it, and typing, scrolling
 * and selecting would stutter. So updates are paced: at most one per frame and one per MIN_INTERVAL_MS,
 * and further apart when they cost more, so that drawing the stream takes about a tenth of the main
 * thread — but never further apart than MAX_INTERVAL_MS, so text keeps flowing. A short answer costs a
 * few ms an update and goes at the full rate; a very long, very fast one settles at ~10-15 updates a
 * second, each adding a few lines.
 */
export const MIN_INTERVAL_MS = 33;
export const MAX_INTERVAL_MS = 100;
/**
 * The measured cost is the frame that applies an update. The rest of an update's cost is not measured:
 * the frame after it (the list following the new text), receiving the text and sending it to the
 * Markdown worker add about half as much again, so the whole stream stays near a tenth.
 */
export const MAIN_THREAD_SHARE = 0.07;
/** Weight of the newest cost in the running average (one slow frame should not halve the rate). */
const NEWEST_WEIGHT = 0.1;

export class StreamPacing {
  private averageCostMs = 0;

  /** What the last update cost the main thread (its JavaScript, style, layout and paint). */
  recordCost(costMs: number): void {
    if (!Number.isFinite(costMs) || costMs < 0) return;
    this.averageCostMs = this.averageCostMs === 0 ? costMs : this.averageCostMs * (1 - NEWEST_WEIGHT) + costMs * NEWEST_WEIGHT;
  }

  /** The time to leave between the start of one update and the next. */
  get intervalMs(): number {
    return Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, this.averageCostMs / MAIN_THREAD_SHARE));
  }

  /** A new stream starts from the fastest rate: a short answer is cheap to draw. */
  reset(): void {
    this.averageCostMs = 0;
  }
}
