import type { GraphConnection, ScenarioGraph } from '../graph.ts';
import type { CallStep, RequestPath, Step } from '../request-path.ts';
import { BddBudgetError, FALSE, TRUE } from './bdd.ts';
import type { DecisionDiagram } from './bdd.ts';
import { ALWAYS, NEVER, callsOf } from './variables.ts';
import type { VariableTable } from './variables.ts';

/*
 * The structure function of a journey (DOMAIN.md §2.0, §2.3) compiled to a BDD. S(u), "a call reaching u
 * succeeds", is up(u) AND every step of u succeeds. Per step:
 * - call: soft → true; otherwise not taken → true, taken → S(target) OR S(fallback₁) OR … (fallbacks in order;
 *   their own probability and criticality are ignored: they are taken exactly when what they back up failed);
 * - exclusive choice: the branch the chain variables pick must succeed (a soft branch always does);
 * - parallel, join all: every hard branch that is taken succeeds;
 * - parallel, any / k-of-n: at least k branches answer (taken and served), soft ones counted like any other;
 *   a group of soft branches only cannot fail.
 * Fan-out and retries do not change success here: the same component state answers every call.
 *
 * Construction is by continuations: a call site is compiled as ITE(S(c), ok, fail), where ok is what the
 * request does after the call succeeds and fail what it does after it fails (the next fallback, the next
 * branch of an any group, or failure). Built from the end of the variable order backwards, a tree of calls
 * then costs one node per variable instead of one standalone S(u) per component (n × depth nodes). A
 * component met again after its first visit (a shared dependency) is used through its standalone S(c),
 * compiled once, as (S(c) AND ok) OR fail, which equals the ITE because fail implies ok everywhere here (a
 * failed call never leaves the request better off than a successful one). When a component's test would
 * sit above a shared dependency's earlier variables, ifVariable inserts it below them, so the result is the
 * same reduced BDD either way; the order only decides the cost.
 *
 * The recursion over components runs on an explicit stack of generators (a path can be 20,000 calls deep):
 * a generator yields the call site it needs compiled and is resumed with the result.
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
  const root = compile(graph, path, vars, dd, true);
  const anyFallback = path.order.some((u) =>
    (path.steps[u] ?? []).some((step) => callsOf(step).some((call) => call.fallbacks.length > 0)),
  );
  return { root, rootWithoutFallbacks: anyFallback ? compile(graph, path, vars, dd, false) : root };
}

/** A call the driver should compile: over edge `edge`, success → ok, failure → fail. */
interface Site {
  readonly edge: number;
  readonly ok: number;
  readonly fail: number;
}

type Compilation = Generator<Site, number, number>;

function compile(
  graph: ScenarioGraph,
  path: RequestPath,
  vars: VariableTable,
  dd: DecisionDiagram,
  useFallbacks: boolean,
): number {
  const edge = (e: number): GraphConnection => graph.connections[e] as GraphConnection;
  const hard = (call: CallStep): boolean => edge(call.edge).hard;

  /** The call and, when it fails, its fallbacks in order: success → ok, all failed → fail. */
  function* served(call: CallStep, ok: number, fail: number): Compilation {
    let otherwise = fail;
    if (useFallbacks) {
      for (let i = call.fallbacks.length - 1; i >= 0; i--) {
        otherwise = yield { edge: call.fallbacks[i] as number, ok, fail: otherwise };
      }
    }
    return yield { edge: call.edge, ok, fail: otherwise };
  }

  /** Taken with its probability (not taken → skip), then served (→ ok) or failed (→ fail). */
  function* gated(call: CallStep, ok: number, fail: number, skip: number): Compilation {
    const t = vars.edgeLevel[call.edge] as number;
    if (t === NEVER) return skip;
    const result = yield* served(call, ok, fail);
    return t === ALWAYS ? result : dd.ifVariable(t, result, skip);
  }

  /** S(u) with continuations: ITE(S(u), ok, fail). Delegates at most one level deep, for speed. */
  function* component(u: number, ok: number, fail: number): Compilation {
    const steps = path.steps[u] ?? [];
    let acc = ok;
    for (let i = steps.length - 1; i >= 0; i--) {
      const s = steps[i] as Step;
      if (s.type === 'call') {
        if (hard(s.call)) acc = yield* gated(s.call, acc, fail, acc);
        continue;
      }
      const branches = s.branches;
      if (s.type === 'exclusive') {
        const next = acc;
        let chosen = next;
        for (let b = branches.length - 1; b >= 0; b--) {
          const call = branches[b] as CallStep;
          const link = vars.edgeLevel[call.edge] as number;
          if (link === NEVER) continue;
          const result = hard(call) ? yield* served(call, next, fail) : next;
          chosen = link === ALWAYS ? result : dd.ifVariable(link, result, chosen);
        }
        acc = chosen;
      } else if (s.join === 'all') {
        for (let b = branches.length - 1; b >= 0; b--) {
          const call = branches[b] as CallStep;
          if (hard(call)) acc = yield* gated(call, acc, fail, acc);
        }
      } else if (s.k > 0 && branches.some(hard)) {
        // after[c]: how the request goes on with c answers so far, once the later branches have had their say.
        let after = Array.from({ length: s.k + 1 }, (_, c) => (c >= s.k ? acc : fail));
        for (let b = branches.length - 1; b >= 0; b--) {
          const call = branches[b] as CallStep;
          const next = [...after];
          for (let c = 0; c < s.k; c++) {
            next[c] = yield* gated(call, after[c + 1] as number, after[c] as number, after[c] as number);
          }
          after = next;
        }
        acc = after[0] as number;
      }
    }
    return dd.ifVariable(vars.componentLevel[u] as number, acc, fail);
  }

  // The driver: a stack of suspended compilations, each waiting for the call it yielded. A call through the
  // edge that first reached its target is compiled in place; any other goes through the target's standalone
  // S(c) (compiled once, as ITE(S(c), TRUE, FALSE)).
  const standalone = new Int32Array(graph.components.length).fill(-1);
  const frames: Compilation[] = [component(path.entry, TRUE, FALSE)];
  /** Per frame: the component whose standalone S it computes, or -1; and the call waiting for it. */
  const standaloneOf: number[] = [-1];
  const waiting: (Site | null)[] = [null];
  // Compiling a call site always makes or finds nodes, but a k-of-n branch is compiled once per count of
  // answers; counting sites against the node budget bounds the time as well as the memory.
  let sites = 0;
  let input = 0;
  for (;;) {
    const next = (frames[frames.length - 1] as Compilation).next(input);
    if (next.done) {
      frames.pop();
      const u = standaloneOf.pop() as number;
      const call = waiting.pop() as Site | null;
      if (frames.length === 0) return next.value;
      if (u >= 0) standalone[u] = next.value;
      input = call ? dd.or(dd.and(next.value, call.ok), call.fail) : next.value;
      continue;
    }
    const call = next.value;
    const c = edge(call.edge).target;
    if (++sites > dd.nodeBudget) throw new BddBudgetError(dd.nodeBudget);
    if (vars.firstEdge[c] === call.edge) {
      frames.push(component(c, call.ok, call.fail));
      standaloneOf.push(-1);
      waiting.push(null);
    } else if ((standalone[c] as number) >= 0) {
      input = dd.or(dd.and(standalone[c] as number, call.ok), call.fail);
      continue;
    } else {
      frames.push(component(c, TRUE, FALSE));
      standaloneOf.push(c);
      waiting.push(call);
    }
    input = 0;
  }
}
