import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/domain/dto';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../components/ErrorNotice';

const LANGUAGES: readonly Language[] = ['system', 'en', 'ru'];

export function LanguageSection() {
  const { t } = useTranslation();
  const id = useId();
  const current = useAppStore((s) => s.settings?.language ?? 'system');
  const ready = useAppStore((s) => s.settings !== null);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const [error, setError] = useState<AppErrorData | null>(null);

  const onChange = async (value: string) => {
    if (!LANGUAGES.includes(value as Language)) return;
    setError(await setLanguage(value as Language));
  };

  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('settings.language.heading')}</h2>
      <select
        id={id}
        aria-label={t('settings.language.label')}
        value={current}
        disabled={!ready}
        onChange={(e) => void onChange(e.target.value)}
      >
        {LANGUAGES.map((lng) => (
          // English and Русский are written in their own language on purpose (both locales agree).
          <option key={lng} value={lng} lang={lng === 'system' ? undefined : lng}>
            {t(`settings.language.${lng}`)}
          </option>
        ))}
      </select>
      {error && <ErrorNotice code={error.code} role="alert" />}
    </section>
  );
}
