import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContextAdminStatusDto } from '../../../../shared/domain/dto';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import type { PublishInput } from '../../store/context-slice';
import { invalidPaths } from './sync-codes';
import './admin.css';

type Outcome =
  | { kind: 'published'; version: number }
  | { kind: 'conflict' }
  | { kind: 'reloaded' }
  | { kind: 'failed'; error: AppErrorData };

interface PublishServerBlockProps {
  status: ContextAdminStatusDto;
  /** Checks the document fields; returns what to publish, or null (the fields then show why). */
  prepare: () => PublishInput | null;
  /** Why publishing cannot start yet (no key, unsaved text …), shown instead of a failure. */
  blocked: boolean;
}

/**
 * Publishing to a context server: its address and bearer token (kept in the keychain, never shown again),
 * then Publish. A conflict (someone published in between) is explained, with a way to reload.
 */
export function PublishServerBlock({ status, prepare, blocked }: PublishServerBlockProps) {
  const { t } = useTranslation();
  const id = useId();
  const setPublishTarget = useAppStore((s) => s.setPublishTarget);
  const publishContext = useAppStore((s) => s.publishContext);
  /** null until edited: the field shows the saved address. */
  const [url, setUrl] = useState<string | null>(null);
  const [token, setToken] = useState('');
  const [urlInvalid, setUrlInvalid] = useState(false);
  const [busy, setBusy] = useState<'save' | 'publish' | 'reload' | null>(null);
  const [targetError, setTargetError] = useState<AppErrorData | null>(null);
  const [targetSaved, setTargetSaved] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const shownUrl = url ?? status.publishUrl ?? '';
  const targetEdited = (url !== null && url.trim() !== (status.publishUrl ?? '')) || token.trim() !== '';

  /** Saves a changed address or a new token; true when there is nothing (left) to save. */
  const saveTarget = async (): Promise<boolean> => {
    if (!targetEdited) return true;
    const nextUrl = shownUrl.trim();
    if (nextUrl === '') {
      setUrlInvalid(true);
      return false;
    }
    const error = await setPublishTarget(nextUrl, token.trim() === '' ? undefined : token.trim());
    if (error) {
      setUrlInvalid(error.code === 'invalid_input' && (invalidPaths(error.details).has('url') || !invalidPaths(error.details).size));
      setTargetError(error.code === 'invalid_input' ? null : error);
      return false;
    }
    setUrl(null);
    setToken('');
    setTargetError(null);
    return true;
  };

  const onSaveTarget = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('save');
    setOutcome(null);
    const saved = await saveTarget();
    setTargetSaved(saved);
    setBusy(null);
  };

  const onPublish = async () => {
    setOutcome(null);
    setTargetSaved(false);
    const input = prepare();
    if (!input) return;
    setBusy('publish');
    if (!(await saveTarget())) {
      setBusy(null);
      return;
    }
    const result = await publishContext(input);
    setBusy(null);
    if (result.ok) {
      setOutcome({ kind: 'published', version: result.value.version });
      // This computer follows the same server: show the new version here at once.
      const state = useAppStore.getState();
      if (state.syncStatus?.config.url && state.syncStatus.config.url === state.contextAdmin?.publishUrl) void state.syncNow();
    } else if (result.error.code === 'conflict') setOutcome({ kind: 'conflict' });
    else setOutcome({ kind: 'failed', error: result.error });
  };

  /** After a conflict: fetch what is current again (through sync when this computer follows that server). */
  const onReload = async () => {
    setBusy('reload');
    const state = useAppStore.getState();
    if (state.syncStatus?.config.url && state.syncStatus.config.url === state.contextAdmin?.publishUrl) await state.syncNow();
    await Promise.all([state.loadContext('primary'), state.loadPolicy(), state.loadContextAdmin()]);
    setBusy(null);
    setOutcome({ kind: 'reloaded' });
  };

  const ready = status.publishUrl !== null && status.hasPublishToken;

  return (
    <div className="publish-step" role="group" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('admin.publish.server.heading')}</h3>
      <form className="publish-target" onSubmit={(e) => void onSaveTarget(e)} noValidate>
        <div className="form-field">
          <label htmlFor={`${id}-url`}>{t('admin.publish.server.url')}</label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            className="wide-input"
            placeholder={t('admin.publish.server.urlPlaceholder')}
            value={shownUrl}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={urlInvalid || undefined}
            aria-describedby={urlInvalid ? `${id}-url-error` : undefined}
            onChange={(e) => {
              setUrl(e.target.value);
              setUrlInvalid(false);
              setTargetSaved(false);
            }}
          />
          {urlInvalid && (
            <p className="field-error" id={`${id}-url-error`}>
              {t('admin.publish.server.urlInvalid')}
            </p>
          )}
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-token`}>{t('admin.publish.server.token')}</label>
          <input
            id={`${id}-token`}
            type="password"
            className="wide-input"
            value={token}
            autoComplete="off"
            spellCheck={false}
            placeholder={status.hasPublishToken ? t('admin.publish.server.tokenPlaceholderSaved') : ''}
            aria-describedby={`${id}-token-help`}
            onChange={(e) => {
              setToken(e.target.value);
              setTargetSaved(false);
            }}
          />
          <p className="field-help" id={`${id}-token-help`}>
            {status.hasPublishToken ? t('admin.publish.server.tokenSaved') : t('admin.publish.server.tokenNone')}
          </p>
        </div>
        <div className="publish-step__actions">
          <button type="submit" className="button" disabled={busy !== null || !targetEdited}>
            {busy === 'save' ? t('admin.publish.server.saving') : t('admin.publish.server.save')}
          </button>
        </div>
        {targetSaved && (
          <p className="notice notice--ok" role="status">
            {t('admin.publish.server.saved')}
          </p>
        )}
        {targetError && <ErrorNotice code={targetError.code} role="alert" />}
      </form>

      <div className="publish-step__actions publish-step__actions--main">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void onPublish()}
          disabled={busy !== null || blocked || (!ready && !targetEdited)}
          aria-describedby={!ready && !targetEdited ? `${id}-need` : undefined}
        >
          {busy === 'publish' ? t('admin.publish.server.publishing') : t('admin.publish.server.publish')}
        </button>
        {!ready && !targetEdited && (
          <p className="field-help" id={`${id}-need`}>
            {t('admin.publish.server.needTarget')}
          </p>
        )}
      </div>

      {outcome?.kind === 'published' && (
        <p className="notice notice--ok" role="status">
          {t('admin.publish.server.published', { version: outcome.version })}
        </p>
      )}
      {outcome?.kind === 'reloaded' && (
        <p className="notice notice--hint" role="status">
          {t('admin.publish.server.reloaded')}
        </p>
      )}
      {outcome?.kind === 'conflict' && (
        <div className="notice notice--error publish-conflict" role="alert">
          <p>{t('admin.publish.server.conflict')}</p>
          <button type="button" className="button button--small" onClick={() => void onReload()} disabled={busy !== null}>
            {busy === 'reload' ? t('admin.publish.server.reloading') : t('admin.publish.server.reload')}
          </button>
        </div>
      )}
      {outcome?.kind === 'failed' && (
        <div className="publish-failure">
          <ErrorNotice code={outcome.error.code} role="alert" />
          {outcome.error.message && <p className="field-help">{t('admin.publish.server.detail', { message: outcome.error.message })}</p>}
        </div>
      )}
    </div>
  );
}
