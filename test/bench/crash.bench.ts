import { makeTempDir, removeTempDir } from '../../electron/store/testing/fixtures.ts';
import { runCrashRounds } from '../../electron/store/testing/crash-harness.ts';
import type { BenchFigure } from './types.ts';

/*
 * Crash safety of the document store: a writer process (crash-writer.ts) is killed with SIGKILL at random
 * moments, at least 50 times and over at least 1,000 acknowledged applies; after each kill the file must open,
 * pass integrity_check and hold every acknowledged apply.
 */

/** Runs the kill rounds and reports kills, lost applies and integrity failures. */
export async function run(): Promise<BenchFigure[]> {
  const dir = makeTempDir('mlarch-crash-');
  try {
    const result = await runCrashRounds({
      dir,
      kills: 50,
      minApplies: 1_000,
      seed: 1128,
      maxAcksBeforeKill: 60,
    });
    for (const problem of result.problems) process.stderr.write(`store.crash: ${problem}\n`);
    return [
      { bench: 'store.crash.kills', value: result.kills, unit: 'kills', target: 50, higher: true },
      { bench: 'store.crash.applies', value: result.applies, unit: 'applies', target: 1_000, higher: true },
      { bench: 'store.crash.lost_applies', value: result.lostApplies, unit: 'applies', target: 0 },
      {
        bench: 'store.crash.integrity_failures',
        value: result.integrityFailures,
        unit: 'failures',
        target: 0,
      },
    ];
  } finally {
    removeTempDir(dir);
  }
}
