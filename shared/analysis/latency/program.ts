import type { GraphConnection, ScenarioGraph } from '../graph.ts';
import type { CallStep, RequestPath, Step } from '../request-path.ts';
import { connectionLabel, stepEdges } from '../request-path.ts';
import { fitNetwork, fitService } from './fit.ts';

/*
 * A request path compiled once into flat typed arrays for the sampler. The path is a DAG; a request is a tree
 * of calls (a shared dependency called along two paths is two calls with independent samples), so the
 * program unfolds the DAG into sites:
 * - a visit site: one place in the tree where a component serves a call (the entry is site 0);
 * - a step site: one step of that visit (a call, an exclusive choice, a parallel group);
 * - a call site: one branch of a step (or one fallback of a branch) and the visit site of its target.
 * Repeated calls through one site (fan-out, retries) are drawn afresh each time. Ranges are contiguous: the
 * steps of a visit, the branches of a step, the fallbacks of a call site.
 */

export const STEP_CALL = 0;
export const STEP_EXCLUSIVE = 1;
export const STEP_PARALLEL = 2;
/** Parallel joins: all branches (the max), or the k-th answer (any is k = 1). */
export const JOIN_ALL = 0;
export const JOIN_KTH = 1;

/** More visit sites than this and a simulation would crawl: the path is refused with a message instead. */
export const MAX_VISIT_SITES = 50_000;
/**
 * Calls nested deeper than this are refused: the samplers and the compiler recurse once per level, and a
 * Web Worker's stack holds a few thousand frames.
 */
export const MAX_CALL_DEPTH = 500;

export interface LatencyProgram {
  readonly componentCount: number;
  readonly edgeCount: number;
  /** Per component: the sampled service delay (see DelayFit) and the fixed LLM generation time, ms. */
  readonly serviceShape: Uint8Array;
  readonly serviceMu: Float64Array;
  readonly serviceSigma: Float64Array;
  readonly generationMs: Float64Array;
  /** Per connection (graph index): network delay per attempt. */
  readonly networkShape: Uint8Array;
  readonly networkMu: Float64Array;
  readonly networkSigma: Float64Array;
  readonly probability: Float64Array;
  /** Fan-out: whole calls, and the chance of one more call (fractional calls per request). */
  readonly fanOutWhole: Int32Array;
  readonly fanOutFraction: Float64Array;
  readonly fanOutParallel: Uint8Array;
  /** Per-attempt timeout, ms (Infinity for none). */
  readonly timeoutMs: Float64Array;
  readonly retries: Int32Array;
  readonly hard: Uint8Array;
  /** Probability the connection's target serves an attempt. */
  readonly targetAvailability: Float64Array;

  readonly visitComponent: Int32Array;
  readonly visitStepStart: Int32Array;
  readonly visitStepEnd: Int32Array;

  readonly stepKind: Uint8Array;
  readonly stepJoin: Uint8Array;
  /** Answers a k-of-n step waits for. */
  readonly stepK: Int32Array;
  readonly stepCallStart: Int32Array;
  readonly stepCallEnd: Int32Array;
  /** Offset of a parallel step's scratch (branch count slots) in the sampler's scratch arrays. */
  readonly stepScratch: Int32Array;
  /** A parallel step whose branches are all soft never fails the request. */
  readonly stepAllSoft: Uint8Array;

  readonly callEdge: Int32Array;
  readonly callTarget: Int32Array;
  readonly callFallbackStart: Int32Array;
  readonly callFallbackEnd: Int32Array;
  /** For exclusive branches: the cumulative share up to and including this branch. */
  readonly callShareCumulative: Float64Array;
  /** One call per request, no fallbacks: the sampler's fast path. */
  readonly callSimple: Uint8Array;

  readonly scratchSize: number;
  /** True when some reachable component is an LLM endpoint (the TTFT is then reported). */
  readonly hasLlm: boolean;
}

/** The compiled program, or the reason the path cannot be simulated. */
export type CompileResult =
  | { readonly ok: true; readonly program: LatencyProgram; readonly warnings: string[] }
  | { readonly ok: false; readonly error: string };

