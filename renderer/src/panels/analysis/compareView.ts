import { METRICS } from '../../../../shared/analysis/compare.ts';
import type { Settings } from '../../../../shared/model/document.ts';
import type { ComparisonMetric } from '../../../../shared/model/document.ts';
import { formatMs, formatPercent, formatUsd } from './format.ts';

/* Pure helpers of the Compare tab. */

/** A metric's value as the Compare tab writes it. */
export function formatMetric(metric: ComparisonMetric, value: number | null): string {
  if (value === null) return '—';
  const unit = METRICS[metric].unit;
  if (unit === 'ms') return formatMs(value);
  if (unit === 'fraction') return formatPercent(value);
  return formatUsd(value);
}

/** The unit a tornado's axis names. */
export function unitOf(metric: ComparisonMetric): string {
  const unit = METRICS[metric].unit;
  return unit === 'fraction' ? '' : unit;
}

/**
 * The settings with one metric's weight set to `weight` (0-100, rounded): the metric is added to the criteria
 * when it was not weighed yet. Null when the weight is not a number in range or is unchanged.
 */
export function withWeight(settings: Settings, metric: ComparisonMetric, weight: number): Settings | null {
  if (!Number.isFinite(weight) || weight < 0 || weight > 100) return null;
  const rounded = Math.round(weight * 10) / 10;
  const criteria = settings.comparison.criteria;
  const current = criteria.find((c) => c.metric === metric);
  if (current?.weight === rounded || (!current && rounded === 0)) return null;
  const next = current
    ? criteria.map((c) => (c.metric === metric ? { ...c, weight: rounded } : c))
    : [...criteria, { metric, weight: rounded }];
  return { ...settings, comparison: { ...settings.comparison, criteria: next } };
}
