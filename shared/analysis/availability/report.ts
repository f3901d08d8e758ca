import type { GraphComponent, GraphJourney, ScenarioGraph } from '../graph.ts';
import type { RequestPath } from '../request-path.ts';
import { BddBudgetError, TRUE } from './bdd.ts';
import type { DecisionDiagram } from './bdd.ts';
import { minimalCutSetFamily, selectCutSets } from './cut-sets.ts';
import type { LeveledCutSet } from './cut-sets.ts';
import { DownSetEvaluator } from './point.ts';
import { quantifyBranches } from './quantify.ts';
import type { ComponentImportance, CutSet, ExtraNineBreach } from './types.ts';
import type { VariableTable } from './variables.ts';

/*
 * The parts of a journey's availability report read off its diagram after the probability: minimal cut sets
 * (with their branch conditions), single points of failure, the extra-nine check, importances and the method
 * sentence.
 */

export interface CutSetReport {
  readonly cutSets: CutSet[];
  readonly truncated: boolean;
  /** Every single point of failure, in diagram order. */
  readonly singles: GraphComponent[];
  readonly warnings: string[];
}

/** Minimal cut sets of order ≤ maxOrder of the request `root`, the `limit` most relevant listed. */
export function cutSetReport(
  graph: ScenarioGraph,
  journey: GraphJourney,
  dd: DecisionDiagram,
  root: number,
  vars: VariableTable,
  maxOrder: number,
  limit: number,
): CutSetReport {
  const componentAt = (level: number): GraphComponent =>
    graph.components[vars.component[level] as number] as GraphComponent;
  const warnings: string[] = [];
  try {
    // A cut set fails the request for at least one branch outcome: cut sets of "succeeds for every outcome".
    const family = minimalCutSetFamily(dd, quantifyBranches(dd, root, vars, 'every'), maxOrder);
    if (family === TRUE) {
      warnings.push(
        `A request of ${quote(journey.name)} can fail with every component up (a k-of-n group whose ` +
          'probabilistic branches can leave too few answers), so no set of component failures is a minimal ' +
          'cut set. Raise those branches’ probabilities or lower k.',
      );
    }
    const selection = selectCutSets(dd, family, vars, maxOrder, limit);
    // Conditional: the request can still succeed on some branch outcome with the set down.
    const someOutcome = vars.hasBranchVariables
      ? new DownSetEvaluator(dd, quantifyBranches(dd, root, vars, 'some'))
      : null;
    const describe = (set: LeveledCutSet): CutSet => {
      const members = set.levels.map(componentAt);
      return {
        componentIds: members.map((c) => c.id),
        componentNames: members.map((c) => c.name),
        order: members.length,
        probability: set.probability,
        conditional: someOutcome !== null && someOutcome.holdsWithDown(set.levels),
      };
    };
    return {
      cutSets: selection.sets.map(describe),
      truncated: selection.truncated,
      singles: selection.singles.map(componentAt),
      warnings,
    };
  } catch (error) {
    if (!(error instanceof BddBudgetError)) throw error;
    warnings.push(
      'Minimal cut sets were not computed: they need more decision-diagram nodes than the analysis allows. ' +
        'The availability figure is exact; narrow the route to see the cut sets.',
    );
    return { cutSets: [], truncated: true, singles: [], warnings };
  }
}

/**
 * Single points of failure that break the extra-nine rule (Treynor et al. 2017, "The calculus of service
 * availability"): a critical dependency should have about ten times less unavailability than the objective
 * (a fraction, e.g. 0.999) allows.
 */
export function extraNineBreaches(singles: readonly GraphComponent[], slo: number): ExtraNineBreach[] {
  const allowed = (1 - slo) / 10;
  return singles
    .filter((c) => 1 - c.serviceAvailability > allowed * (1 + 1e-9))
    .map((c) => ({
      componentId: c.id,
      componentName: c.name,
      availability: c.serviceAvailability,
      requiredAvailability: 1 - allowed,
    }));
}

/** Birnbaum importance of every component on the path, largest first (ties keep the path order). */
export function importanceOf(
  graph: ScenarioGraph,
  path: RequestPath,
  vars: VariableTable,
  birnbaum: Float64Array,
): ComponentImportance[] {
  const list: ComponentImportance[] = [];
  for (const u of path.order) {
    const level = vars.componentLevel[u] as number;
    const c = graph.components[u];
    if (c && level >= 0) list.push({ componentId: c.id, birnbaum: birnbaum[level] as number });
  }
  return list.sort((a, b) => b.birnbaum - a.birnbaum);
}

/** The method sentence: how the figures were computed, for a reviewer. */
export function methodOf(vars: VariableTable, nodes: number, maxOrder: number): string {
  let components = 0;
  for (const c of vars.component) if (c >= 0) components++;
  const branches = vars.count - components;
  return (
    `Exact: the request's structure function over ${components} component up/down states` +
    (branches > 0 ? ` and ${branches} branch variables` : '') +
    ` was compiled to a binary decision diagram (${nodes.toLocaleString('en-US')} nodes built); availability and ` +
    `Birnbaum importances come from one pass over it, minimal cut sets up to order ${maxOrder} from Rauzy's ` +
    'minimal-solutions algorithm with branch outcomes quantified. Downtime is over a 730-hour month.'
  );
}

/** A name in quotes, for messages. */
export function quote(name: string): string {
  return `"${name}"`;
}
