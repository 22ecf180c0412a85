import { parseMigrationFiles } from './migrations';

// Bundled at build time, so a packaged app never reads migrations from disk.
const files = import.meta.glob('../../../../migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const BUNDLED_MIGRATIONS = parseMigrationFiles(files);
