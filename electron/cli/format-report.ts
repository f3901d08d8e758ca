import type { DesignReport, JourneyReport, ScenarioReport } from '../../shared/analysis/report.ts';

/*
 * The human formats of `mlarch analyze`: plain text for a terminal and Markdown for a pull-request comment.
 * Names come from the design and may hold anything: Markdown cells escape what would break a table or
 * inject markup, and text output drops control characters that could rewrite a terminal.
 */

const usd = (value: number | null): string =>
  value === null
    ? '—'
    : `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: value < 1 ? 4 : 2 })}`;
const ms = (value: number | null): string => (value === null ? '—' : `${Number(value.toPrecision(4))} ms`);
const percent = (value: number | null): string =>
  value === null ? '—' : `${Number((value * 100).toFixed(4)).toString()} %`;
const minutes = (value: number | null): string => (value === null ? '—' : `${value.toFixed(1)} min`);
const verdict = (meets: boolean | null): string => (meets === null ? '' : meets ? ' ✓' : ' ✗ misses SLO');

/** Terminal-safe text: no control characters (ESC sequences could rewrite the screen). */
function plain(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? ' ' : ch;
  }
  return out;
}

/** A Markdown table cell: escapes markup characters and pipes, no line breaks. */
export function markdownCell(text: string): string {
  return plain(text).replace(/[\\`*_[\]<>|~&]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : `\\${c}`,
  );
}

function journeyLines(j: JourneyReport): string[] {
  const lines = [`  Journey ${plain(j.name)} (tier ${j.tier}, from ${plain(j.entry)})`];
  for (const error of j.errors) lines.push(`    error: ${plain(error)}`);
  const l = j.latencyMs;
  if (l.p95 !== null) {
    lines.push(
      `    latency   p50 ${ms(l.p50)}  p95 ${ms(l.p95)}${verdict(l.meetsP95Slo)}  p99 ${ms(l.p99)}${verdict(
        l.meetsP99Slo,
      )}  mean ${ms(l.mean)}  (sum of p95s ${ms(l.sumOfP95s)})`,
    );
    if (l.ttft) lines.push(`    first token  p50 ${ms(l.ttft.p50)}  p95 ${ms(l.ttft.p95)}`);
    if (l.criticalPath.length > 0) lines.push(`    critical path  ${l.criticalPath.map(plain).join(' → ')}`);
  }
  const a = j.availability;
  if (a.value !== null) {
    lines.push(
      `    availability  ${percent(a.value)}${verdict(a.meetsSlo)}  downtime ${minutes(
        a.downtimeMinutesPerMonth,
      )}/month  degraded ${minutes(a.degradedMinutesPerMonth)}/month`,
    );
    if (a.singlePointsOfFailure.length > 0)
      lines.push(`    single points of failure  ${a.singlePointsOfFailure.map(plain).join(', ')}`);
  }
  for (const warning of j.warnings) lines.push(`    warning: ${plain(warning)}`);
  return lines;
}

function scenarioLines(s: ScenarioReport): string[] {
  const c = s.cost;
  const lines = [
    `Scenario ${plain(s.name)}`,
    `  cost  ${usd(c.monthlyUsd)}/month  ${usd(c.per1kInferencesUsd)} per 1k (marginal ${usd(
      c.per1kMarginalUsd,
    )})${c.overBudget === null ? '' : c.overBudget ? '  ✗ over budget' : '  ✓ within budget'}`,
  ];
  if (c.topDrivers.length > 0) {
    lines.push(
      `  top drivers  ${c.topDrivers.map((d) => `${plain(d.component)} ${usd(d.monthlyUsd)}`).join(', ')}`,
    );
  }
  for (const warning of s.warnings) lines.push(`  warning: ${plain(warning)}`);
  for (const j of s.journeys) lines.push(...journeyLines(j));
  return lines;
}

/** The report as plain text for a terminal. */
export function formatReportText(report: DesignReport): string {
  const head = `${plain(report.design.name)}: ${report.options.samples.toLocaleString('en-US')} samples, seed ${report.options.seed}`;
  return `${[head, '', ...report.scenarios.flatMap((s) => [...scenarioLines(s), ''])].join('\n')}`;
}

/** The report as Markdown: one cost table and one journey table per scenario. */
export function formatReportMarkdown(report: DesignReport): string {
  const out = [`# Analysis of ${markdownCell(report.design.name)}`, ''];
  out.push(
    `${report.options.samples.toLocaleString('en-US')} Monte Carlo samples per journey, seed ${report.options.seed}.`,
    '',
  );
  for (const s of report.scenarios) {
    const c = s.cost;
    out.push(`## ${markdownCell(s.name)}`, '');
    out.push('| monthly cost | per 1k inferences | per 1k marginal | budget |', '|---:|---:|---:|---|');
    out.push(
      `| ${usd(c.monthlyUsd)} | ${usd(c.per1kInferencesUsd)} | ${usd(c.per1kMarginalUsd)} | ${
        c.overBudget === null ? '—' : c.overBudget ? 'over' : 'within'
      } |`,
      '',
    );
    if (s.journeys.length > 0) {
      out.push(
        '| journey | p50 | p95 | p99 | p95 SLO | availability | downtime / month | SLO | single points of failure |',
        '|---|---:|---:|---:|---|---:|---:|---|---|',
      );
      for (const j of s.journeys) {
        const l = j.latencyMs;
        const a = j.availability;
        out.push(
          `| ${markdownCell(j.name)} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${
            l.meetsP95Slo === null ? '—' : l.meetsP95Slo ? 'met' : '**missed**'
          } | ${percent(a.value)} | ${minutes(a.downtimeMinutesPerMonth)} | ${
            a.meetsSlo === null ? '—' : a.meetsSlo ? 'met' : '**missed**'
          } | ${a.singlePointsOfFailure.map(markdownCell).join(', ') || '—'} |`,
        );
      }
      out.push('');
    }
    const notes = [...s.warnings, ...s.journeys.flatMap((j) => [...j.errors, ...j.warnings])];
    if (notes.length > 0) out.push(...notes.map((n) => `- ${markdownCell(n)}`), '');
  }
  return `${out.join('\n')}`;
}
