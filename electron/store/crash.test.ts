import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCrashRounds } from './testing/crash-harness.ts';
import { filesIn, makeTempDir, removeTempDir } from './testing/fixtures.ts';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  removeTempDir(dir);
});

it(
  'keeps every acknowledged apply and a sound file when the writer is killed',
  { timeout: 120_000 },
  async () => {
    const result = await runCrashRounds({ dir, kills: 8, minApplies: 40, seed: 20261128 });
    expect(result.problems).toEqual([]);
    expect(result.kills).toBeGreaterThanOrEqual(8);
    expect(result.applies).toBeGreaterThanOrEqual(40);
    expect(result.lostApplies).toBe(0);
    expect(result.integrityFailures).toBe(0);
    // Each check closes the document, so it is one file again.
    expect(filesIn(dir)).toEqual(['crash.mlarch']);
  },
);
