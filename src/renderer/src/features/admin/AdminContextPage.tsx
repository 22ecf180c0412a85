import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { ContextEditor } from './ContextEditor';
import { ProvenancePanel, SYNC_SETTINGS_PATH } from './ProvenancePanel';
import { PublishPanel } from './PublishPanel';
import '../settings/pages.css';
import './admin.css';

/**
 * Route `#/admin/context`: the organisation-wide (primary) context every chat starts with. When a sync
 * source manages it, where it came from and how sync is doing; and, for admins, publishing it.
 */
export function AdminContextPage() {
  const { t } = useTranslation();
  const file = useAppStore((s) => s.contexts.primary?.file ?? null);
  const syncStatus = useAppStore((s) => s.syncStatus);
  const loadSyncStatus = useAppStore((s) => s.loadSyncStatus);
  const watchContextSync = useAppStore((s) => s.watchContextSync);
  const [editorDirty, setEditorDirty] = useState(false);

  useEffect(() => {
    void loadSyncStatus();
    return watchContextSync();
  }, [loadSyncStatus, watchContextSync]);

  const synced = syncStatus !== null && syncStatus.config.url !== null;

  return (
    <main className="page admin-context">
      <div className="page__column page__column--wide">
        <p className="page__back">
          <Link to="/settings">{t('admin.backToSettings')}</Link>
        </p>
        <h1>{t('admin.context.title')}</h1>
        <p className="page__lead">{t('admin.context.description')}</p>
        {synced ? (
          <ProvenancePanel file={file} status={syncStatus} />
        ) : (
          syncStatus && (
            <p className="field-help admin-context__local">
              {t('sync.notSynced')}{' '}
              <Link to={SYNC_SETTINGS_PATH}>{t('sync.provenance.settings')}</Link>
            </p>
          )
        )}
        <ContextEditor type="primary" label={t('admin.context.title')} saveLabel={t('admin.context.save')} onDirtyChange={setEditorDirty} />
        <PublishPanel file={file} editorDirty={editorDirty} />
      </div>
    </main>
  );
}
