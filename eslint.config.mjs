// ESLint flat config. The import boundaries of ARCHITECTURE.md §2 are enforced here, one "zone" per part of
// the tree; tests/unit/import-boundaries.test.ts proves that each boundary fires.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_') && !name.startsWith('node:'));

/**
 * What a zone may not import. `modules` are package names (also checked in dynamic import() and require());
 * `patterns` are gitignore-style import patterns.
 */
const FORBIDDEN = {
  electron: {
    message: 'Electron belongs to the shell: only src/main/index.ts, src/main/electron/** and src/preload/** import it.',
    modules: ['electron'],
    patterns: ['electron/*'],
  },
  nodeBuiltins: {
    message: 'No Node built-ins here: renderer, shared and preload code runs without Node (ARCHITECTURE.md §2).',
    modules: NODE_BUILTINS,
    patterns: ['node:*'],
    alsoWithNodePrefix: true,
  },
  mainCode: {
    message: 'Dependencies point one way (renderer → shared ← main, preload → shared): do not import from src/main.',
    modules: [],
    patterns: ['**/main', '**/main/**'],
  },
  sqlite: {
    message: 'Only src/main/core/db/** imports better-sqlite3.',
    modules: ['better-sqlite3'],
    patterns: [],
  },
  anthropicSdk: {
    message: 'Only src/main/core/ai/anthropic-client.ts imports @anthropic-ai/sdk.',
    modules: ['@anthropic-ai/sdk'],
    patterns: ['@anthropic-ai/sdk/*'],
  },
  keytar: {
    message: 'Only src/main/core/secrets/** imports keytar.',
    modules: ['keytar'],
    patterns: [],
  },
};

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('/', '\\x2F');

/** One config object per zone; every src file falls in exactly one zone (later objects would override). */
function zone(name, files, forbidden, ignores = []) {
  const rules = forbidden.map((key) => FORBIDDEN[key]);
  const paths = rules.flatMap(({ message, modules }) => modules.map((module) => ({ name: module, message })));
  const patterns = rules
    .filter((rule) => rule.patterns.length > 0)
    .map(({ message, patterns: group }) => ({ group, message }));
  // no-restricted-imports sees import/export declarations only; catch import('x') and require('x') too.
  const dynamic = rules
    .filter((rule) => rule.modules.length > 0)
    .flatMap(({ message, modules, alsoWithNodePrefix }) => {
      const names = alsoWithNodePrefix ? [...modules, ...modules.map((module) => `node:${module}`)] : modules;
      const regex = `/^(${names.map(escapeRegExp).join('|')})(\\x2F.*)?$/`;
      return [
        { selector: `ImportExpression[source.value=${regex}]`, message },
        { selector: `CallExpression[callee.name='require'][arguments.0.value=${regex}]`, message },
      ];
    });
  return {
    name: `parley/boundaries/${name}`,
    files,
    ignores,
    rules: {
      'no-restricted-imports': ['error', { paths, patterns }],
      'no-restricted-syntax': ['error', ...dynamic],
    },
  };
}

const CORE_EXCEPTIONS = [
  'src/main/core/db/**',
  'src/main/core/secrets/**',
  'src/main/core/ai/anthropic-client.ts',
];

export default defineConfig([
  globalIgnores([
    'out/',
    'dist/',
    'node_modules/',
    'out-harness/',
    'out-context-server/',
    'test-results/',
    'playwright-report/',
    'bench/results/',
  ]),
  {
    name: 'parley/javascript',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'parley/typescript',
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  { name: 'parley/globals/node', files: ['src/main/**', 'tests/**', 'bench/**', 'scripts/**', '*.ts'], languageOptions: { globals: globals.node } },
  { name: 'parley/globals/browser', files: ['src/renderer/**', 'src/preload/**'], languageOptions: { globals: globals.browser } },
  {
    name: 'parley/react-hooks',
    files: ['src/renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
  },

  // ARCHITECTURE.md §2: dependencies point one way, and each native or SDK dependency has one home.
  zone('renderer-and-shared', ['src/renderer/**', 'src/shared/**'], [
    'electron',
    'nodeBuiltins',
    'mainCode',
    'sqlite',
    'anthropicSdk',
    'keytar',
  ]),
  zone('preload', ['src/preload/**'], ['nodeBuiltins', 'mainCode', 'sqlite', 'anthropicSdk', 'keytar']),
  zone('electron-shell', ['src/main/**'], ['sqlite', 'anthropicSdk', 'keytar'], ['src/main/core/**']),
  zone('core', ['src/main/core/**'], ['electron', 'sqlite', 'anthropicSdk', 'keytar'], CORE_EXCEPTIONS),
  zone('core-db', ['src/main/core/db/**'], ['electron', 'anthropicSdk', 'keytar']),
  zone('core-secrets', ['src/main/core/secrets/**'], ['electron', 'sqlite', 'anthropicSdk']),
  zone('core-anthropic-client', ['src/main/core/ai/anthropic-client.ts'], ['electron', 'sqlite', 'keytar']),
]);
