import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Skeleton } from '../../components/Skeleton';
import { useAppStore } from '../../store';
import { USAGE_RANGES, type UsageDays } from '../../store/usage-slice';
import { PerDayCharts, PerModelCharts } from './UsageCharts';
import { PerDayTable, PerModelTable } from './UsageTables';
import { UsageTotals } from './UsageTotals';
import '../settings/pages.css';
import './usage.css';

const DEFAULT_RANGE: UsageDays = 30;

/**
 * Route `#/usage`: what Parley asked Claude for over the last 7, 30 or 90 days — totals, and tokens and
 * estimated cost per day and per model, as charts with the same numbers in tables.
 */
export function UsagePage() {
  const { t } = useTranslation();
  const [days, setDays] = useState<UsageDays>(DEFAULT_RANGE);
  const view = useAppStore((s) => s.usage[days]);
  const loadUsage = useAppStore((s) => s.loadUsage);
  const models = useAppStore((s) => s.models);
  const headingId = useId();
  // The per-day table stays open across ranges once opened.
  const [tableOpen, setTableOpen] = useState(false);

  // Fresh on every visit and range change: answers written since then add to it.
  useEffect(() => {
    void loadUsage(days);
  }, [days, loadUsage]);

  const summary = view?.summary ?? null;
  const labelOf = (model: string) => models?.models.find((m) => m.id === model)?.label ?? model;

  let body;
  if (!summary && view?.status === 'error' && view.error) {
    body = (
      <div className="usage__failed">
        <ErrorNotice code={view.error.code} role="alert" />
        <button type="button" className="button" onClick={() => void loadUsage(days)}>
          {t('usage.retry')}
        </button>
      </div>
    );
  } else if (!summary) {
    body = <Skeleton variant="block" label={t('usage.loading')} className="usage__skeleton" />;
  } else if (summary.totals.requests === 0) {
    body = (
      <EmptyState title={t('usage.emptyTitle', { count: summary.days })}>
        <p>{t('usage.emptyBody')}</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <section className="usage-section" aria-labelledby={`${headingId}-totals`}>
          <h2 id={`${headingId}-totals`}>{t('usage.totals.heading')}</h2>
          <UsageTotals totals={summary.totals} />
        </section>
        <section className="usage-section" aria-labelledby={`${headingId}-day`}>
          <h2 id={`${headingId}-day`}>{t('usage.perDay.heading')}</h2>
          <PerDayCharts summary={summary} />
          <PerDayTable summary={summary} open={tableOpen} onToggle={setTableOpen} />
        </section>
        <section className="usage-section" aria-labelledby={`${headingId}-model`}>
          <h2 id={`${headingId}-model`}>{t('usage.perModel.heading')}</h2>
          <PerModelCharts summary={summary} labelOf={labelOf} />
          <PerModelTable summary={summary} labelOf={labelOf} />
        </section>
      </>
    );
  }

  return (
    <main className="page usage">
      <div className="page__column page__column--wide">
        <div className="usage__head">
          <h1>{t('usage.title')}</h1>
          <div className="segmented usage__range" role="group" aria-label={t('usage.range')}>
            {USAGE_RANGES.map((range) => (
              <button key={range} type="button" className="segmented__option" aria-pressed={days === range} onClick={() => setDays(range)}>
                {t('usage.days', { count: range })}
              </button>
            ))}
          </div>
        </div>
        <p className="page__lead">{t('usage.lead')}</p>
        {/* A range already shown stays while it refreshes; say so quietly. */}
        <p className="usage__status" role="status">
          {summary && view?.status === 'loading' ? t('usage.updating') : ''}
        </p>
        {summary && view?.status === 'error' && view.error && <ErrorNotice code={view.error.code} role="alert" />}
        {body}
      </div>
    </main>
  );
}
