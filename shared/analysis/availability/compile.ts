import type { GraphConnection, ScenarioGraph } from '../graph.ts';
import type { CallStep, RequestPath, Step } from '../request-path.ts';
import { FALSE, TRUE } from './bdd.ts';
import type { DecisionDiagram } from './bdd.ts';
import { ALWAYS, NEVER, callsOf } from './variables.ts';
import type { VariableTable } from './variables.ts';

/*
 * The structure function of a journey (DOMAIN.md §2.0, §2.3) compiled to a BDD. S(u), "a call reaching u
 * succeeds", is up(u) AND every step of u succeeds; it is built once per component, callees first, so a
 * component met along several paths is one shared sub-function (one variable), which is what makes shared
 * dependencies exact. Per step:
 * - call: soft → true; otherwise not taken → true, taken → S(target) OR S(fallback₁) OR … (fallbacks in order;
 *   their own probability and criticality are ignored: they are taken exactly when what they back up failed);
 * - exclusive choice: the branch the chain variables pick must succeed (a soft branch always does);
 * - parallel, join all: every hard branch that is taken succeeds;
 * - parallel, any / k-of-n: at least k branches answer (taken and served), soft ones counted like any other;
 *   a group of soft branches only cannot fail.
 * Fan-out and retries do not change success here: the same component state answers every call.
 * Conjunctions are folded from the last operand so each apply copies only the (earlier-ordered) left operand.
 */

export interface CompiledJourney {
  /** S(entry): the request succeeds. */
  readonly root: number;
  /** S(entry) with every fallback removed (equal to `root` when the path has none). */
  readonly rootWithoutFallbacks: number;
}

/** Compiles the structure function of `path` (no errors) into `dd`. Throws BddBudgetError past the budget. */
export function compileJourney(
  graph: ScenarioGraph,
  path: RequestPath,
  vars: VariableTable,
  dd: DecisionDiagram,
): CompiledJourney {
  const n = graph.components.length;
  const withFallbacks = new Int32Array(n).fill(-1);
  const withoutFallbacks = new Int32Array(n).fill(-1);
  const fallbackBelow = new Uint8Array(n);
  const edge = (e: number): GraphConnection => graph.connections[e] as GraphConnection;
  const target = (e: number): number => edge(e).target;

  const callSucceeds = (call: CallStep, table: Int32Array, useFallbacks: boolean): number => {
    let acc = FALSE;
    if (useFallbacks) {
      for (let i = call.fallbacks.length - 1; i >= 0; i--) {
        acc = dd.or(table[target(call.fallbacks[i] as number)] as number, acc);
      }
    }
    return dd.or(table[target(call.edge)] as number, acc);
  };

  /** "Not taken, or served": a hard call that may be skipped. */
  const takenThenServed = (e: number, served: number): number => {
    const level = vars.edgeLevel[e] as number;
    if (level === ALWAYS) return served;
    if (level === NEVER) return TRUE;
    return dd.or(dd.negatedVariable(level), served);
  };

  /** "Taken and served": a branch that answers a k-of-n join. */
  const answers = (e: number, served: number): number => {
    const level = vars.edgeLevel[e] as number;
    if (level === ALWAYS) return served;
    if (level === NEVER) return FALSE;
    return dd.and(dd.variable(level), served);
  };

  const stepSucceeds = (step: Step, table: Int32Array, useFallbacks: boolean): number => {
    const ok = (call: CallStep): number =>
      edge(call.edge).hard ? callSucceeds(call, table, useFallbacks) : TRUE;
    if (step.type === 'call') {
      return edge(step.call.edge).hard ? takenThenServed(step.call.edge, ok(step.call)) : TRUE;
    }
    const branches = step.branches;
    if (step.type === 'exclusive') {
      if (branches.length === 0) return TRUE;
      let acc = ok(branches[branches.length - 1] as CallStep);
      for (let b = branches.length - 2; b >= 0; b--) {
        const call = branches[b] as CallStep;
        const link = vars.edgeLevel[call.edge] as number;
        if (link === ALWAYS) acc = ok(call);
        else if (link !== NEVER) acc = dd.ifVariable(link, ok(call), acc);
      }
      return acc;
    }
    if (step.join === 'all') {
      let acc = TRUE;
      for (let b = branches.length - 1; b >= 0; b--) {
        const call = branches[b] as CallStep;
        if (edge(call.edge).hard) acc = dd.and(takenThenServed(call.edge, ok(call)), acc);
      }
      return acc;
    }
    if (step.k <= 0 || branches.every((call) => !edge(call.edge).hard)) return TRUE;
    // atLeast[j]: at least j of the branches after the current one answer. Adding a branch a:
    // atLeast'[j] = (a AND atLeast[j − 1]) OR atLeast[j], since atLeast[j] implies atLeast[j − 1].
    const atLeast = new Int32Array(step.k + 1).fill(FALSE);
    atLeast[0] = TRUE;
    for (let b = branches.length - 1; b >= 0; b--) {
      const call = branches[b] as CallStep;
      const answered = answers(call.edge, callSucceeds(call, table, useFallbacks));
      for (let j = step.k; j >= 1; j--) {
        atLeast[j] = dd.or(dd.and(answered, atLeast[j - 1] as number), atLeast[j] as number);
      }
    }
    return atLeast[step.k] as number;
  };

  const componentSucceeds = (u: number, table: Int32Array, useFallbacks: boolean): number => {
    const steps = path.steps[u] ?? [];
    let acc = TRUE;
    for (let i = steps.length - 1; i >= 0; i--) {
      acc = dd.and(stepSucceeds(steps[i] as Step, table, useFallbacks), acc);
    }
    return dd.and(dd.variable(vars.componentLevel[u] as number), acc);
  };

  let anyFallback = false;
  for (let i = path.order.length - 1; i >= 0; i--) {
    const u = path.order[i] as number;
    withFallbacks[u] = componentSucceeds(u, withFallbacks, true);
    let below = false;
    for (const step of path.steps[u] ?? []) {
      for (const call of callsOf(step)) {
        if (call.fallbacks.length > 0 || fallbackBelow[target(call.edge)]) below = true;
      }
    }
    fallbackBelow[u] = below ? 1 : 0;
    anyFallback ||= below;
  }
  if (anyFallback) {
    for (let i = path.order.length - 1; i >= 0; i--) {
      const u = path.order[i] as number;
      withoutFallbacks[u] = fallbackBelow[u]
        ? componentSucceeds(u, withoutFallbacks, false)
        : (withFallbacks[u] as number);
    }
  }
  const root = withFallbacks[path.entry] as number;
  return { root, rootWithoutFallbacks: anyFallback ? (withoutFallbacks[path.entry] as number) : root };
}
