import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RelativeTime } from '../../components/RelativeTime';
import { numberFormat } from '../../components/intl-cache';
import './limits.css';

/** The empty option value stands for "no setting" (null): main then uses CLAUDE_MODEL or its default. */
const DEFAULT_VALUE = '';

export function ModelSection() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const models = useAppStore((s) => s.models);
  const current = useAppStore((s) => s.settings?.model ?? null);
  const ready = useAppStore((s) => s.settings !== null && s.models !== null);
  const setModel = useAppStore((s) => s.setModel);
  const refreshModels = useAppStore((s) => s.refreshModels);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [refreshed, setRefreshed] = useState(false);
  const [refreshError, setRefreshError] = useState<AppErrorData | null>(null);
  const number = numberFormat(i18n.language);
  const effective = models?.models.find((m) => m.id === models.effectiveModel);

  const onRefresh = async () => {
    setRefreshing(true);
    setRefreshed(false);
    setRefreshError(null);
    const failure = await refreshModels();
    setRefreshing(false);
    setRefreshError(failure);
    setRefreshed(failure === null);
  };

  const labelOf = (modelId: string) => models?.models.find((m) => m.id === modelId)?.label ?? modelId;
  // A model set elsewhere (an older Parley, a hand-edited setting) still shows as chosen.
  const unlisted = current !== null && models !== null && !models.models.some((m) => m.id === current);

  const onChange = async (value: string) => {
    setBusy(true);
    setError(await setModel(value === DEFAULT_VALUE ? null : value));
    setBusy(false);
  };

  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('settings.model.heading')}</h2>
      <select
        id={id}
        aria-label={t('settings.model.label')}
        value={current ?? DEFAULT_VALUE}
        disabled={!ready || busy}
        onChange={(e) => void onChange(e.target.value)}
      >
        <option value={DEFAULT_VALUE}>
          {t('settings.model.default', { model: models ? labelOf(models.defaultModel) : '…' })}
        </option>
        {models?.models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
        {unlisted && <option value={current}>{current}</option>}
      </select>
      {models && <p className="field-help">{t('settings.model.inUse', { model: labelOf(models.effectiveModel) })}</p>}
      {effective && (
        <p className="field-help">
          {t('models.details', {
            model: effective.label,
            window: number.format(effective.maxInputTokens),
            output: number.format(effective.maxOutputTokens),
          })}
        </p>
      )}
      {error && <ErrorNotice code={error.code} role="alert" />}
      {models && (
        <div className="model-source">
          <p className="field-help model-source__text" data-source={models.source}>
            {models.source === 'api' && models.fetchedAt ? (
              <>
                {t('models.fromApi')} <RelativeTime date={models.fetchedAt} />
              </>
            ) : (
              t('models.builtIn')
            )}
          </p>
          <button type="button" className="button button--small" onClick={() => void onRefresh()} disabled={refreshing}>
            {refreshing ? t('models.refreshing') : t('models.refresh')}
          </button>
        </div>
      )}
      {refreshError && <ErrorNotice code={refreshError.code} role="alert" />}
      {refreshed && (
        <p className="notice notice--ok" role="status">
          {t('models.refreshed')}
        </p>
      )}
    </section>
  );
}
