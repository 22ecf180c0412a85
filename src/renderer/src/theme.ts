import type { Theme } from '../../shared/domain/dto';

/** What the page is painted in: a Theme setting with 'system' resolved. */
export type ResolvedTheme = 'light' | 'dark';

const darkQuery = typeof window !== 'undefined' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
let preference: Theme = 'system';

export function resolveTheme(theme: Theme, systemDark = darkQuery?.matches ?? false): ResolvedTheme {
  if (theme !== 'system') return theme;
  return systemDark ? 'dark' : 'light';
}

function paint(): void {
  const root = document.documentElement;
  // data-theme drives the CSS variables; data-theme-preference says whether it follows the system.
  root.dataset.theme = resolveTheme(preference);
  root.dataset.themePreference = preference;
}

/** Applies a Theme setting to <html>. 'system' follows the OS, including changes while Parley runs. */
export function applyTheme(theme: Theme): void {
  preference = theme;
  paint();
}

/** Called once at start-up, before settings arrive, so the first paint already matches the OS. */
export function startTheme(): void {
  paint();
  darkQuery?.addEventListener('change', () => {
    if (preference === 'system') paint();
  });
}
