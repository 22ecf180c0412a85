import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ApiKeySection } from './ApiKeySection';
import { LanguageSection } from './LanguageSection';
import { ModelSection } from './ModelSection';

/** Route `#/settings`. */
export function SettingsPage() {
  const { t } = useTranslation();
  const error = useAppStore((s) => s.settingsError);
  const loadSettings = useAppStore((s) => s.loadSettings);

  // Fresh on every visit: the key may have changed in the environment, or models with a new core.
  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);

  return (
    <main className="settings">
      <div className="settings__column">
        <h1>{t('settings.title')}</h1>
        {error && <ErrorNotice code={error.code} role="alert" />}
        <ApiKeySection />
        <ModelSection />
        <LanguageSection />
      </div>
    </main>
  );
}
