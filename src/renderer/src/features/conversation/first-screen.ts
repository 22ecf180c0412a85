import type { MessageDto } from '../../../../shared/domain/dto';

/** Rough pixels per line of message text and per message (bubble padding, author, meta line). */
const LINE_PX = 24;
const MESSAGE_PX = 72;
/** Characters per wrapped line in the message column (it is at most ~760 px wide). */
const LINE_CHARS = 90;

/** A cheap guess at a message's height, from its text alone: nothing is parsed or measured. */
export function estimatedHeight(message: MessageDto): number {
  let lines = 0;
  for (const line of message.content.split('\n')) lines += Math.max(1, Math.ceil(line.length / LINE_CHARS));
  return MESSAGE_PX + lines * LINE_PX;
}

/**
 * Where the first screen of a chat opened at its end starts: the index of the oldest message that
 * still (by estimate) shows in a viewport `height` pixels tall, so only those are rendered before the
 * first paint. The messages above it go in after that paint.
 */
export function firstScreenStart(messages: readonly MessageDto[], height: number): number {
  let filled = 0;
  let index = messages.length;
  while (index > 0 && filled < height) filled += estimatedHeight(messages[--index]!);
  return index;
}
