import type { Assumption } from '../../../../shared/analysis/assumptions.ts';
import { MINUTES_PER_MONTH } from '../../../../shared/analysis/graph.ts';

/* How analysis numbers read on screen, and the tooltips that say where they come from. */

export function formatMs(ms: number | null): string {
  if (ms === null) return '—';
  return ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}

export function formatUsd(usd: number | null): string {
  if (usd === null) return '—';
  if (Math.abs(usd) >= 100) return `$${Math.round(usd).toLocaleString('en-US')}`;
  if (Math.abs(usd) >= 1) return `$${usd.toFixed(2)}`;
  return `$${usd.toPrecision(3)}`;
}

/** Nines of an availability: −log10(1 − a), e.g. 3.0 for 0.999; Infinity at 1. */
export function ninesOf(availability: number): number {
  return availability >= 1 ? Infinity : -Math.log10(1 - availability);
}

/** Availability as a percent with enough digits to show its nines, e.g. "99.95 %". */
export function formatPercent(availability: number | null): string {
  if (availability === null) return '—';
  if (availability >= 1) return '100 %';
  const digits = Math.min(6, Math.max(2, Math.ceil(ninesOf(availability)) - 1));
  return `${(availability * 100).toFixed(digits)} %`;
}

export function formatNines(availability: number | null): string {
  if (availability === null) return '—';
  const n = ninesOf(availability);
  return Number.isFinite(n) ? `${n.toFixed(2)} nines` : 'no downtime';
}

export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  return minutes >= 10 ? `${Math.round(minutes)} min` : `${minutes.toFixed(2)} min`;
}

export { MINUTES_PER_MONTH };

const REASONS: Record<Assumption['reason'], string> = {
  assumed: 'an assumed default',
  default: 'the catalog default',
  unknown: 'unknown, replaced',
};

/** Most assumptions a tooltip lists before it says how many more there are. */
const TOOLTIP_ASSUMPTIONS = 8;

/** A tooltip: how the number was computed and which inputs it rests on that the user never gave. */
export function provenance(method: string, assumptions: readonly Assumption[], extra?: string): string {
  const lines = [method];
  if (extra) lines.push(extra);
  if (assumptions.length > 0) {
    lines.push('Rests on inputs you did not set:');
    for (const a of assumptions.slice(0, TOOLTIP_ASSUMPTIONS)) {
      lines.push(`• ${a.elementName}: ${a.label} = ${String(a.value)} (${REASONS[a.reason]})`);
    }
    if (assumptions.length > TOOLTIP_ASSUMPTIONS) {
      lines.push(`… and ${assumptions.length - TOOLTIP_ASSUMPTIONS} more.`);
    }
  }
  return lines.join('\n');
}
