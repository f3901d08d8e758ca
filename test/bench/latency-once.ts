import { timeSimulation } from './latency.bench.ts';

/*
 * Runs one latency simulation in a fresh process and prints its milliseconds: the first analysis after
 * start-up, with nothing warmed up (latency.montecarlo.10k is the warm median).
 */
const samples = Number(process.argv[2] ?? '10000');
process.stdout.write(`${timeSimulation(samples, 1)}\n`);
