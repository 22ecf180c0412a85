import { useTranslation } from 'react-i18next';
import type { UsageTotals as Totals } from '../../../../shared/domain/dto';
import { formatInteger, formatUsd } from './format';

/** The range's totals as a row of figures; the cost is labelled as the estimate it is. */
export function UsageTotals({ totals }: { totals: Totals }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatInteger(value, i18n.language);
  const figures = [
    { key: 'requests', label: t('usage.totals.requests'), value: n(totals.requests) },
    { key: 'input', label: t('usage.totals.input'), value: n(totals.inputTokens) },
    { key: 'output', label: t('usage.totals.output'), value: n(totals.outputTokens) },
    { key: 'cacheWrite', label: t('usage.totals.cacheWrite'), value: n(totals.cacheCreationInputTokens) },
    { key: 'cacheRead', label: t('usage.totals.cacheRead'), value: n(totals.cacheReadInputTokens) },
  ];
  return (
    <div className="usage-totals">
      <dl className="usage-totals__grid">
        {figures.map((figure) => (
          <div key={figure.key} className="usage-figure" data-figure={figure.key}>
            <dt className="usage-figure__label">{figure.label}</dt>
            <dd className="usage-figure__value">{figure.value}</dd>
          </div>
        ))}
        <div className="usage-figure usage-figure--cost" data-figure="cost">
          <dt className="usage-figure__label">{t('usage.totals.cost')}</dt>
          <dd className="usage-figure__value">{formatUsd(totals.costUsd, i18n.language)}</dd>
        </div>
      </dl>
      <p className="field-help">{t('usage.totals.costNote')}</p>
    </div>
  );
}
