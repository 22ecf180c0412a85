import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ContextEditor } from './ContextEditor';
import '../settings/pages.css';

/** Route `#/admin/context`: the organisation-wide (primary) context every chat starts with. */
export function AdminContextPage() {
  const { t } = useTranslation();
  return (
    <main className="page">
      <div className="page__column page__column--wide">
        <p className="page__back">
          <Link to="/settings">{t('admin.backToSettings')}</Link>
        </p>
        <h1>{t('admin.context.title')}</h1>
        <p className="page__lead">{t('admin.context.description')}</p>
        <ContextEditor type="primary" label={t('admin.context.title')} saveLabel={t('admin.context.save')} />
      </div>
    </main>
  );
}
