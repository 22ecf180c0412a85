import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContextAdminStatusDto } from '../../../../shared/domain/dto';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import { useCopy } from '../conversation/hooks/use-copy';
import './admin.css';

/**
 * The admin's Ed25519 signing key: generate (or replace, after a warning), and the public key to pin on
 * every machine, read-only with a Copy button. The private key stays in the keychain and never shows.
 */
export function SigningKeyBlock({ status }: { status: ContextAdminStatusDto }) {
  const { t } = useTranslation();
  const id = useId();
  const generateSigningKey = useAppStore((s) => s.generateSigningKey);
  const { state: copyState, copy } = useCopy();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [generated, setGenerated] = useState(false);

  const generate = async () => {
    setBusy(true);
    setError(null);
    const failure = await generateSigningKey();
    setBusy(false);
    setConfirming(false);
    setError(failure);
    setGenerated(failure === null);
  };

  return (
    <div className="publish-step" role="group" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('admin.publish.key.heading')}</h3>
      {status.hasSigningKey && status.publicKey ? (
        <>
          <label htmlFor={`${id}-public`} className="form-label">
            {t('admin.publish.key.publicKey')}
          </label>
          <div className="copy-field">
            <input
              id={`${id}-public`}
              type="text"
              className="mono-input"
              readOnly
              value={status.publicKey}
              spellCheck={false}
              aria-describedby={`${id}-pin ${id}-keyid`}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" className="button" onClick={() => void copy(status.publicKey ?? '')}>
              {copyState === 'copied' ? t('admin.publish.key.copied') : t('admin.publish.key.copy')}
            </button>
          </div>
          <p className="field-help" id={`${id}-keyid`}>
            {t('admin.publish.key.keyId', { keyId: status.keyId ?? '' })}
          </p>
          <p className="field-help" id={`${id}-pin`}>
            {t('admin.publish.key.pinHelp')}
          </p>
          <span className="sr-only" role="status">
            {copyState === 'copied' ? t('admin.publish.key.copiedAnnounce') : ''}
          </span>
          {copyState === 'failed' && (
            <p className="notice notice--error" role="alert">
              {t('admin.publish.key.copyFailed')}
            </p>
          )}
        </>
      ) : (
        <p className="field-help publish-step__lead">{t('admin.publish.key.none')}</p>
      )}
      <div className="publish-step__actions">
        <button
          type="button"
          className={`button ${status.hasSigningKey ? '' : 'button--primary'}`}
          disabled={busy}
          onClick={() => (status.hasSigningKey ? setConfirming(true) : void generate())}
        >
          {busy ? t('admin.publish.key.generating') : status.hasSigningKey ? t('admin.publish.key.replace') : t('admin.publish.key.generate')}
        </button>
      </div>
      {generated && !error && (
        <p className="notice notice--ok" role="status">
          {t('admin.publish.key.generated')}
        </p>
      )}
      {error && !confirming && <ErrorNotice code={error.code} role="alert" />}
      {confirming && (
        <ConfirmDialog
          title={t('admin.publish.key.replaceTitle')}
          message={t('admin.publish.key.replaceMessage')}
          confirmLabel={t('admin.publish.key.replaceConfirm')}
          danger
          busy={busy}
          error={error}
          onConfirm={() => void generate()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
