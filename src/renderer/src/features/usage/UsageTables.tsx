import { useTranslation } from 'react-i18next';
import type { UsageSummaryDto, UsageTotals } from '../../../../shared/domain/dto';
import { formatDay, formatInteger, formatUsd } from './format';

/** The columns every usage table has after its first (a day or a model). */
function useColumns() {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatInteger(value, i18n.language);
  return [
    { title: t('usage.totals.requests'), value: (row: UsageTotals) => n(row.requests) },
    { title: t('usage.totals.input'), value: (row: UsageTotals) => n(row.inputTokens) },
    { title: t('usage.totals.output'), value: (row: UsageTotals) => n(row.outputTokens) },
    { title: t('usage.totals.cacheWrite'), value: (row: UsageTotals) => n(row.cacheCreationInputTokens) },
    { title: t('usage.totals.cacheRead'), value: (row: UsageTotals) => n(row.cacheReadInputTokens) },
    { title: t('usage.totals.cost'), value: (row: UsageTotals) => formatUsd(row.costUsd, i18n.language) },
  ];
}

/** Every day of the range, zeros included, newest first: the numbers behind the per-day charts. */
export function PerDayTable({ summary, open, onToggle }: { summary: UsageSummaryDto; open: boolean; onToggle: (open: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const columns = useColumns();
  const rows = [...summary.byDay].reverse();
  return (
    <details className="usage-table-toggle" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>{t('usage.table.show')}</summary>
      <div className="usage-table-scroll">
        <table className="usage-table">
          <caption className="sr-only">{t('usage.table.perDayCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('usage.table.date')}</th>
              {columns.map((column) => (
                <th key={column.title} scope="col">
                  {column.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.date} className={row.requests === 0 ? 'usage-table__quiet' : undefined}>
                <th scope="row">{formatDay(row.date, i18n.language, true)}</th>
                {columns.map((column) => (
                  <td key={column.title}>{column.value(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** One row per model, most expensive first. */
export function PerModelTable({ summary, labelOf }: { summary: UsageSummaryDto; labelOf: (model: string) => string }) {
  const { t } = useTranslation();
  const columns = useColumns();
  return (
    <div className="usage-table-scroll">
      <table className="usage-table">
        <caption className="sr-only">{t('usage.table.perModelCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('usage.table.model')}</th>
            {columns.map((column) => (
              <th key={column.title} scope="col">
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.byModel.map((row) => (
            <tr key={row.model}>
              <th scope="row">{labelOf(row.model)}</th>
              {columns.map((column) => (
                <td key={column.title}>{column.value(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
