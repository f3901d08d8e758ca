/** One measured figure, printed by run.ts as one JSON line. */
export interface BenchFigure {
  bench: string;
  value: number;
  unit: string;
  target: number;
  /** True when a higher value is better (the target is then a minimum). */
  higher?: boolean;
}

/** A benchmark module: measures and returns its figures. */
export interface BenchModule {
  run(): Promise<BenchFigure[]>;
}
