import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResultDto } from '../../../../shared/domain/dto';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAppStore } from '../../store';
import { ImportReport } from './ImportReport';
import { importPercent } from './format';
import './data.css';

/** Settings → Your data: export every chat to one file, and import chats exported from Parley. */
export function DataSection() {
  const { t } = useTranslation();
  const id = useId();
  const exportAll = useAppStore((s) => s.exportAll);
  const importData = useAppStore((s) => s.importData);
  const importing = useAppStore((s) => s.importing);
  const importError = useAppStore((s) => s.importError);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<ExportResultDto | null>(null);
  const [exportError, setExportError] = useState<AppErrorData | null>(null);

  const onExport = async () => {
    setExporting(true);
    setExported(null);
    setExportError(null);
    const result = await exportAll();
    setExporting(false);
    if (!result.ok) setExportError(result.error);
    else if (result.value.path !== null) setExported(result.value);
  };

  return (
    <section className="settings-section data-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('data.heading')}</h2>
      <p className="field-help settings-section__lead">{t('data.lead')}</p>
      <div className="data-section__actions">
        <button type="button" className="button" onClick={() => void onExport()} disabled={exporting}>
          {exporting ? t('data.exporting') : t('data.exportAll')}
        </button>
        <button type="button" className="button" onClick={() => void importData()} disabled={importing}>
          {importing ? t('data.importing') : t('data.import')}
        </button>
      </div>
      <p className="field-help">{t('data.importHelp')}</p>
      <div role="status" className="data-section__live">
        {exported && (
          <p className="notice notice--ok data-section__path">
            {t('data.exportedAll', {
              chats: t('data.chatCount', { count: exported.chats }),
              messages: t('data.messageCount', { count: exported.messages }),
              path: exported.path,
            })}
          </p>
        )}
      </div>
      {exportError && <ErrorNotice code={exportError.code} role="alert" />}
      {importing && <ImportProgressBar />}
      {importError && <ErrorNotice code={importError.code} role="alert" />}
      <ImportReport />
    </section>
  );
}

/** How far the import has got, with a way to stop it (what is imported by then is kept, never half a chat). */
function ImportProgressBar() {
  const { t } = useTranslation();
  const progress = useAppStore((s) => s.importProgress);
  const cancelImport = useAppStore((s) => s.cancelImport);
  const [cancelling, setCancelling] = useState(false);
  const percent = importPercent(progress);
  return (
    <div className="import-progress">
      <progress
        className="import-progress__bar"
        aria-label={t('data.importProgress')}
        max={100}
        {...(percent !== null ? { value: percent } : {})}
      />
      <div className="import-progress__row">
        <span className="import-progress__text">
          {t('data.importSoFar', {
            chats: t('data.chatCount', { count: progress?.chats ?? 0 }),
            messages: t('data.messageCount', { count: progress?.messages ?? 0 }),
          })}
        </span>
        <button
          type="button"
          className="button button--small"
          disabled={cancelling}
          onClick={() => {
            setCancelling(true);
            void cancelImport();
          }}
        >
          {cancelling ? t('data.cancelling') : t('data.cancelImport')}
        </button>
      </div>
    </div>
  );
}