/** Compiles `path` (which must have no errors) into a program; linear in the number of sites. */
export function compileLatencyProgram(graph: ScenarioGraph, path: RequestPath): CompileResult {
  const warnings: string[] = [];
  const warned = new Set<string>();
  const warn = (message: string): void => {
    if (warned.has(message)) return;
    warned.add(message);
    warnings.push(message);
  };
  const nc = graph.components.length;
  const ne = graph.connections.length;

  const serviceShape = new Uint8Array(nc);
  const serviceMu = new Float64Array(nc);
  const serviceSigma = new Float64Array(nc);
  const generationMs = new Float64Array(nc);
  let hasLlm = false;
  for (const c of path.order) {
    const component = graph.components[c];
    if (!component) continue;
    const fit = fitService(component, warn);
    serviceShape[c] = fit.delay.shape;
    serviceMu[c] = fit.delay.mu;
    serviceSigma[c] = fit.delay.sigma;
    generationMs[c] = fit.generationMs;
    if (component.llm) hasLlm = true;
  }

  const networkShape = new Uint8Array(ne);
  const networkMu = new Float64Array(ne);
  const networkSigma = new Float64Array(ne);
  const probability = new Float64Array(ne);
  const fanOutWhole = new Int32Array(ne);
  const fanOutFraction = new Float64Array(ne);
  const fanOutParallel = new Uint8Array(ne);
  const timeoutMs = new Float64Array(ne);
  const retries = new Int32Array(ne);
  const hard = new Uint8Array(ne);
  const targetAvailability = new Float64Array(ne);
  for (const e of path.syncEdges) {
    const edge = graph.connections[e] as GraphConnection;
    const fit = fitNetwork(edge, connectionLabel(graph, edge), warn);
    networkShape[e] = fit.shape;
    networkMu[e] = fit.mu;
    networkSigma[e] = fit.sigma;
    probability[e] = clamp01(edge.probability);
    const calls =
      Number.isFinite(edge.callsPerRequest) && edge.callsPerRequest > 0 ? edge.callsPerRequest : 0;
    fanOutWhole[e] = Math.floor(calls);
    fanOutFraction[e] = calls - Math.floor(calls);
    fanOutParallel[e] = edge.parallelFanOut ? 1 : 0;
    timeoutMs[e] = edge.timeoutMs !== null && edge.timeoutMs >= 0 ? edge.timeoutMs : Infinity;
    retries[e] = Math.max(0, Math.floor(edge.retries));
    hard[e] = edge.hard ? 1 : 0;
    targetAvailability[e] = clamp01(graph.components[edge.target]?.serviceAvailability ?? 1);
  }

  const visitComponent: number[] = [];
  const visitStepStart: number[] = [];
  const visitStepEnd: number[] = [];
  const stepKind: number[] = [];
  const stepJoin: number[] = [];
  const stepK: number[] = [];
  const stepCallStart: number[] = [];
  const stepCallEnd: number[] = [];
  const stepScratch: number[] = [];
  const stepAllSoft: number[] = [];
  const callEdge: number[] = [];
  const callTarget: number[] = [];
  const callFallbackStart: number[] = [];
  const callFallbackEnd: number[] = [];
  const callShareCumulative: number[] = [];
  let scratchSize = 0;
  let tooLarge = false;

  const newCallSite = (edge: number, shareCumulative: number): number => {
    const site = callEdge.length;
    callEdge.push(edge);
    callTarget.push(-1);
    callFallbackStart.push(0);
    callFallbackEnd.push(0);
    callShareCumulative.push(shareCumulative);
    return site;
  };

  // Reserves a contiguous range of call sites for `calls`, then each one's contiguous fallbacks, then
  // compiles the targets (which append further sites after the reserved ranges).
  const compileCalls = (calls: readonly CallStep[], shares: readonly number[] | null): void => {
    let cumulative = 0;
    const sites = calls.map((call, i) => {
      cumulative += shares ? (shares[i] as number) : 0;
      return newCallSite(call.edge, shares && i === calls.length - 1 ? 1 : cumulative);
    });
    calls.forEach((call, i) => {
      const site = sites[i] as number;
      callFallbackStart[site] = callEdge.length;
      for (const f of call.fallbacks) newCallSite(f, 0);
      callFallbackEnd[site] = callEdge.length;
    });
    calls.forEach((call, i) => {
      const site = sites[i] as number;
      callTarget[site] = compileVisit(targetOf(call.edge));
      for (let f = callFallbackStart[site] as number; f < (callFallbackEnd[site] as number); f++) {
        callTarget[f] = compileVisit(targetOf(callEdge[f] as number));
      }
    });
  };

  const targetOf = (edge: number): number => (graph.connections[edge] as GraphConnection).target;

  const compileVisit = (component: number): number => {
    const site = visitComponent.length;
    if (site >= MAX_VISIT_SITES) {
      tooLarge = true;
      return 0;
    }
    const steps: readonly Step[] = path.steps[component] ?? [];
    visitComponent.push(component);
    visitStepStart.push(stepKind.length);
    visitStepEnd.push(stepKind.length + steps.length);
    const firstStep = stepKind.length;
    for (const step of steps) {
      stepKind.push(
        step.type === 'call' ? STEP_CALL : step.type === 'exclusive' ? STEP_EXCLUSIVE : STEP_PARALLEL,
      );
      stepJoin.push(step.type === 'parallel' && step.join !== 'all' ? JOIN_KTH : JOIN_ALL);
      stepK.push(step.type === 'parallel' ? step.k : 1);
      stepCallStart.push(0);
      stepCallEnd.push(0);
      stepScratch.push(0);
      stepAllSoft.push(0);
    }
    steps.forEach((step, i) => {
      if (tooLarge) return;
      const s = firstStep + i;
      const calls = step.type === 'call' ? [step.call] : step.branches;
      stepCallStart[s] = callEdge.length;
      stepCallEnd[s] = callEdge.length + calls.length;
      if (step.type === 'parallel') {
        stepScratch[s] = scratchSize;
        scratchSize += calls.length;
        const allSoft = calls.every((c) => !(graph.connections[c.edge] as GraphConnection).hard);
        stepAllSoft[s] = allSoft ? 1 : 0;
      }
      compileCalls(calls, step.type === 'exclusive' ? step.shares : null);
    });
    return site;
  };

  const deepest = deepestCall(graph, path);
  if (deepest.depth > MAX_CALL_DEPTH) {
    const entryName = graph.components[path.entry]?.name ?? '?';
    const leafName = graph.components[deepest.component]?.name ?? '?';
    return {
      ok: false,
      error:
        `The request path from "${entryName}" nests ${deepest.depth} calls deep (down to "${leafName}"), more ` +
        `than the ${MAX_CALL_DEPTH} the simulation handles: narrow the journey route or split the journey.`,
    };
  }
  compileVisit(path.entry);
  if (tooLarge) {
    const entryName = graph.components[path.entry]?.name ?? '?';
    return {
      ok: false,
      error:
        `The request path from "${entryName}" makes more than ${MAX_VISIT_SITES.toLocaleString('en-US')} ` +
        'calls per request once shared dependencies are counted along every path, too many to simulate: ' +
        'narrow the journey route or split the journey.',
    };
  }

  return {
    ok: true,
    warnings,
    program: {
      componentCount: nc,
      edgeCount: ne,
      serviceShape,
      serviceMu,
      serviceSigma,
      generationMs,
      networkShape,
      networkMu,
      networkSigma,
      probability,
      fanOutWhole,
      fanOutFraction,
      fanOutParallel,
      timeoutMs,
      retries,
      hard,
      targetAvailability,
      visitComponent: Int32Array.from(visitComponent),
      visitStepStart: Int32Array.from(visitStepStart),
      visitStepEnd: Int32Array.from(visitStepEnd),
      stepKind: Uint8Array.from(stepKind),
      stepJoin: Uint8Array.from(stepJoin),
      stepK: Int32Array.from(stepK),
      stepCallStart: Int32Array.from(stepCallStart),
      stepCallEnd: Int32Array.from(stepCallEnd),
      stepScratch: Int32Array.from(stepScratch),
      stepAllSoft: Uint8Array.from(stepAllSoft),
      callEdge: Int32Array.from(callEdge),
      callTarget: Int32Array.from(callTarget),
      callFallbackStart: Int32Array.from(callFallbackStart),
      callFallbackEnd: Int32Array.from(callFallbackEnd),
      callShareCumulative: Float64Array.from(callShareCumulative),
      callSimple: Uint8Array.from(callEdge, (e, site) =>
        fanOutWhole[e] === 1 && fanOutFraction[e] === 0 && callFallbackStart[site] === callFallbackEnd[site]
          ? 1
          : 0,
      ),
      scratchSize,
      hasLlm,
    },
  };
}

/** The longest chain of nested calls from the entry (fallbacks included) and the component it ends at. */
function deepestCall(graph: ScenarioGraph, path: RequestPath): { depth: number; component: number } {
  const depth = new Int32Array(graph.components.length);
  let deepest = { depth: 0, component: path.entry };
  // path.order lists callers before callees, so one pass in that order settles every depth.
  for (const u of path.order) {
    for (const step of path.steps[u] ?? []) {
      for (const e of stepEdges(step)) {
        const v = (graph.connections[e] as GraphConnection).target;
        const d = (depth[u] as number) + 1;
        if (d <= (depth[v] as number)) continue;
        depth[v] = d;
        if (d > deepest.depth) deepest = { depth: d, component: v };
      }
    }
  }
  return deepest;
}

function clamp01(value: number): number {
  if (!(value > 0)) return 0;
  return value > 1 ? 1 : value;
}
