/**
 * Runs `run` once the next frame has been painted (a task queued from requestAnimationFrame runs after
 * that frame's paint). For work a person need not see in the first frame of a new screen. Returns a
 * function that cancels it.
 */
export function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(run)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
