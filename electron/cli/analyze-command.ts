import { parseArgs } from 'node:util';
import { analyzeDesign } from '../../shared/analysis/analyze-design.ts';
import { formatReportMarkdown, formatReportText } from './format-report.ts';
import type { CliCommand } from './io.ts';
import { UsageError } from './io.ts';
import { readDesignFile } from './read-design.ts';

const HELP = `Usage: mlarch analyze FILE [--scenario NAME] [--samples N] [--seed N] [--format json|md|text]

Latency (Monte Carlo), cost and exact availability of every journey of every scenario.

  --scenario NAME   only the scenario with this name (default: all)
  --samples N       Monte Carlo samples per journey, 1000 to 10000000 (default 100000)
  --seed N          seed of the Monte Carlo runs; the same seed gives the same numbers (default 1)
  --format F        json (the documented shape), md (Markdown tables) or text (default text)
  -h, --help        this help

Exit codes: 0 analysed, 2 bad usage or a file that cannot be read.`;

function integer(
  value: string | undefined,
  flag: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${value}".`);
  }
  return n;
}

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: 'latency, cost and availability per scenario and journey',
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        allowPositionals: true,
        strict: true,
        options: {
          scenario: { type: 'string' },
          samples: { type: 'string' },
          seed: { type: 'string' },
          format: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}. Run "mlarch analyze --help".`);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(`${HELP}\n`);
      return 0;
    }
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length === 0
          ? 'name the design FILE to analyse.'
          : `one FILE at a time, not ${positionals.length}.`,
      );
    }
    const format = values.format ?? 'text';
    if (format !== 'json' && format !== 'md' && format !== 'text') {
      throw new UsageError(`--format must be json, md or text, not "${format}".`);
    }
    const samples = integer(values.samples, '--samples', 1000, 10_000_000, 100_000);
    const seed = integer(values.seed, '--seed', 0, 2 ** 32 - 1, 1);
    const design = readDesignFile(positionals[0] as string);
    if (values.scenario !== undefined && !design.scenarios.some((s) => s.name === values.scenario)) {
      const names = design.scenarios.map((s) => `"${s.name}"`).join(', ');
      throw new UsageError(`the design has no scenario "${values.scenario}"; it has ${names}.`);
    }
    const report = analyzeDesign(design, {
      scenarioName: values.scenario ?? null,
      samples,
      seed,
      onProgress: io.stderrIsTty
        ? (done, total, label) => io.stderr(`\r\x1b[KAnalysing ${label} (${done}/${total})…`)
        : undefined,
    });
    if (io.stderrIsTty) io.stderr('\r\x1b[K');
    if (format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout(format === 'md' ? formatReportMarkdown(report) : formatReportText(report));
    return 0;
  },
};
