import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import { numberFormat } from '../../components/intl-cache';

const MIN = 1;
const MAX = 100_000;

/** "Maximum active chats": how many non-archived chats Parley keeps before asking to archive some. */
export function ChatLimitSection() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = useAppStore((s) => s.settings?.maxChats ?? null);
  const setMaxChats = useAppStore((s) => s.setMaxChats);
  /** Set by the organisation's policy: shown, not edited (the policy wins over the setting). */
  const managedLimit = useAppStore((s) => s.policy?.maxChats ?? null);
  /** null until edited: the field shows the saved value. */
  const [value, setValue] = useState<string | null>(null);
  const [problem, setProblem] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const shown = managedLimit !== null ? String(managedLimit) : (value ?? (current === null ? '' : String(current)));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (managedLimit !== null) return;
    const n = Number(shown);
    if (!Number.isInteger(n) || n < MIN || n > MAX) {
      setProblem(true);
      return;
    }
    setBusy(true);
    const failure = await setMaxChats(n);
    setBusy(false);
    setError(failure);
    if (!failure) {
      setValue(null);
      setDone(true);
    }
  };

  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('settings.chats.heading')}</h2>
      <form className="inline-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <label htmlFor={id}>{t('settings.chats.label')}</label>
        <div className="inline-form__row">
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={MIN}
            max={MAX}
            step={1}
            value={shown}
            disabled={current === null}
            readOnly={managedLimit !== null}
            aria-describedby={managedLimit !== null ? `${id}-managed` : undefined}
            aria-invalid={problem || undefined}
            onChange={(e) => {
              setValue(e.target.value);
              setProblem(false);
              setDone(false);
            }}
          />
          {managedLimit === null && (
            <button type="submit" className="button" disabled={busy || value === null || value === String(current)}>
              {t('settings.chats.apply')}
            </button>
          )}
        </div>
        {managedLimit !== null && (
          <p className="field-help" id={`${id}-managed`}>
            <span className="managed-badge">{t('policy.managed')}</span> {t('policy.chatLimitManaged')}
          </p>
        )}
        <p className="field-help">{t('settings.chats.help')}</p>
      </form>
      {problem && (
        <p className="notice notice--error" role="alert">
          {t('settings.chats.invalid', { min: MIN, max: numberFormat(i18n.language).format(MAX) })}
        </p>
      )}
      {error && <ErrorNotice code={error.code} role="alert" />}
      {done && (
        <p className="notice notice--ok" role="status">
          {t('settings.chats.saved', { count: current ?? 0 })}
        </p>
      )}
    </section>
  );
}
