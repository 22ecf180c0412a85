import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';

/**
 * What the last import did: chats and messages imported, chats already here, and each skipped item with its
 * reason (in an expandable list). The summary is in a live region, so it is heard when the import ends.
 */
export function ImportReport() {
  const { t } = useTranslation();
  const report = useAppStore((s) => s.importReport);
  const clear = useAppStore((s) => s.clearImportReport);
  return (
    <div role="status" className="import-report__live">
      {report && (
        <div className={`import-report ${report.cancelled ? 'import-report--cancelled' : ''}`}>
          <h3 className="import-report__title">{report.cancelled ? t('data.importCancelled') : t('data.importDone')}</h3>
          <ul className="import-report__facts">
            <li>
              {report.chatsImported > 0 || report.messagesImported > 0
                ? t('data.imported', {
                    chats: t('data.chatCount', { count: report.chatsImported }),
                    messages: t('data.messageCount', { count: report.messagesImported }),
                  })
                : t('data.nothingImported')}
            </li>
            {report.chatsAlreadyPresent > 0 && <li>{t('data.alreadyPresent', { count: report.chatsAlreadyPresent })}</li>}
            {report.cancelled && <li>{t('data.cancelledKept')}</li>}
          </ul>
          {report.skipped.length > 0 && (
            <details className="import-report__skipped">
              <summary>{t('data.skipped', { count: report.skipped.length })}</summary>
              <ul>
                {report.skipped.map((item, i) => (
                  <li key={i}>
                    <span className="import-report__what">{t(`data.skippedWhat.${item.what}`)}</span>
                    {item.id && <code className="import-report__id">{item.id}</code>}
                    <span className="import-report__reason">{item.reason}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <button type="button" className="button button--small import-report__close" onClick={clear}>
            {t('data.closeReport')}
          </button>
        </div>
      )}
    </div>
  );
}
