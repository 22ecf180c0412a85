import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Logger } from '../../logger';

/** Where an admin deploys managed.json (the shell passes the one for this OS; tests pass their own). */
export function defaultManagedConfigPath(platform: NodeJS.Platform, env: Record<string, string | undefined>): string {
  if (platform === 'win32') return `${env.ProgramData ?? 'C:\\ProgramData'}\\Parley\\managed.json`;
  if (platform === 'darwin') return '/Library/Application Support/Parley/managed.json';
  return '/etc/parley/managed.json';
}

const managedSchema = z
  .object({
    contextSync: z
      .object({
        url: z.string().url().max(2000),
        publicKey: z.string().min(1).max(200).optional(),
        intervalMinutes: z.number().int().min(1).max(24 * 60).optional(),
      })
      .strict()
      .optional(),
  })
  .loose();

export type ManagedConfig = z.infer<typeof managedSchema>;

/**
 * Reads the managed configuration once at start-up. A missing file is the normal case (null); an
 * unreadable or invalid one is logged and ignored, so a typo by an admin never stops Parley starting.
 */
export function readManagedConfig(path: string | undefined, logger: Logger): ManagedConfig | null {
  if (!path) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn('managed configuration unreadable', { path, error: String(error) });
    return null;
  }
  try {
    const parsed = managedSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    logger.warn('managed configuration invalid', { path, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  } catch (error) {
    logger.warn('managed configuration is not JSON', { path, error: String(error) });
  }
  return null;
}
