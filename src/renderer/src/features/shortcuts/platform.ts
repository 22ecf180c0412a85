/** What platform detection reads: `navigator` in the app, a stand-in in unit tests. */
interface PlatformInfo {
  platform?: string;
  userAgent?: string;
  userAgentData?: { platform?: string };
}

/** The modifier keys of a keydown (a KeyboardEvent or React's wrapper of one). */
export interface ModifierState {
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** macOS uses ⌘ (metaKey) where Linux and Windows use Ctrl. */
export function isMacPlatform(nav: PlatformInfo): boolean {
  const platform = nav.userAgentData?.platform || nav.platform || nav.userAgent || '';
  return /mac|iphone|ipad/i.test(platform);
}

export const IS_MAC = typeof navigator !== 'undefined' && isMacPlatform(navigator as PlatformInfo);

/** The primary modifier held for the event: ⌘ on macOS, Ctrl elsewhere (and not both, not with Alt). */
export function hasPrimaryModifier(e: ModifierState, mac = IS_MAC): boolean {
  if (e.altKey) return false;
  return mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
}
