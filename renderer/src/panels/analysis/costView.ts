import type { BreakdownItem } from '../../../../shared/analysis/charts/index.ts';
import type { ScenarioCost, TrafficPoint } from '../../../../shared/analysis/cost/index.ts';
import type { CostGrouping } from '../../store/analysisView.ts';

/* Pure helpers of the Cost tab. */

/** The breakdown items of one grouping. */
export function breakdownItems(cost: ScenarioCost, grouping: CostGrouping): BreakdownItem[] {
  if (grouping === 'kind') return cost.byKind.map((k) => ({ label: k.kind, monthlyUsd: k.monthlyUsd }));
  if (grouping === 'team') return cost.byTeam.map((t) => ({ label: t.team, monthlyUsd: t.monthlyUsd }));
  return cost.byComponent.map((c) => ({ label: c.name, monthlyUsd: c.totalUsd }));
}

/** Slider position (0…100) ↔ traffic multiple ×0.1…×10 on a log scale; 50 is ×1. */
export function multiplierAt(position: number): number {
  return Math.round(10 ** ((position - 50) / 50) * 100) / 100;
}

export function positionOf(multiplier: number): number {
  return Math.round(50 + 50 * Math.log10(multiplier));
}

/**
 * The scenario at `multiplier` read off the traffic curve: the curve's own point when it has one, else linear
 * between the two points around it (the curve is sampled at a handful of multiples), per 1k from the two.
 */
export function pointAt(curve: readonly TrafficPoint[], multiplier: number): TrafficPoint | null {
  if (curve.length === 0) return null;
  const sorted = [...curve].sort((a, b) => a.multiplier - b.multiplier);
  const exact = sorted.find((p) => p.multiplier === multiplier);
  if (exact) return exact;
  const first = sorted[0] as TrafficPoint;
  const last = sorted[sorted.length - 1] as TrafficPoint;
  if (multiplier <= first.multiplier) return first;
  if (multiplier >= last.multiplier) return last;
  const upper = sorted.findIndex((p) => p.multiplier > multiplier);
  const a = sorted[upper - 1] as TrafficPoint;
  const b = sorted[upper] as TrafficPoint;
  const t = (multiplier - a.multiplier) / (b.multiplier - a.multiplier);
  const lerp = (x: number, y: number) => x + (y - x) * t;
  const monthlyUsd = lerp(a.monthlyUsd, b.monthlyUsd);
  // Requests scale with the multiple: per 1k = total ÷ requests, requests read from either known point.
  const requestsPerUnit =
    a.per1kInferencesUsd !== null && a.per1kInferencesUsd > 0
      ? (1000 * a.monthlyUsd) / a.per1kInferencesUsd / a.multiplier
      : null;
  return {
    multiplier,
    monthlyUsd,
    fixedUsd: lerp(a.fixedUsd, b.fixedUsd),
    variableUsd: lerp(a.variableUsd, b.variableUsd),
    per1kInferencesUsd: requestsPerUnit ? (1000 * monthlyUsd) / (requestsPerUnit * multiplier) : null,
  };
}
