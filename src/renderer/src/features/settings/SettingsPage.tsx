import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Skeleton } from '../../components/Skeleton';
import { useAppStore } from '../../store';
import { ContextEditor } from '../admin/ContextEditor';
import { useShortcuts } from '../shortcuts/ShortcutsProvider';
import { IS_MAC } from '../shortcuts/platform';
import { formatChord } from '../shortcuts/shortcuts';
import { BackupsSection } from '../data/BackupsSection';
import { DataSection } from '../data/DataSection';
import { ApiKeySection } from './ApiKeySection';
import { ChatLimitSection } from './ChatLimitSection';
import { LanguageSection } from './LanguageSection';
import { LimitsSection } from './LimitsSection';
import { ModelSection } from './ModelSection';
import { OrganisationSection } from './OrganisationSection';
import { ThemeSection } from './ThemeSection';
import './pages.css';

/** Route `#/settings`. */
export function SettingsPage() {
  const { t } = useTranslation();
  const error = useAppStore((s) => s.settingsError);
  const loaded = useAppStore((s) => s.settings !== null);
  const loadSettings = useAppStore((s) => s.loadSettings);

  // Fresh on every visit: the key may have changed in the environment, or models with a new core.
  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);

  return (
    <main className="page settings">
      <div className="page__column">
        <h1>{t('settings.title')}</h1>
        {error && <ErrorNotice code={error.code} role="alert" />}
        {!loaded && !error ? (
          <Skeleton lines={8} label={t('settings.loading')} className="settings__skeleton" />
        ) : (
          <>
            <ApiKeySection />
            <ModelSection />
            <ThemeSection />
            <LanguageSection />
            <ChatLimitSection />
            <LimitsSection />
            <PersonalContextSection />
            <OrganisationSection />
            <DataSection />
            <BackupsSection />
            <ShortcutsSection />
          </>
        )}
      </div>
    </main>
  );
}

function PersonalContextSection() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('settings.personalContext.heading')}</h2>
      <p className="field-help settings-section__lead">{t('settings.personalContext.help')}</p>
      <ContextEditor type="personal" label={t('settings.personalContext.heading')} saveLabel={t('settings.personalContext.save')} />
    </section>
  );
}

function ShortcutsSection() {
  const { t } = useTranslation();
  const id = useId();
  const { openShortcuts } = useShortcuts();
  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('shortcuts.title')}</h2>
      <p className="field-help settings-section__lead">
        {t('settings.shortcuts.help', { keys: formatChord('/', IS_MAC) })}
      </p>
      <button type="button" className="button" onClick={openShortcuts}>
        {t('settings.shortcuts.show')}
      </button>
    </section>
  );
}
