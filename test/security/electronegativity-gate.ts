import { readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import type { Log } from 'sarif';
import { describeVerdict, findingsOf, judge, parseAllowList } from './sarif-gate.ts';

/*
 * The security linter gate (`npm run lint:security`): runs Electronegativity on the Electron sources,
 * writes its SARIF, and fails on any finding that test/security/electronegativity-allow.json does not
 * excuse, on any entry of that list no finding needs, and on any file the linter could not read (it
 * skips those silently and exits 0 even with findings, so only reading its results can gate).
 *
 * Run with `node -r ./test/security/electronegativity-offline.cjs`: the linter looks up translations and
 * Electron releases on the network, and that preload answers both at once with a failure.
 */

interface LinterError {
  file: string;
  message: string;
}

/** Electronegativity's documented programmatic entry (its CLI takes the same options). */
type RunLinter = (options: {
  input: string;
  output: string;
  isSarif: boolean;
  electronVersionOverride: string;
}) => Promise<{ errors: LinterError[] }>;

export interface GateOptions {
  /** The project folder: paths in reports and in the allow list are relative to it. */
  root: string;
  /** The folder (or file) to scan. */
  input: string;
  sarifPath: string;
  allowListPath: string;
}

/** Runs the linter and judges its SARIF; answers the problems, one line each (none: the gate passes). */
export async function runGate(options: GateOptions): Promise<string[]> {
  const require = createRequire(import.meta.url);
  const run = require('@doyensec/electronegativity') as RunLinter;
  // The version we build with, so version-dependent checks judge the Electron we ship.
  const electron = require('electron/package.json') as { version: string };
  // A SARIF left by an earlier run must not pass for this one's.
  rmSync(options.sarifPath, { force: true });
  const { errors } = await run({
    input: options.input,
    output: options.sarifPath,
    isSarif: true,
    electronVersionOverride: electron.version,
  });
  const log = await readWhenWritten(options.sarifPath);
  const allowed = parseAllowList(readFileSync(options.allowListPath, 'utf8'));
  const listName = relative(options.root, options.allowListPath).split('\\').join('/');
  return [
    ...errors.map(
      (e) =>
        `Electronegativity could not read ${relative(options.root, e.file)} (${e.message}), so it went ` +
        'unchecked. Make it parse, or report the linter’s limit.',
    ),
    ...describeVerdict(judge(findingsOf(log, options.root), allowed), listName),
  ];
}

// The linter starts writing its SARIF (fs.writeFile) without waiting for it to finish.
async function readWhenWritten(path: string): Promise<Log> {
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as Log;
    } catch (error) {
      lastError = error;
      await sleep(25);
    }
  }
  throw new Error(`Electronegativity wrote no readable SARIF to ${path} within 5 s: ${String(lastError)}`);
}

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '..', '..');
  const options: GateOptions = {
    root,
    input: join(root, 'electron'),
    sarifPath: join(root, 'electronegativity.sarif'),
    allowListPath: join(import.meta.dirname, 'electronegativity-allow.json'),
  };
  const problems = await runGate(options);
  if (problems.length === 0) {
    console.log(`Electronegativity: no finding beyond the allow list (SARIF in ${options.sarifPath}).`);
    return;
  }
  console.error(`Electronegativity gate failed (SARIF in ${options.sarifPath}):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error('The Electronegativity gate could not run:', error);
    process.exitCode = 1;
  });
}
