import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';

/**
 * Writes a file so it is either all there or not there: a temp file beside it, flushed to disk, then
 * renamed over the target. A crash or an error midway leaves the old file (or nothing) in place.
 */
export async function writeAtomically(path: string, write: (out: { write(text: string): Promise<void> }) => Promise<void>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const stream: WriteStream = createWriteStream(temp, { flags: 'wx', mode: 0o600 });
  const failed = once(stream, 'error').then(([error]) => {
    throw error;
  });
  try {
    await Promise.race([once(stream, 'open'), failed]);
    await write({
      async write(text: string) {
        // Honour backpressure so a million messages never pile up in memory.
        if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
      },
    });
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
    const handle = await open(temp, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    stream.destroy();
    await rm(temp, { force: true });
    throw error;
  } finally {
    failed.catch(() => undefined);
  }
}
