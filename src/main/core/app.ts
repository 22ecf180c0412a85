import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkedBaseUrl } from './ai/base-url';
import type { ClaudeClientFactory } from './ai/claude-client';
import { systemClock, type Clock } from './clock';
import type { Core, CoreOptions } from './core-types';
import { BackupStore } from './data/backup-store';
import { DataService, type DataHost } from './data/data-service';
import { BUNDLED_MIGRATIONS } from './db/bundled-migrations';
import { checkIntegrity } from './db/integrity';
import { DatabaseTooNewError } from './db/migrations';
import { openInstance, type Instance } from './instance';
import { consoleLogger } from './logger';
import { createRouter } from './router';
import { buildHandlers } from './routes';

export const DB_FILE_NAME = 'parley.sqlite';
const INTEGRITY_TIMEOUT_MS = 5_000;
const DAILY_CHECK_MS = 60 * 60 * 1000;

/** Channels that still answer while the data file is damaged. */
const RECOVERY_CHANNELS = new Set(['recovery:status', 'recovery:startFresh', 'data:listBackups', 'data:restoreBackup']);

export interface CoreTestHooks {
  /** Replaces the Anthropic SDK client, e.g. to count calls. */
  createClient?: ClaudeClientFactory;
  clock?: Clock;
  /** The SDK's own retry count (default 2); tests use 0 to see errors at once. */
  maxRetries?: number;
  /** Context sync's fetch timeout (default 15 s). */
  syncTimeoutMs?: number;
  /** Pauses before retrying a dropped stream (default 1 s, 3 s, 9 s); tests use short ones. */
  midStreamBackoffMs?: number[];
}

/**
 * The composition root: plain Node, no Electron, so tests and the harness run the real thing.
 * It checks the data file, opens an instance of every service around it, and can swap that instance
 * (restoring a backup) or run without one (a damaged file: only recovery answers).
 */
export async function createCore(options: CoreOptions & CoreTestHooks): Promise<Core> {
  const logger = options.logger ?? consoleLogger;
  const clock = options.clock ?? systemClock;
  const baseURL = checkedBaseUrl(options.env?.ANTHROPIC_BASE_URL || undefined);
  if (baseURL) logger.warn('using a non-default Anthropic endpoint', { baseURL });
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(options.dataDir, 0o700);
  const dbPath = join(options.dataDir, DB_FILE_NAME);
  const backups = new BackupStore(join(options.dataDir, 'backups'), clock, logger);
  const open = () => openInstance(options, { dbPath, baseURL, logger, clock, backups });

  let instance: Instance | null = null;
  let damage: { detail: string } | null = null;
  if (existsSync(dbPath)) {
    const integrity = await checkIntegrity(dbPath, INTEGRITY_TIMEOUT_MS);
    if (integrity.status === 'damaged') damage = { detail: integrity.detail };
    else if (integrity.status === 'unknown') logger.warn('integrity check skipped', { detail: integrity.detail });
  }
  if (!damage) {
    try {
      instance = await open();
    } catch (error) {
      if (error instanceof DatabaseTooNewError || !isCorruption(error)) throw error;
      damage = { detail: error instanceof Error ? error.message : String(error) };
    }
  }
  if (damage) logger.error('data file damaged; waiting for the person to restore a backup', { dbPath, detail: damage.detail });

  /** Calls wait here while an instance is being swapped. */
  let swapping: Promise<void> = Promise.resolve();
  const host: DataHost = {
    instance: () => instance,
    damage: () => damage,
    supportedSchema: BUNDLED_MIGRATIONS.length,
    livePath: dbPath,
    reopen(swap) {
      const run = (async () => {
        await data.settle();
        await instance?.close();
        instance = null;
        swap();
        damage = null;
        instance = await open();
      })();
      swapping = run.catch(() => undefined);
      return run;
    },
  };
  const data = new DataService(host, backups, logger, options.dialogs);
  const route = createRouter(
    buildHandlers(() => {
      if (!instance) throw new Error('no instance');
      return { ...instance.services, data };
    }, data),
    logger,
  );

  void data.dailyIfDue();
  const daily = setInterval(() => void data.dailyIfDue(), DAILY_CHECK_MS);
  daily.unref();

  let closing: Promise<void> | null = null;
  return {
    dbPath,
    async handle(channel, input) {
      await swapping;
      if (!instance && !RECOVERY_CHANNELS.has(channel)) {
        return { ok: false, error: { code: 'database_damaged', message: 'The data file is damaged; restore a backup first' } };
      }
      return route(channel, input);
    },
    close() {
      closing ??= (async () => {
        clearInterval(daily);
        await swapping;
        await data.settle();
        await instance?.close();
      })();
      return closing;
    },
  };
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}
