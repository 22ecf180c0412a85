import { useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ContextFileDto, ContextSyncStatusDto } from '../../../../shared/domain/dto';
import { RelativeTime } from '../../components/RelativeTime';
import { SyncNowButton } from './SyncNowButton';
import { SyncStatusLine } from './SyncStatusLine';
import './admin.css';

/** Where the settings page keeps the sync address (OrganisationSection scrolls itself into view). */
export const SYNC_SETTINGS_PATH = '/settings?section=organisation-context';

/**
 * Where a synced primary context came from: the source, the version and who wrote it, who signed it and
 * whether the signature was checked, when it was last synced and how the latest attempt went.
 */
export function ProvenancePanel({ file, status }: { file: ContextFileDto | null; status: ContextSyncStatusDto }) {
  const { t } = useTranslation();
  const id = useId();
  const provenance = file?.provenance ?? null;
  const source = provenance?.sourceUrl ?? status.config.url;
  const lastSync = status.lastSuccessAt ?? provenance?.fetchedAt ?? null;
  const hasCopy = provenance !== null && file !== null && file.version > 0;

  return (
    <section className="panel provenance" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('sync.provenance.heading')}
      </h2>
      <dl className="facts">
        <dt>{t('sync.provenance.source')}</dt>
        <dd className="facts__mono">{source}</dd>

        <dt>{t('sync.provenance.version')}</dt>
        <dd>
          {hasCopy
            ? file.updatedBy
              ? t('sync.provenance.versionBy', { version: file.version, name: file.updatedBy })
              : t('sync.provenance.versionOnly', { version: file.version })
            : t('sync.provenance.noCopy')}
        </dd>

        <dt>{t('sync.provenance.signature')}</dt>
        <dd data-verified={hasCopy ? provenance.verified : undefined}>
          {!hasCopy
            ? t('sync.provenance.noCopy')
            : provenance.verified && provenance.keyId
              ? t('sync.provenance.verified', { keyId: provenance.keyId })
              : t('sync.provenance.notVerified')}
        </dd>

        <dt>{t('sync.provenance.lastSync')}</dt>
        <dd>{lastSync ? <RelativeTime date={lastSync} /> : t('sync.provenance.never')}</dd>

        <dt>{t('sync.provenance.status')}</dt>
        <dd>
          <SyncStatusLine status={status} showDetail />
        </dd>
      </dl>
      <div className="panel__actions">
        <SyncNowButton />
        <Link to={SYNC_SETTINGS_PATH} className="button">
          {t('sync.provenance.settings')}
        </Link>
      </div>
    </section>
  );
}
