import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Design } from '../../shared/model/document.ts';
import { seededRandom, syntheticDesign } from '../../shared/model/testing/synthetic.ts';
import type { SynchronousMode } from '../../electron/store/index.ts';
import { createDocumentFile, openDocumentFile } from '../../electron/store/index.ts';
import { makeTempDir, removeTempDir } from '../../electron/store/testing/fixtures.ts';
import { RandomEdits } from '../../electron/store/testing/random-edits.ts';
import { percentile, round3 } from './stats.ts';
import type { BenchFigure } from './types.ts';

/*
 * The document store on a large design (5,000 components, 8,000 connections): opening the file into a full
 * in-memory design, and applying one user edit (move, rename, add, remove) at a time. The apply figures use
 * the shipped setting (synchronous = NORMAL); the FULL figure is printed alongside to show what an fsync per
 * apply would cost.
 */

const COMPONENTS = 5_000;
const CONNECTIONS = 8_000;
const OPEN_RUNS = 7;
const WARMUP_APPLIES = 30;
const APPLY_SAMPLES = 600;

function measureOpen(file: string): number[] {
  // One unmeasured open first: the first in a process also compiles the code paths (about twice as slow).
  openDocumentFile(file).close();
  const times: number[] = [];
  for (let i = 0; i < OPEN_RUNS; i++) {
    const start = performance.now();
    const document = openDocumentFile(file);
    times.push(performance.now() - start);
    document.close();
  }
  return times;
}

/** Opens the file once in each of a few fresh processes: the first open, with nothing warmed up. */
function measureFirstOpen(file: string): number[] {
  const script = path.join(import.meta.dirname, 'open-once.ts');
  return Array.from({ length: 3 }, () =>
    Number(execFileSync(process.execPath, [script, file], { encoding: 'utf8' })),
  );
}

function measureApply(file: string, synchronous: SynchronousMode, seed: number): number[] {
  const document = openDocumentFile(file, { synchronous });
  const edits = new RandomEdits(seededRandom(seed));
  const times: number[] = [];
  try {
    for (let i = 0; i < WARMUP_APPLIES + APPLY_SAMPLES; i++) {
      const { op } = edits.next(document.design);
      const start = performance.now();
      document.apply([op]);
      if (i >= WARMUP_APPLIES) times.push(performance.now() - start);
    }
  } finally {
    document.close();
  }
  return times;
}

/** Measures open and apply on a fresh file in a temp folder. */
export async function run(): Promise<BenchFigure[]> {
  const dir = makeTempDir('mlarch-bench-');
  try {
    const file = path.join(dir, 'large.mlarch');
    const design: Design = syntheticDesign({ components: COMPONENTS, connections: CONNECTIONS, seed: 1 });
    createDocumentFile(file, design).close();
    const open = measureOpen(file);
    const firstOpen = measureFirstOpen(file);
    const normal = measureApply(file, 'NORMAL', 2);
    const full = measureApply(file, 'FULL', 3);
    return [
      { bench: 'store.apply.p95', value: round3(percentile(normal, 0.95)), unit: 'ms', target: 5 },
      { bench: 'store.apply.p50', value: round3(percentile(normal, 0.5)), unit: 'ms', target: 5 },
      { bench: 'store.apply.p95.sync_full', value: round3(percentile(full, 0.95)), unit: 'ms', target: 5 },
      { bench: 'store.open', value: round3(percentile(open, 0.5)), unit: 'ms', target: 300 },
      {
        bench: 'store.open.fresh_process',
        value: round3(percentile(firstOpen, 0.5)),
        unit: 'ms',
        target: 300,
      },
    ];
  } finally {
    removeTempDir(dir);
  }
}
