import type { MessageDto } from '../../../../shared/domain/dto';

/** Rough pixels per line of message text and per message (bubble padding, author, meta line). */
const LINE_PX = 24;
const MESSAGE_PX = 72;
/** Characters per wrapped line in the message column (it is at most ~760 px wide). */
const LINE_CHARS = 90;

/**
 * A cheap guess at a message's height, from its text alone: nothing is parsed or measured. The message
 * list places messages it has not rendered yet by it, and picks by it which ones fill a chat's first screen.
 */
export function estimatedHeight(message: MessageDto): number {
  let lines = 0;
  for (const line of message.content.split('\n')) lines += Math.max(1, Math.ceil(line.length / LINE_CHARS));
  return MESSAGE_PX + lines * LINE_PX;
}
