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

interface TotalsTableProps<Row extends UsageTotals> {
  caption: string;
  /** The heading of the first column, which names each row (a day, a model). */
  rowHeading: string;
  rows: readonly Row[];
  keyOf: (row: Row) => string;
  labelOf: (row: Row) => string;
  classOf?: (row: Row) => string | undefined;
}

/** A table of usage totals: one row per day or model, then the same columns. */
function TotalsTable<Row extends UsageTotals>({ caption, rowHeading, rows, keyOf, labelOf, classOf }: TotalsTableProps<Row>) {
  const columns = useColumns();
  return (
    <div className="usage-table-scroll">
      <table className="usage-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {columns.map((column) => (
              <th key={column.title} scope="col">
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={keyOf(row)} className={classOf?.(row)}>
              <th scope="row">{labelOf(row)}</th>
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

/** Every day of the range, zeros included, newest first: the numbers behind the per-day charts. */
export function PerDayTable({ summary, open, onToggle }: { summary: UsageSummaryDto; open: boolean; onToggle: (open: boolean) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <details className="usage-table-toggle" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>{t('usage.table.show')}</summary>
      <TotalsTable
        caption={t('usage.table.perDayCaption')}
        rowHeading={t('usage.table.date')}
        rows={[...summary.byDay].reverse()}
        keyOf={(row) => row.date}
        labelOf={(row) => formatDay(row.date, i18n.language, true)}
        classOf={(row) => (row.requests === 0 ? 'usage-table__quiet' : undefined)}
      />
    </details>
  );
}

/** One row per model, most expensive first. */
export function PerModelTable({ summary, labelOf }: { summary: UsageSummaryDto; labelOf: (model: string) => string }) {
  const { t } = useTranslation();
  return (
    <TotalsTable
      caption={t('usage.table.perModelCaption')}
      rowHeading={t('usage.table.model')}
      rows={summary.byModel}
      keyOf={(row) => row.model}
      labelOf={(row) => labelOf(row.model)}
    />
  );
}
