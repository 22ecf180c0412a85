import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../components/ErrorNotice';

/** The empty option value stands for "no setting" (null): main then uses CLAUDE_MODEL or its default. */
const DEFAULT_VALUE = '';

export function ModelSection() {
  const { t } = useTranslation();
  const id = useId();
  const models = useAppStore((s) => s.models);
  const current = useAppStore((s) => s.settings?.model ?? null);
  const ready = useAppStore((s) => s.settings !== null && s.models !== null);
  const setModel = useAppStore((s) => s.setModel);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

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
      {error && <ErrorNotice code={error.code} role="alert" />}
    </section>
  );
}
