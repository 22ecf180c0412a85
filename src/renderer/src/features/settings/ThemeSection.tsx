import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Theme } from '../../../../shared/domain/dto';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';

const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export function ThemeSection() {
  const { t } = useTranslation();
  const id = useId();
  const current = useAppStore((s) => s.settings?.theme ?? 'system');
  const ready = useAppStore((s) => s.settings !== null);
  const setTheme = useAppStore((s) => s.setTheme);
  const [error, setError] = useState<AppErrorData | null>(null);

  const onChange = async (value: string) => {
    if (!THEMES.includes(value as Theme)) return;
    setError(await setTheme(value as Theme));
  };

  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('settings.theme.heading')}</h2>
      <select
        id={id}
        aria-label={t('settings.theme.label')}
        value={current}
        disabled={!ready}
        onChange={(e) => void onChange(e.target.value)}
      >
        {THEMES.map((theme) => (
          <option key={theme} value={theme}>
            {t(`theme.${theme}`)}
          </option>
        ))}
      </select>
      {error && <ErrorNotice code={error.code} role="alert" />}
    </section>
  );
}
