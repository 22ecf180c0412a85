import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { useAppStore } from '../../store';
import { ErrorNotice } from '../../components/ErrorNotice';
import { checkApiKey, type ApiKeyProblem } from './api-key-validation';

type Feedback =
  | { kind: 'problem'; problem: ApiKeyProblem | 'invalid' }
  | { kind: 'error'; error: AppErrorData }
  | { kind: 'done'; message: 'saved' | 'removed' };

/** Key status (never the key: main only tells us the last 4 characters and where it lives), save, remove. */
export function ApiKeySection() {
  const { t } = useTranslation();
  const inputId = useId();
  const status = useAppStore((s) => s.secretStatus);
  const saveApiKey = useAppStore((s) => s.saveApiKey);
  const clearApiKey = useAppStore((s) => s.clearApiKey);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    const problem = checkApiKey(value);
    if (problem) {
      setFeedback({ kind: 'problem', problem });
      return;
    }
    setBusy(true);
    const error = await saveApiKey(value.trim());
    setBusy(false);
    if (!error) {
      setValue('');
      setFeedback({ kind: 'done', message: 'saved' });
    } else if (error.code === 'invalid_input') {
      setFeedback({ kind: 'problem', problem: 'invalid' });
    } else {
      setFeedback({ kind: 'error', error });
    }
  };

  const onRemove = async () => {
    setBusy(true);
    const error = await clearApiKey();
    setBusy(false);
    setConfirming(false);
    setFeedback(error ? { kind: 'error', error } : { kind: 'done', message: 'removed' });
  };

  // An environment key wins over a stored one, so removing would change nothing the user can see.
  const canRemove = status?.hasKey === true && status.source !== 'environment';

  return (
    <section className="settings-section" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>{t('settings.apiKey.heading')}</h2>

      {status && (
        <div className="key-status" data-has-key={status.hasKey}>
          {status.hasKey ? (
            <>
              <p className="key-status__line">
                {status.last4 ? t('settings.apiKey.current', { last4: status.last4 }) : t('settings.apiKey.currentNoDigits')}
              </p>
              {status.source && <p className="key-status__source">{t(`settings.apiKey.source.${status.source}`)}</p>}
            </>
          ) : (
            <p className="key-status__line">{t('settings.apiKey.none')}</p>
          )}
          {status.source === 'environment' && <p className="field-help">{t('settings.apiKey.envOverrides')}</p>}
        </div>
      )}

      <form className="key-form" onSubmit={(e) => void onSave(e)} noValidate>
        <label htmlFor={inputId}>{t('settings.apiKey.label')}</label>
        <div className="key-form__row">
          <input
            id={inputId}
            type="password"
            aria-label={t('settings.apiKey.label')}
            placeholder={t('settings.apiKey.placeholder')}
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={busy || value.trim() === ''}>
            {t('settings.apiKey.save')}
          </button>
        </div>
        {/* Where a saved key would go, unless the status line above already says it is there, or the
            notice below says it truly (a file "encrypted" with a key built into Chromium is not safe). */}
        {status && status.source !== status.storage && !(status.storage === 'safeStorage' && !status.storageSecure) && (
          <p className="field-help">{t(`settings.apiKey.willSaveTo.${status.storage ?? 'none'}`)}</p>
        )}
        {/* Linux without a keyring: the "encrypted" file uses a key built into Chromium, so say so plainly. */}
        {status && !status.storageSecure && (
          <p className="notice notice--error" role="note">
            {t('settings.apiKey.insecureStorage')}
          </p>
        )}
      </form>

      {feedback?.kind === 'problem' && (
        <p className="notice notice--error" role="alert">
          {t(`settings.apiKey.${feedback.problem}`)}
        </p>
      )}
      {feedback?.kind === 'error' && <ErrorNotice code={feedback.error.code} role="alert" />}
      {feedback?.kind === 'done' && (
        <p className="notice notice--ok" role="status">
          {t(`settings.apiKey.${feedback.message}`)}
        </p>
      )}

      {canRemove &&
        (confirming ? (
          <div className="confirm" role="group" aria-label={t('settings.apiKey.confirmRemove')}>
            <p>{t('settings.apiKey.confirmRemove')}</p>
            <button type="button" className="button button--danger" onClick={() => void onRemove()} disabled={busy}>
              {t('settings.apiKey.confirmRemoveYes')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)} autoFocus>
              {t('settings.apiKey.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="button button--quiet" onClick={() => {
              setFeedback(null);
              setConfirming(true);
            }}>
            {t('settings.apiKey.remove')}
          </button>
        ))}
    </section>
  );
}
