import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentFile } from '../store/index.ts';
import { parseDesign, serializeDesign } from '../../shared/model/canonical.ts';
import { runCli } from './main.ts';

const templates = path.resolve(import.meta.dirname, '../../resources/templates');
const template = (id: string) => path.join(templates, `${id}.design.json`);

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTty: false,
    version: '9.9.9',
  });
  return { code, stdout, stderr };
}

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'mlarch-cli-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('mlarch analyze', () => {
  it.each(readdirSync(templates).map((f) => f.replace('.design.json', '')))(
    'prints the documented JSON shape for the %s template',
    async (id) => {
      const { code, stdout, stderr } = await run(
        'analyze',
        template(id),
        '--format',
        'json',
        '--samples',
        '2000',
      );
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const report = JSON.parse(stdout);
      expect(report.scenarios.length).toBeGreaterThan(0);
      for (const s of report.scenarios) {
        expect(typeof s.name).toBe('string');
        expect(typeof s.cost.monthlyUsd).toBe('number');
        expect(typeof s.cost.per1kInferencesUsd).toBe('number');
        expect(typeof s.cost.per1kMarginalUsd).toBe('number');
        expect(s.journeys.length).toBeGreaterThan(0);
        // The templates use the settled semantics: nothing for the analyses to work around.
        expect(s.warnings).toEqual([]);
        for (const j of s.journeys) {
          expect(j.errors).toEqual([]);
          expect(j.warnings).toEqual([]);
          for (const key of ['p50', 'p95', 'p99', 'mean']) expect(typeof j.latencyMs[key]).toBe('number');
          expect(j.latencyMs.p50).toBeLessThanOrEqual(j.latencyMs.p95);
          expect(j.latencyMs.p95).toBeLessThanOrEqual(j.latencyMs.p99);
          expect(j.availability.value).toBeGreaterThan(0.99);
          expect(j.availability.value).toBeLessThan(1);
          expect(j.availability.downtimeMinutesPerMonth).toBeCloseTo((1 - j.availability.value) * 43_800, 6);
          expect(typeof j.availability.meetsSlo).toBe('boolean');
          for (const cut of j.availability.cutSets)
            for (const name of cut) expect(typeof name).toBe('string');
        }
      }
    },
  );

  it('gives the same numbers for the same seed and reads .mlarch files without changing them', async () => {
    const file = path.join(dir, 'rt.mlarch');
    createDocumentFile(file, parseDesign(readFileSync(template('real-time-inference'), 'utf8'))).close();
    const before = readFileSync(file);
    const a = await run('analyze', file, '--format', 'json', '--samples', '5000', '--seed', '7');
    const b = await run(
      'analyze',
      template('real-time-inference'),
      '--format',
      'json',
      '--samples',
      '5000',
      '--seed',
      '7',
    );
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['rt.mlarch']);
  });

  it('analyses one scenario by name and refuses an unknown one, naming those there are', async () => {
    const one = await run(
      'analyze',
      template('real-time-inference'),
      '--scenario',
      'Managed endpoint',
      '--format',
      'json',
      '--samples',
      '1000',
    );
    expect(JSON.parse(one.stdout).scenarios.map((s: { name: string }) => s.name)).toEqual([
      'Managed endpoint',
    ]);
    const none = await run('analyze', template('real-time-inference'), '--scenario', 'Nope');
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'mlarch analyze: the design has no scenario "Nope"; it has "Baseline", "Managed endpoint".\n',
    );
  });

  it('exits 2 with one line for bad usage and unreadable files', async () => {
    const cases: [string[], RegExp][] = [
      [['analyze'], /name the design FILE/],
      [['analyze', template('rag-llm'), '--samples', '12'], /--samples must be a whole number from 1000/],
      [['analyze', template('rag-llm'), '--format', 'xml'], /--format must be json, md or text/],
      [['analyze', template('rag-llm'), '--frobnicate'], /Unknown option '--frobnicate'/],
      [['analyze', path.join(dir, 'missing.mlarch')], /no such file/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr, stdout } = await run(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stdout).toBe('');
    }
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"formatVersion": 2, "meta": ');
    const malformed = await run('analyze', bad);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^mlarch analyze: .*JSON/);
    const foreign = path.join(dir, 'foreign.mlarch');
    writeFileSync(foreign, 'SQLite format 3\0'.padEnd(4096, '\0'));
    const refused = await run('analyze', foreign);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('escapes hostile names in Markdown and strips control characters from text', async () => {
    const design = parseDesign(readFileSync(template('batch-scoring'), 'utf8'));
    const hostile = { ...design, meta: { ...design.meta, name: 'x | <img src=x onerror=alert(1)> *y*' } };
    hostile.journeys = hostile.journeys.map((j) => ({ ...j, name: 'J\u001b[31m|red' }));
    const file = path.join(dir, 'hostile.json');
    writeFileSync(file, serializeDesign(hostile));
    const md = await run('analyze', file, '--format', 'md', '--samples', '1000');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('# Analysis of x \\| &lt;img src=x onerror=alert(1)\\> \\*y\\*');
    expect(md.stdout).not.toContain('<img');
    expect(md.stdout).not.toContain('\u001b');
    const text = await run('analyze', file, '--samples', '1000');
    expect(text.stdout).not.toContain('\u001b');
    expect(text.stdout).toContain('Journey J [31m|red');
  });

  it('has help for the tool and the command', async () => {
    const top = await run('--help');
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('analyze');
    const help = await run('analyze', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--samples N');
    expect((await run('--version')).stdout).toBe('9.9.9\n');
  });

  it('runs as a plain Node program', () => {
    const result = spawnSync(
      process.execPath,
      [
        path.resolve(import.meta.dirname, 'index.ts'),
        'analyze',
        template('rag-llm'),
        '--format',
        'json',
        '--samples',
        '1000',
      ],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).scenarios[0].journeys[0].name).toBe('Ask the assistant');
  });
});
