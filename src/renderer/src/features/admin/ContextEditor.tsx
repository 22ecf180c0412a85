import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useBlocker } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ContextType } from '../../../../shared/domain/dto';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { CONTEXT_MAX } from '../../../../shared/domain/limits';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RelativeTime } from '../../components/RelativeTime';
import { Skeleton } from '../../components/Skeleton';
import { useAppStore } from '../../store';
import { hasPrimaryModifier } from '../shortcuts/platform';
import { estimateTokens } from './context-stats';
import { numberFormat } from '../../components/intl-cache';
import '../settings/pages.css';

interface ContextEditorProps {
  type: ContextType;
  /** The textarea's accessible name ("Organisation context", "Personal context"). */
  label: string;
  /** The Save button's text, naming what it saves. */
  saveLabel: string;
  /** Told when unsaved text appears or goes (the admin page holds publishing until it is saved). */
  onDirtyChange?: (dirty: boolean) => void;
}

/**
 * Edits one context file (`context:get` / `context:update`): monospace text, Save (also Ctrl/⌘+S), the
 * saved version and when, a character count with a rough token estimate. Unsaved text is guarded: leaving
 * the page in the app asks first (useBlocker), closing the window asks too (beforeunload).
 * One per page: a router keeps one blocker at a time.
 */
export function ContextEditor({ type, label, saveLabel, onDirtyChange }: ContextEditorProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const entry = useAppStore((s) => s.contexts[type]);
  const loadContext = useAppStore((s) => s.loadContext);
  const saveContext = useAppStore((s) => s.saveContext);
  /** null until the user types: the editor then shows what is saved, including changes made elsewhere. */
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<AppErrorData | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  useEffect(() => {
    void loadContext(type);
  }, [type, loadContext]);

  const saved = entry?.file?.content ?? '';
  // Once a sync source manages the text, it shows what was synced, never a draft typed before.
  const managedNow = entry?.file?.managed === true;
  const text = managedNow ? saved : (draft ?? saved);
  const dirty = !managedNow && draft !== null && draft !== saved;
  const tooLong = text.length > CONTEXT_MAX;

  useEffect(() => {
    onDirtyChange?.(dirty);
  }, [dirty, onDirtyChange]);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ''; // older Chromium (Electron) asks only when returnValue is set
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const save = async () => {
    if (!dirty || saving || tooLong || useAppStore.getState().contexts[type]?.file?.managed) return;
    setSaving(true);
    setSaveError(null);
    const error = await saveContext(type, text);
    setSaving(false);
    if (error) {
      setSaveError(error);
      return;
    }
    setDraft(null);
    setSavedVersion(useAppStore.getState().contexts[type]?.file?.version ?? null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (hasPrimaryModifier(e) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save();
    }
  };

  if (!entry || entry.status === 'idle' || entry.status === 'loading') {
    return <Skeleton variant="block" label={t('admin.editor.loading')} className="context-editor__skeleton" />;
  }
  if (entry.status === 'error' && entry.error) {
    return (
      <div className="context-editor__failed">
        <ErrorNotice code={entry.error.code} role="alert" />
        <button type="button" className="button" onClick={() => void loadContext(type)}>
          {t('admin.editor.retry')}
        </button>
      </div>
    );
  }

  const file = entry.file;
  // A synced organisation context is managed by its source: shown, not edited.
  const managed = file?.managed === true;
  const numbers = numberFormat(i18n.language);
  return (
    <div className="context-editor">
      <p className="context-editor__meta" id={`${id}-meta`}>
        {file && file.version > 0 ? (
          <>
            <span>{t('admin.editor.version', { version: file.version })}</span>
            <span aria-hidden="true"> · </span>
            <span>
              {t('admin.editor.updated')} <RelativeTime date={file.updatedAt} />
            </span>
          </>
        ) : (
          <span>{t('admin.editor.neverSaved')}</span>
        )}
      </p>
      {managed && <p className="notice notice--hint context-editor__managed">{t('admin.editor.managed')}</p>}
      <textarea
        className="context-editor__text"
        aria-label={label}
        aria-describedby={`${id}-meta ${id}-stats`}
        aria-invalid={tooLong || undefined}
        value={text}
        readOnly={managed}
        spellCheck={false}
        rows={16}
        onChange={(e) => {
          setDraft(e.target.value);
          setSavedVersion(null);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="context-editor__bar">
        <p className="context-editor__stats" id={`${id}-stats`}>
          {t('admin.editor.characters', { count: text.length, n: numbers.format(text.length) })}
          {' · '}
          {t('admin.editor.tokens', { count: estimateTokens(text), n: numbers.format(estimateTokens(text)) })}
        </p>
        {dirty && <p className="context-editor__dirty">{t('admin.editor.unsaved')}</p>}
        {!managed && (
          <button type="button" className="button button--primary" onClick={() => void save()} disabled={!dirty || saving || tooLong}>
            {saving ? t('admin.editor.saving') : saveLabel}
          </button>
        )}
      </div>
      {tooLong && (
        <p className="notice notice--error" role="alert">
          {t('admin.editor.tooLong', { max: numbers.format(CONTEXT_MAX) })}
        </p>
      )}
      {saveError && <ErrorNotice code={saveError.code} role="alert" />}
      {savedVersion !== null && !dirty && (
        <p className="notice notice--ok" role="status">
          {t('admin.editor.saved', { version: savedVersion })}
        </p>
      )}

      {blocker.state === 'blocked' && (
        <ConfirmDialog
          title={t('admin.leave.title')}
          message={t('admin.leave.message', { what: label })}
          confirmLabel={t('admin.leave.confirm')}
          cancelLabel={t('admin.leave.stay')}
          danger
          onConfirm={() => blocker.proceed()}
          onCancel={() => blocker.reset()}
        />
      )}
    </div>
  );
}
