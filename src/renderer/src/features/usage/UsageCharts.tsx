import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageSummaryDto } from '../../../../shared/domain/dto';
import { formatCompact, formatDay, formatInteger, formatUsd } from './format';
import { COST_COLOR, TOKEN_SERIES, niceTicks, totalTokens } from './usage-series';

/** Charts animate unless the person asked the system for less motion. */
const animate = typeof window !== 'undefined' && !window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const axisTick = { fill: 'var(--muted)', fontSize: 12 };
const tooltipStyle = {
  contentStyle: {
    background: 'var(--surface)',
    border: '1px solid var(--border)',
    borderRadius: 8,
    color: 'var(--text)',
    fontSize: 13,
  },
  labelStyle: { color: 'var(--text)', fontWeight: 600 },
  cursor: { fill: 'var(--hover)' },
};

interface ChartFigureProps {
  title: string;
  /** What the chart shows, for screen readers (the data itself is in a table next to it). */
  description: string;
  height: number;
  children: ReactElement;
}

/**
 * A titled chart. The drawing is hidden from screen readers, which get the description instead and the
 * table that goes with every chart on the page.
 */
function ChartFigure({ title, description, height, children }: ChartFigureProps) {
  const id = useId();
  return (
    <figure className="usage-chart" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <figcaption id={`${id}-title`} className="usage-chart__title">
        {title}
      </figcaption>
      <p id={`${id}-desc`} className="sr-only">
        {description}
      </p>
      <div className="usage-chart__plot" aria-hidden="true" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Tokens (stacked by kind) and estimated cost, one bar per day. */
export function PerDayCharts({ summary }: { summary: UsageSummaryDto }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const data = summary.byDay.map((day) => ({ ...day, label: formatDay(day.date, language) }));
  const tokenTick = (value: number) => formatCompact(value, language);
  const gap = summary.days > 30 ? 1 : summary.days > 7 ? 2 : 8;
  const tokenTicks = niceTicks(Math.max(...summary.byDay.map(totalTokens)));
  const costTicks = niceTicks(Math.max(...summary.byDay.map((day) => day.costUsd)));
  return (
    <div className="usage-charts">
      <ChartFigure title={t('usage.perDay.tokens')} description={t('usage.chartAlt.tokensPerDay')} height={260}>
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={gap}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tick={axisTick} tickLine={false} axisLine={{ stroke: 'var(--border-strong)' }} minTickGap={16} interval="preserveStartEnd" />
          <YAxis tick={axisTick} tickLine={false} axisLine={false} tickFormatter={tokenTick} width={64} ticks={tokenTicks} domain={[0, tokenTicks.at(-1)!]} />
          <Tooltip
            {...tooltipStyle}
            formatter={(value, name) => [formatInteger(Number(value), language), name]}
          />
          <Legend wrapperStyle={{ fontSize: 12, color: 'var(--muted)' }} iconType="circle" iconSize={8} itemSorter={null} />
          {TOKEN_SERIES.map((series) => (
            <Bar key={series.key} dataKey={series.key} name={t(series.label)} stackId="tokens" fill={series.color} isAnimationActive={animate} />
          ))}
        </BarChart>
      </ChartFigure>
      <ChartFigure title={t('usage.perDay.cost')} description={t('usage.chartAlt.costPerDay')} height={200}>
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={gap}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tick={axisTick} tickLine={false} axisLine={{ stroke: 'var(--border-strong)' }} minTickGap={16} interval="preserveStartEnd" />
          <YAxis tick={axisTick} tickLine={false} axisLine={false} tickFormatter={(value: number) => formatUsd(value, language)} width={76} ticks={costTicks} domain={[0, costTicks.at(-1)!]} />
          <Tooltip {...tooltipStyle} formatter={(value, name) => [formatUsd(Number(value), language), name]} />
          <Bar dataKey="costUsd" name={t('usage.series.cost')} fill={COST_COLOR} radius={[3, 3, 0, 0]} isAnimationActive={animate} />
        </BarChart>
      </ChartFigure>
    </div>
  );
}

/** Tokens (stacked by kind) and estimated cost, one bar per model. */
export function PerModelCharts({ summary, labelOf }: { summary: UsageSummaryDto; labelOf: (model: string) => string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const data = summary.byModel.map((row) => ({ ...row, label: labelOf(row.model) }));
  const height = Math.max(120, 44 * data.length + 60);
  const tokenTicks = niceTicks(Math.max(...summary.byModel.map(totalTokens)));
  const costTicks = niceTicks(Math.max(...summary.byModel.map((row) => row.costUsd)));
  const categoryAxis = (
    <YAxis type="category" dataKey="label" tick={axisTick} tickLine={false} axisLine={false} width={150} interval={0} />
  );
  return (
    <div className="usage-charts usage-charts--pair">
      <ChartFigure title={t('usage.perModel.tokens')} description={t('usage.chartAlt.tokensPerModel')} height={height}>
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }} barCategoryGap={10}>
          <CartesianGrid horizontal={false} stroke="var(--border)" />
          <XAxis type="number" tick={axisTick} tickLine={false} axisLine={false} tickFormatter={(value: number) => formatCompact(value, language)} ticks={tokenTicks} domain={[0, tokenTicks.at(-1)!]} />
          {categoryAxis}
          <Tooltip {...tooltipStyle} formatter={(value, name) => [formatInteger(Number(value), language), name]} />
          {TOKEN_SERIES.map((series) => (
            <Bar key={series.key} dataKey={series.key} name={t(series.label)} stackId="tokens" fill={series.color} isAnimationActive={animate} />
          ))}
        </BarChart>
      </ChartFigure>
      <ChartFigure title={t('usage.perModel.cost')} description={t('usage.chartAlt.costPerModel')} height={height}>
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }} barCategoryGap={10}>
          <CartesianGrid horizontal={false} stroke="var(--border)" />
          <XAxis type="number" tick={axisTick} tickLine={false} axisLine={false} tickFormatter={(value: number) => formatUsd(value, language)} ticks={costTicks} domain={[0, costTicks.at(-1)!]} />
          {categoryAxis}
          <Tooltip {...tooltipStyle} formatter={(value, name) => [formatUsd(Number(value), language), name]} />
          <Bar dataKey="costUsd" name={t('usage.series.cost')} fill={COST_COLOR} radius={[0, 3, 3, 0]} isAnimationActive={animate} />
        </BarChart>
      </ChartFigure>
    </div>
  );
}
