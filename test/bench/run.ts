import type { BenchModule } from './types.ts';

/*
 * `npm run bench`: runs each benchmark module and prints one JSON object per figure per line:
 *   {"bench":"store.apply.p95","value":3.2,"unit":"ms","target":5}
 * Add a module by adding a line to `modules`. `node test/bench/run.ts store crash` runs only those modules.
 * Benchmarks measure; they do not fail on a missed target (the reader or a CI gate compares with `target`).
 */

const modules: Record<string, () => Promise<BenchModule>> = {
  store: () => import('./store.bench.ts'),
  crash: () => import('./crash.bench.ts'),
  availability: () => import('./availability.bench.ts'),
  latency: () => import('./latency.bench.ts'),
  cost: () => import('./cost.bench.ts'),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in modules));
if (unknown.length > 0) {
  process.stderr.write(
    `Unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(modules).join(', ')}.\n`,
  );
  process.exit(2);
}

for (const [name, load] of Object.entries(modules)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const module = await load();
  for (const figure of await module.run()) process.stdout.write(`${JSON.stringify(figure)}\n`);
}
