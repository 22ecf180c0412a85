import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../shared/locales/en/translation.json';
import ru from '../../shared/locales/ru/translation.json';
import type { Language } from '../../shared/domain/dto';

/** Languages we ship resources for. The `Language` setting adds 'system' on top of these. */
export type UiLanguage = 'en' | 'ru';

// Typed keys: asking t() for a key that is not in en fails to compile, and `t(\`errors.${code}\`)`
// proves every ErrorCode has an English message. The locales unit test checks Russian has the same keys.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/** "system" follows the OS/browser language: any Russian variant → ru, everything else → en. */
export function resolveLanguage(preference: Language, navigatorLanguage = navigator.language): UiLanguage {
  if (preference !== 'system') return preference;
  return navigatorLanguage.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

// Resources are bundled (no http backend): the CSP allows no fetches, and a desktop app has them on disk.
// initAsync: false so the very first render already has strings, with no flash of keys.
void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: resolveLanguage('system'),
  fallbackLng: 'en',
  supportedLngs: ['en', 'ru'],
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});
document.documentElement.lang = i18next.language;

/** Applies a Language setting to i18next and to <html lang> (screen readers pick the voice from it). */
export async function applyLanguage(preference: Language): Promise<void> {
  const lng = resolveLanguage(preference);
  if (i18next.language !== lng) await i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}

export default i18next;
