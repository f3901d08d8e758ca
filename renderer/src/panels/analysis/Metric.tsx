import type { ReactNode } from 'react';

interface MetricProps {
  readonly children: ReactNode;
  /** How it was computed and what it assumed (see provenance()). */
  readonly title: string;
  /** True when the number rests on assumed or default inputs: a small marker says so. */
  readonly assumed?: boolean;
  /** True while a newer revision is being analysed: the number is dimmed, not hidden. */
  readonly updating?: boolean;
  readonly testId?: string;
}

/** One analysis number with its provenance tooltip, an assumption marker and the updating state. */
export function Metric({ children, title, assumed = false, updating = false, testId }: MetricProps) {
  return (
    <span
      className={updating ? 'metric updating' : 'metric'}
      title={updating ? `${title}\n(Updating: these numbers are from before your last edit.)` : title}
      aria-busy={updating || undefined}
      data-testid={testId}
    >
      {children}
      {assumed && (
        <sup className="assumed-marker" aria-label="rests on assumed inputs">
          *
        </sup>
      )}
    </span>
  );
}

/** A verdict badge: met, missed or no objective (a budget reads "within" / "over"). */
export function Verdict({ ok, what }: { readonly ok: boolean | null; readonly what: 'SLO' | 'budget' }) {
  if (ok === null) return <span className="verdict none">no {what}</span>;
  const [yes, no] = what === 'budget' ? ['within', 'over'] : ['meets', 'misses'];
  return <span className={ok ? 'verdict ok' : 'verdict bad'}>{ok ? yes : no}</span>;
}

/** The worker's failure, if the newest run threw: what went wrong and what to do. */
export function AnalysisFailure({ message }: { readonly message: string }) {
  return (
    <p className="analysis-errors" role="alert">
      The analysis could not finish: {message} Undo the last change or correct the design; the numbers shown
      are from before it.
    </p>
  );
}

/** Errors of a result, each with what to do, shown in the tab. */
export function AnalysisErrors({ errors }: { readonly errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="analysis-errors" role="alert">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}
