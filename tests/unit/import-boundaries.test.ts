import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The import boundaries of ARCHITECTURE.md §2, as eslint.config.mjs enforces them. Each snippet is linted as if
// it lived at `filePath` (the file need not exist); the snippets export what they import so that only the
// boundary rules can complain.

const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: resolve(__dirname, '../..') });
});

async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error('ESLint returned no result');
  return result.messages
    .filter((message) => message.ruleId !== null && BOUNDARY_RULES.has(message.ruleId) && message.severity === 2)
    .map((message) => message.message);
}

const refused: Array<[what: string, code: string, filePath: string]> = [
  ['electron in the core', "import { app } from 'electron';\nexport { app };", 'src/main/core/x.ts'],
  ['an electron subpath in the core', "import { app } from 'electron/main';\nexport { app };", 'src/main/core/chat/x.ts'],
  ['node:fs in the renderer', "import fs from 'node:fs';\nexport { fs };", 'src/renderer/src/x.tsx'],
  ['a bare built-in in the renderer', "import path from 'path';\nexport { path };", 'src/renderer/src/features/x.ts'],
  ['a built-in subpath in shared', "import fs from 'fs/promises';\nexport { fs };", 'src/shared/domain/x.ts'],
  ['electron in the renderer', "import { ipcRenderer } from 'electron';\nexport { ipcRenderer };", 'src/renderer/src/x.ts'],
  ['electron in shared', "import { app } from 'electron';\nexport { app };", 'src/shared/x.ts'],
  ['main code from shared', "import { createCore } from '../../main/core/app';\nexport { createCore };", 'src/shared/ipc/x.ts'],
  ['main code from the renderer', "import { x } from '../../../main/electron/window';\nexport { x };", 'src/renderer/src/features/x.ts'],
  ['main code from the preload', "import { x } from '../main/core/app';\nexport { x };", 'src/preload/x.ts'],
  ['a built-in in the preload', "import os from 'node:os';\nexport { os };", 'src/preload/index.ts'],
  ['better-sqlite3 outside db', "import Database from 'better-sqlite3';\nexport { Database };", 'src/main/core/chat/x.ts'],
  ['better-sqlite3 in the shell', "import Database from 'better-sqlite3';\nexport { Database };", 'src/main/electron/x.ts'],
  ['the SDK outside anthropic-client.ts', "import Anthropic from '@anthropic-ai/sdk';\nexport { Anthropic };", 'src/main/core/ai/other.ts'],
  ['keytar outside secrets', "import keytar from 'keytar';\nexport { keytar };", 'src/main/core/settings/x.ts'],
  ['keytar in the shell', "import keytar from 'keytar';\nexport { keytar };", 'src/main/electron/secrets.ts'],
  ['a dynamic import of keytar outside secrets', "export const k = await import('keytar');", 'src/main/core/chat/x.ts'],
  ['require(electron) in the core', "export const e = require('electron');", 'src/main/core/x.ts'],
  ['a re-export of electron from the core', "export { app } from 'electron';", 'src/main/core/x.ts'],
];

const allowed: Array<[what: string, code: string, filePath: string]> = [
  ['electron in the shell', "import { app } from 'electron';\nexport { app };", 'src/main/electron/x.ts'],
  ['electron in the entry', "import { app } from 'electron';\nexport { app };", 'src/main/index.ts'],
  ['electron in the preload', "import { contextBridge } from 'electron';\nexport { contextBridge };", 'src/preload/index.ts'],
  ['node built-ins in the core', "import { join } from 'node:path';\nexport { join };", 'src/main/core/x.ts'],
  ['better-sqlite3 in db', "import Database from 'better-sqlite3';\nexport { Database };", 'src/main/core/db/x.ts'],
  ['the SDK in anthropic-client.ts', "import Anthropic from '@anthropic-ai/sdk';\nexport { Anthropic };", 'src/main/core/ai/anthropic-client.ts'],
  ['keytar in secrets', "export const k = await import('keytar');", 'src/main/core/secrets/keytar-store.ts'],
  ['shared from the renderer', "import { CHANNELS } from '../../shared/ipc/contract';\nexport { CHANNELS };", 'src/renderer/src/x.ts'],
  ['shared from the preload', "import { createApi } from '../shared/ipc/client';\nexport { createApi };", 'src/preload/index.ts'],
  ['npm packages in the renderer', "import { create } from 'zustand';\nexport { create };", 'src/renderer/src/store/x.ts'],
];

describe('import boundaries (ARCHITECTURE.md §2)', () => {
  it.each(refused)('refuses %s', async (_what, code, filePath) => {
    expect(await boundaryErrors(code, filePath)).not.toEqual([]);
  });

  it.each(allowed)('allows %s', async (_what, code, filePath) => {
    expect(await boundaryErrors(code, filePath)).toEqual([]);
  });

  it('says which folder may import the module', async () => {
    const [message] = await boundaryErrors("import Database from 'better-sqlite3';\nexport { Database };", 'src/main/core/chat/x.ts');
    expect(message).toContain('src/main/core/db');
  });
});
