import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ContextSyncStatusDto } from '../../../../shared/domain/dto';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import { PolicySummary } from '../admin/PolicySummary';
import { invalidPaths } from '../admin/sync-codes';
import { SyncNowButton } from '../admin/SyncNowButton';
import { SyncStatusLine } from '../admin/SyncStatusLine';
import '../admin/admin.css';
import './pages.css';

const INTERVAL_MIN = 1;
const INTERVAL_MAX = 24 * 60;

type Field = 'url' | 'publicKey' | 'intervalMinutes';

/**
 * Settings → Organisation context: where the organisation's context is synced from (address, pinned
 * public key, how often), how sync is doing, and the policy it brings. Read-only when a managed
 * configuration file sets it. `#/settings?section=organisation-context` scrolls here.
 */
export function OrganisationSection() {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  const [params] = useSearchParams();
  const status = useAppStore((s) => s.syncStatus);
  const statusError = useAppStore((s) => s.syncStatusError);
  const policy = useAppStore((s) => s.policy);
  const loadSyncStatus = useAppStore((s) => s.loadSyncStatus);
  const loadPolicy = useAppStore((s) => s.loadPolicy);
  const watchContextSync = useAppStore((s) => s.watchContextSync);

  useEffect(() => {
    void loadSyncStatus();
    void loadPolicy();
    return watchContextSync();
  }, [loadSyncStatus, loadPolicy, watchContextSync]);

  const linked = params.get('section') === 'organisation-context';
  const ready = status !== null;
  useEffect(() => {
    if (!linked || !ready) return;
    ref.current?.scrollIntoView({ block: 'start' });
    ref.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [linked, ready]);

  return (
    <section ref={ref} className="settings-section organisation" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {t('settings.organisationContext.heading')}
      </h2>
      <p className="field-help settings-section__lead">{t('settings.organisationContext.help')}</p>
      {statusError && !status && <ErrorNotice code={statusError.code} role="alert" />}
      {status && (
        <>
          {status.config.url !== null && (
            <div className="organisation__status">
              <SyncStatusLine status={status} showLastSync />
              <SyncNowButton className="button--small" />
            </div>
          )}
          <SyncForm status={status} />
        </>
      )}
      {policy?.managed && <PolicySummary policy={policy} />}
      <p className="organisation__edit">
        <Link to="/admin/context" className="button settings__link-button">
          {t('settings.organisationContext.edit')}
        </Link>
      </p>
    </section>
  );
}

function SyncForm({ status }: { status: ContextSyncStatusDto }) {
  const { t } = useTranslation();
  const id = useId();
  const configureSync = useAppStore((s) => s.configureSync);
  const { config, locked } = status;
  // Each null until edited: the fields show what is saved, including a change made elsewhere.
  const [urlDraft, setUrl] = useState<string | null>(null);
  const [keyDraft, setPublicKey] = useState<string | null>(null);
  const [minutesDraft, setMinutes] = useState<string | null>(null);
  const url = locked || urlDraft === null ? (config.url ?? '') : urlDraft;
  const publicKey = locked || keyDraft === null ? (config.publicKey ?? '') : keyDraft;
  const interval = locked || minutesDraft === null ? String(config.intervalMinutes) : minutesDraft;
  const [invalid, setInvalid] = useState<ReadonlySet<Field>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [saved, setSaved] = useState(false);
  const [confirmingOff, setConfirmingOff] = useState(false);

  const edited = url.trim() !== (config.url ?? '') || publicKey.trim() !== (config.publicKey ?? '') || interval.trim() !== String(config.intervalMinutes);

  const submit = async (next: { url: string | null; publicKey: string | null; intervalMinutes: number }) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    const failure = await configureSync(next);
    setBusy(false);
    if (!failure) {
      setUrl(null);
      setPublicKey(null);
      setMinutes(null);
      setSaved(true);
      return true;
    }
    if (failure.code === 'invalid_input') {
      const paths = invalidPaths(failure.details);
      const fields = new Set<Field>((['url', 'publicKey', 'intervalMinutes'] as const).filter((f) => paths.has(f)));
      if (fields.size > 0) {
        setInvalid(fields);
        return false;
      }
    }
    setError(failure);
    return false;
  };

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    const problems = new Set<Field>();
    const minutes = Number(interval);
    if (url.trim() === '') problems.add('url');
    if (!Number.isInteger(minutes) || minutes < INTERVAL_MIN || minutes > INTERVAL_MAX) problems.add('intervalMinutes');
    setInvalid(problems);
    if (problems.size > 0) return;
    await submit({ url: url.trim(), publicKey: publicKey.trim() === '' ? null : publicKey.trim(), intervalMinutes: minutes });
  };

  const onTurnOff = async () => {
    const done = await submit({ url: null, publicKey: config.publicKey, intervalMinutes: config.intervalMinutes });
    if (done) setConfirmingOff(false);
  };

  const describedBy = (field: Field, help: string) => [help, invalid.has(field) ? `${id}-${field}-error` : ''].filter(Boolean).join(' ');

  return (
    <form className="sync-form" onSubmit={(e) => void onSave(e)} noValidate aria-describedby={locked ? `${id}-locked` : undefined}>
      {locked && (
        <p className="notice notice--hint sync-form__locked" id={`${id}-locked`}>
          {t('sync.form.locked')}
        </p>
      )}
      <div className="form-field">
        <label htmlFor={`${id}-url`}>{t('sync.form.url')}</label>
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          className="wide-input"
          value={url}
          readOnly={locked}
          placeholder={locked ? '' : t('sync.form.urlPlaceholder')}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={invalid.has('url') || undefined}
          aria-describedby={describedBy('url', `${id}-url-help`)}
          onChange={(e) => {
            setUrl(e.target.value);
            setInvalid(new Set());
            setSaved(false);
          }}
        />
        <p className="field-help" id={`${id}-url-help`}>
          {t('sync.form.urlHelp')}
        </p>
        {invalid.has('url') && (
          <p className="field-error" id={`${id}-url-error`}>
            {url.trim() === '' ? t('sync.form.urlRequired') : t('sync.form.urlInvalid')}
          </p>
        )}
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-key`}>{t('sync.form.publicKey')}</label>
        <input
          id={`${id}-key`}
          type="text"
          className="wide-input mono-input"
          value={publicKey}
          readOnly={locked}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={invalid.has('publicKey') || undefined}
          aria-describedby={describedBy('publicKey', `${id}-key-help`)}
          onChange={(e) => {
            setPublicKey(e.target.value);
            setInvalid(new Set());
            setSaved(false);
          }}
        />
        <p className="field-help" id={`${id}-key-help`}>
          {config.keyId ? t('sync.form.publicKeyPinned', { keyId: config.keyId }) : t('sync.form.publicKeyHelp')}
        </p>
        {invalid.has('publicKey') && (
          <p className="field-error" id={`${id}-publicKey-error`}>
            {t('sync.form.keyInvalid')}
          </p>
        )}
      </div>
      <div className="form-field form-field--narrow">
        <label htmlFor={`${id}-interval`}>{t('sync.form.interval')}</label>
        <input
          id={`${id}-interval`}
          type="number"
          inputMode="numeric"
          min={INTERVAL_MIN}
          max={INTERVAL_MAX}
          step={1}
          value={interval}
          readOnly={locked}
          aria-invalid={invalid.has('intervalMinutes') || undefined}
          aria-describedby={describedBy('intervalMinutes', `${id}-interval-help`)}
          onChange={(e) => {
            setMinutes(e.target.value);
            setInvalid(new Set());
            setSaved(false);
          }}
        />
        <p className="field-help" id={`${id}-interval-help`}>
          {t('sync.form.intervalHelp', { min: INTERVAL_MIN, max: INTERVAL_MAX })}
        </p>
        {invalid.has('intervalMinutes') && (
          <p className="field-error" id={`${id}-intervalMinutes-error`}>
            {t('sync.form.intervalInvalid', { min: INTERVAL_MIN, max: INTERVAL_MAX })}
          </p>
        )}
      </div>
      {!locked && (
        <div className="sync-form__actions">
          <button type="submit" className="button button--primary" disabled={busy || !edited}>
            {busy && !confirmingOff ? t('sync.form.saving') : t('sync.form.save')}
          </button>
          {config.url !== null && (
            <button type="button" className="button" onClick={() => setConfirmingOff(true)} disabled={busy}>
              {t('sync.form.turnOff')}
            </button>
          )}
        </div>
      )}
      {saved && (
        <p className="notice notice--ok" role="status">
          {config.url ? t('sync.form.saved') : t('sync.form.turnedOff')}
        </p>
      )}
      {error && !confirmingOff && <ErrorNotice code={error.code} role="alert" />}
      {confirmingOff && (
        <ConfirmDialog
          title={t('sync.turnOff.title')}
          message={t('sync.turnOff.message')}
          confirmLabel={t('sync.turnOff.confirm')}
          busy={busy}
          error={error}
          onConfirm={() => void onTurnOff()}
          onCancel={() => setConfirmingOff(false)}
        />
      )}
    </form>
  );
}
