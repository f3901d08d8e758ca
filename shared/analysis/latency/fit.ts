import type { GraphComponent, GraphConnection } from '../graph.ts';

/*
 * Latency distributions fitted from what the user types (DOMAIN.md §2.1): a log-normal through p50 and p95,
 * μ = ln p50, σ = (ln p95 − ln p50) / z₀.₉₅. A p95 equal to the p50 is a constant; a p50 of 0 is no time.
 */

/** The standard normal quantile at 0.95. */
export const Z95 = 1.6448536269514722;

/** How a time is drawn: 0 never takes time, 1 a constant, 2 log-normal. */
export type DelayShape = 0 | 1 | 2;

export interface DelayFit {
  readonly shape: DelayShape;
  /** ln p50 (log-normal), or the constant in ms. */
  readonly mu: number;
  readonly sigma: number;
  /** The p50 and p95 the fit reproduces, ms (p95 raised to the p50 when it was typed below it). */
  readonly p50Ms: number;
  readonly p95Ms: number;
}

/** Fits a delay from its p50 and p95 in ms; a p95 below the p50 is read as no spread. */
export function fitDelay(p50Ms: number, p95Ms: number): DelayFit {
  const p50 = Number.isFinite(p50Ms) && p50Ms > 0 ? p50Ms : 0;
  if (p50 === 0) return { shape: 0, mu: 0, sigma: 0, p50Ms: 0, p95Ms: 0 };
  const p95 = Number.isFinite(p95Ms) && p95Ms > p50 ? p95Ms : p50;
  if (p95 === p50) return { shape: 1, mu: p50, sigma: 0, p50Ms: p50, p95Ms: p50 };
  return {
    shape: 2,
    mu: Math.log(p50),
    sigma: (Math.log(p95) - Math.log(p50)) / Z95,
    p50Ms: p50,
    p95Ms: p95,
  };
}

/** A component's service time: its p50/p95, or for an LLM endpoint TTFT plus a fixed generation time. */
export interface ServiceFit {
  /** The sampled part: the whole service time, or the TTFT of an LLM endpoint. */
  readonly delay: DelayFit;
  /** Output tokens ÷ tokens per second, ms (0 for other components). */
  readonly generationMs: number;
}

/** The service-time fit of `component`; `warn` receives input problems the fit worked around. */
export function fitService(component: GraphComponent, warn: (message: string) => void): ServiceFit {
  const name = `"${component.name}"`;
  const llm = component.llm;
  if (llm) {
    let generationMs = 0;
    if (llm.avgOutTokens > 0 && !(llm.tokensPerSecond > 0)) {
      warn(`${name} has no tokens per second, so its generation time is left out: set tokens per second.`);
    } else if (llm.avgOutTokens > 0) {
      generationMs = (llm.avgOutTokens / llm.tokensPerSecond) * 1000;
    }
    checkOrder(llm.ttftP50Ms, llm.ttftP95Ms, `${name} has a TTFT p95`, warn);
    return { delay: fitDelay(llm.ttftP50Ms, llm.ttftP95Ms), generationMs };
  }
  checkOrder(component.p50Ms, component.p95Ms, `${name} has a p95`, warn);
  return { delay: fitDelay(component.p50Ms, component.p95Ms), generationMs: 0 };
}

/** The network delay fit of one call over `edge`. */
export function fitNetwork(edge: GraphConnection, label: string, warn: (message: string) => void): DelayFit {
  checkOrder(edge.networkP50Ms, edge.networkP95Ms, `The connection ${label} has a network p95`, warn);
  return fitDelay(edge.networkP50Ms, edge.networkP95Ms);
}

function checkOrder(p50Ms: number, p95Ms: number, subject: string, warn: (message: string) => void): void {
  if (!(p50Ms > 0) && p95Ms > 0) {
    warn(`${subject} of ${p95Ms} ms but a p50 of 0, so no time is counted for it: set its p50.`);
  } else if (p50Ms > 0 && p95Ms < p50Ms) {
    warn(
      `${subject} (${p95Ms} ms) below its p50 (${p50Ms} ms); the p50 is used for both: raise the p95 to at ` +
        'least the p50.',
    );
  }
}
