import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContextFileDto } from '../../../../shared/domain/dto';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Skeleton } from '../../components/Skeleton';
import { useAppStore } from '../../store';
import type { PublishInput } from '../../store/context-slice';
import { downloadTextFile } from './download';
import { draftFromPolicy, policyFromDraft, type PolicyDraft, type PolicyNumberField } from './policy-draft';
import { PolicyEditor } from './PolicyEditor';
import { PublishServerBlock } from './PublishServerBlock';
import { SigningKeyBlock } from './SigningKeyBlock';
import './admin.css';

interface PublishPanelProps {
  /** The saved organisation context: what is signed and published. */
  file: ContextFileDto | null;
  /** The editor above holds unsaved text: only saved text is published, so say so and wait. */
  editorDirty: boolean;
}

/**
 * For admins: sign the saved organisation context (with an optional policy) and hand it to every Parley,
 * as a file for any static host or straight to a context server.
 */
export function PublishPanel({ file, editorDirty }: PublishPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const status = useAppStore((s) => s.contextAdmin);
  const statusError = useAppStore((s) => s.contextAdminError);
  const loadContextAdmin = useAppStore((s) => s.loadContextAdmin);
  const policy = useAppStore((s) => s.policy);
  const loadPolicy = useAppStore((s) => s.loadPolicy);
  const exportContextDocument = useAppStore((s) => s.exportContextDocument);

  const [updatedBy, setUpdatedBy] = useState<string | null>(null);
  const [nameMissing, setNameMissing] = useState(false);
  /** null until edited: starts from the policy in force, so republishing keeps it. */
  const [policyDraft, setPolicyDraft] = useState<PolicyDraft | null>(null);
  const [invalidPolicy, setInvalidPolicy] = useState<PolicyNumberField[]>([]);
  const [version, setVersion] = useState<string | null>(null);
  const [versionInvalid, setVersionInvalid] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [exportError, setExportError] = useState<AppErrorData | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void loadContextAdmin();
    void loadPolicy();
  }, [loadContextAdmin, loadPolicy]);

  if (!status) {
    return (
      <section className="panel publish" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`} className="panel__heading">
          {t('admin.publish.heading')}
        </h2>
        {statusError ? (
          <div className="context-editor__failed">
            <ErrorNotice code={statusError.code} role="alert" />
            <button type="button" className="button" onClick={() => void loadContextAdmin()}>
              {t('admin.editor.retry')}
            </button>
          </div>
        ) : (
          <Skeleton lines={4} label={t('admin.publish.loading')} />
        )}
      </section>
    );
  }

  // A name a synced document carries is a good guess for who publishes the next one.
  const name = updatedBy ?? (file?.provenance && file.updatedBy ? file.updatedBy : '');
  const draft = policyDraft ?? draftFromPolicy(policy?.managed ? policy : null);
  const content = file?.content ?? '';
  const empty = content.trim() === '';
  const currentVersion = file?.version ?? 0;
  const shownVersion = version ?? String(currentVersion + 1);
  const blocked = !status.hasSigningKey || empty || editorDirty;

  /** Checks the shared fields (name, policy); returns the document input or null, pointing at the problem. */
  const prepare = (): PublishInput | null => {
    const { policy: parsed, invalid } = policyFromDraft(draft);
    setInvalidPolicy(invalid);
    const trimmed = name.trim();
    setNameMissing(trimmed === '');
    if (trimmed === '') {
      nameRef.current?.focus();
      return null;
    }
    if (invalid.length > 0) return null;
    return parsed ? { content, updatedBy: trimmed, policy: parsed } : { content, updatedBy: trimmed };
  };

  const onExport = async () => {
    setExported(null);
    setExportError(null);
    const n = Number(shownVersion);
    const badVersion = !Number.isInteger(n) || n < 1;
    setVersionInvalid(badVersion);
    const input = prepare();
    if (!input || badVersion) return;
    setExporting(true);
    const result = await exportContextDocument({ ...input, version: n });
    setExporting(false);
    if (!result.ok) {
      setExportError(result.error);
      return;
    }
    downloadTextFile(result.value.fileName, result.value.json);
    setExported(result.value.fileName);
  };

  return (
    <section className="panel publish" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('admin.publish.heading')}
      </h2>
      <p className="field-help publish__lead">{t('admin.publish.lead')}</p>

      <SigningKeyBlock status={status} />

      <div className="publish-step" role="group" aria-labelledby={`${id}-doc`}>
        <h3 id={`${id}-doc`}>{t('admin.publish.document.heading')}</h3>
        <p className="field-help publish-step__lead">
          {file?.managed ? t('admin.publish.document.managedHere') : t('admin.publish.document.savedText', { version: currentVersion })}
        </p>
        {editorDirty && <p className="notice notice--hint">{t('admin.publish.document.unsaved')}</p>}
        {empty && !editorDirty && <p className="notice notice--hint">{t('admin.publish.document.empty')}</p>}
        {!status.hasSigningKey && <p className="notice notice--hint">{t('admin.publish.document.needKey')}</p>}
        <div className="form-field">
          <label htmlFor={`${id}-name`}>{t('admin.publish.document.updatedBy')}</label>
          <input
            ref={nameRef}
            id={`${id}-name`}
            type="text"
            className="wide-input"
            value={name}
            maxLength={200}
            autoComplete="name"
            aria-invalid={nameMissing || undefined}
            aria-describedby={`${id}-name-help${nameMissing ? ` ${id}-name-error` : ''}`}
            onChange={(e) => {
              setUpdatedBy(e.target.value);
              setNameMissing(false);
            }}
          />
          <p className="field-help" id={`${id}-name-help`}>
            {t('admin.publish.document.updatedByHelp')}
          </p>
          {nameMissing && (
            <p className="field-error" id={`${id}-name-error`}>
              {t('admin.publish.document.updatedByRequired')}
            </p>
          )}
        </div>
        <PolicyEditor
          value={draft}
          invalid={invalidPolicy}
          onChange={(next) => {
            setPolicyDraft(next);
            setInvalidPolicy([]);
          }}
        />
      </div>

      <div className="publish-step" role="group" aria-labelledby={`${id}-export`}>
        <h3 id={`${id}-export`}>{t('admin.publish.export.heading')}</h3>
        <p className="field-help publish-step__lead">{t('admin.publish.export.help')}</p>
        <div className="form-field form-field--narrow">
          <label htmlFor={`${id}-version`}>{t('admin.publish.export.version')}</label>
          <input
            id={`${id}-version`}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={shownVersion}
            aria-invalid={versionInvalid || undefined}
            aria-describedby={`${id}-version-help`}
            onChange={(e) => {
              setVersion(e.target.value);
              setVersionInvalid(false);
            }}
          />
          <p className="field-help" id={`${id}-version-help`}>
            {versionInvalid ? t('admin.publish.export.versionInvalid') : t('admin.publish.export.versionHelp')}
          </p>
        </div>
        <div className="publish-step__actions">
          <button type="button" className="button" onClick={() => void onExport()} disabled={exporting || blocked}>
            {exporting ? t('admin.publish.export.exporting') : t('admin.publish.export.button')}
          </button>
        </div>
        {exported && (
          <p className="notice notice--ok" role="status">
            {t('admin.publish.export.done', { fileName: exported })}
          </p>
        )}
        {exportError && <ErrorNotice code={exportError.code} role="alert" />}
      </div>

      <PublishServerBlock status={status} prepare={prepare} blocked={blocked} />
    </section>
  );
}
