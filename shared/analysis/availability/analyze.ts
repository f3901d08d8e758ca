import { assumptionsOf } from '../assumptions.ts';
import { MINUTES_PER_MONTH } from '../graph.ts';
import type { GraphComponent, GraphConnection, GraphJourney, ScenarioGraph } from '../graph.ts';
import { isFallback } from '../request-path.ts';
import type { RequestPath } from '../request-path.ts';
import { BddBudgetError, DecisionDiagram, TRUE } from './bdd.ts';
import { compileJourney } from './compile.ts';
import { minimalCutSetFamily, selectCutSets } from './cut-sets.ts';
import type { LeveledCutSet } from './cut-sets.ts';
import { DownSetEvaluator } from './point.ts';
import { diagramProbabilities, failureProbability } from './probability.ts';
import { quantifyBranches } from './quantify.ts';
import type {
  AvailabilityOptions,
  ComponentImportance,
  CutSet,
  ExtraNineBreach,
  JourneyAvailability,
} from './types.ts';
import { orderVariables } from './variables.ts';
import type { VariableTable } from './variables.ts';

/*
 * A journey's availability (DOMAIN.md §2.3): the exact probability that one request succeeds, from the BDD of
 * its structure function, with downtime, the degraded-mode share served by fallbacks, minimal cut sets (single
 * points of failure first), the "extra nine" check of single points against the SLO, and Birnbaum importance.
 */

export const DEFAULT_NODE_BUDGET = 2_000_000;
export const DEFAULT_CUT_SET_LIMIT = 200;
const MAX_CUT_SET_ORDER = 3;
/** An availability within this of the SLO meets it (rounding of the exact value, not a modelling margin). */
const SLO_TOLERANCE = 1e-12;

const COMPONENT_KEYS = [
  'availability',
  'availability_scope',
  'replicas',
  'replicas_needed',
  'redundancy_mode',
  'min_replicas',
  'autoscaling',
];
const CONNECTION_KEYS = ['probability'];

/** Exact availability of `journey` over its request `path` (from buildRequestPath). */
export function analyzeJourneyAvailability(
  graph: ScenarioGraph,
  path: RequestPath,
  journey: GraphJourney,
  options: AvailabilityOptions = {},
): JourneyAvailability {
  const errors = [...path.errors];
  const warnings = [...path.warnings];
  const assumptions = assumptionsOf(graph, {
    components: path.order.length > 0 ? path.order : [journey.entry],
    componentKeys: COMPONENT_KEYS,
    // A fallback's own probability is never read: it is taken exactly when its primary fails.
    connections: path.syncEdges.filter((e) => !isFallback(graph.connections[e] as GraphConnection)),
    connectionKeys: CONNECTION_KEYS,
  });
  const slo = journey.availabilitySlo;
  const empty = (method: string): JourneyAvailability => ({
    journeyId: journey.id,
    value: null,
    downtimeMinutesPerMonth: null,
    degradedProbability: null,
    degradedMinutesPerMonth: null,
    slo,
    meetsSlo: null,
    cutSets: [],
    cutSetsTruncated: false,
    singlePointsOfFailure: [],
    extraNine: [],
    importance: [],
    method,
    assumptions,
    errors,
    warnings,
  });
  if (errors.length > 0) return empty('Not computed: the request path has errors.');

  const nodeBudget = options.nodeBudget ?? DEFAULT_NODE_BUDGET;
  const vars = orderVariables(graph, path);
  // Sized for the usual case (a few dozen nodes per variable) so the store rarely grows and rehashes.
  const dd = new DecisionDiagram(nodeBudget, 16 * vars.count);
  let root: number;
  let value: number;
  let failure: number;
  let degraded: number;
  let birnbaum: Float64Array;
  try {
    const compiled = compileJourney(graph, path, vars, dd);
    root = compiled.root;
    const probabilities = diagramProbabilities(dd, root, vars);
    value = probabilities.success;
    failure = probabilities.failure;
    birnbaum = probabilities.importance;
    // P(S) − P(S without fallbacks), as a difference of failure probabilities to keep its digits.
    degraded =
      compiled.rootWithoutFallbacks === root
        ? 0
        : Math.max(0, failureProbability(dd, compiled.rootWithoutFallbacks, vars) - failure);
  } catch (error) {
    if (!(error instanceof BddBudgetError)) throw error;
    errors.push(
      `The availability of ${quote(journey.name)} needs more than ${nodeBudget.toLocaleString('en-US')} ` +
        'decision-diagram nodes, the limit that keeps the analysis responsive. Narrow the journey’s route or ' +
        'split it into smaller journeys.',
    );
    return empty('Not computed: the decision diagram exceeded its node budget.');
  }
  const diagramNodes = dd.size;

  const maxOrder = Math.min(MAX_CUT_SET_ORDER, Math.max(1, Math.floor(options.maxCutSetOrder ?? 3)));
  const limit = Math.max(0, Math.floor(options.cutSetLimit ?? DEFAULT_CUT_SET_LIMIT));
  let cutSets: CutSet[] = [];
  let cutSetsTruncated: boolean;
  let singles: readonly number[] = [];
  try {
    const allOutcomes = quantifyBranches(dd, root, vars, 'every');
    const family = minimalCutSetFamily(dd, allOutcomes, maxOrder);
    if (family === TRUE) {
      warnings.push(
        `A request of ${quote(journey.name)} can fail with every component up (a k-of-n group whose ` +
          'probabilistic branches can leave too few answers), so no set of component failures is a minimal ' +
          'cut set. Raise those branches’ probabilities or lower k.',
      );
    }
    const selection = selectCutSets(dd, family, vars, maxOrder, limit);
    const someOutcome = vars.hasBranchVariables
      ? new DownSetEvaluator(dd, quantifyBranches(dd, root, vars, 'some'))
      : null;
    cutSets = selection.sets.map((set) => describeCutSet(graph, vars, someOutcome, set));
    cutSetsTruncated = selection.truncated;
    singles = selection.singles;
  } catch (error) {
    if (!(error instanceof BddBudgetError)) throw error;
    cutSetsTruncated = true;
    warnings.push(
      'Minimal cut sets were not computed: they need more decision-diagram nodes than the analysis allows. ' +
        'The availability figure is exact; narrow the route to see the cut sets.',
    );
  }

  const componentAt = (level: number): GraphComponent =>
    graph.components[vars.component[level] as number] as GraphComponent;
  const extraNine: ExtraNineBreach[] = [];
  if (slo !== null) {
    // Treynor et al. 2017, "The calculus of service availability": a critical dependency should have about
    // ten times less unavailability than the service's objective allows.
    const allowed = (1 - slo) / 10;
    for (const level of singles) {
      if ((vars.complement[level] as number) <= allowed * (1 + 1e-9)) continue;
      const c = componentAt(level);
      extraNine.push({
        componentId: c.id,
        componentName: c.name,
        availability: c.serviceAvailability,
        requiredAvailability: 1 - allowed,
      });
    }
  }

  return {
    journeyId: journey.id,
    value,
    downtimeMinutesPerMonth: failure * MINUTES_PER_MONTH,
    degradedProbability: degraded,
    degradedMinutesPerMonth: degraded * MINUTES_PER_MONTH,
    slo,
    meetsSlo: slo === null ? null : value >= slo - SLO_TOLERANCE,
    cutSets,
    cutSetsTruncated,
    singlePointsOfFailure: singles.map((level) => componentAt(level).id),
    extraNine,
    importance: importanceOf(graph, path, vars, birnbaum),
    method: methodOf(vars, diagramNodes, maxOrder),
    assumptions,
    errors,
    warnings,
  };
}

/** `someOutcome` tells whether the request can still succeed on some branch outcome; null without branches. */
function describeCutSet(
  graph: ScenarioGraph,
  vars: VariableTable,
  someOutcome: DownSetEvaluator | null,
  set: LeveledCutSet,
): CutSet {
  const members = set.levels.map(
    (level) => graph.components[vars.component[level] as number] as GraphComponent,
  );
  return {
    componentIds: members.map((c) => c.id),
    componentNames: members.map((c) => c.name),
    order: members.length,
    probability: set.probability,
    conditional: someOutcome !== null && someOutcome.holdsWithDown(set.levels),
  };
}

function importanceOf(
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
  // Array.prototype.sort is stable: equal importances keep the path order.
  return list.sort((a, b) => b.birnbaum - a.birnbaum);
}

function methodOf(vars: VariableTable, nodes: number, maxOrder: number): string {
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

function quote(name: string): string {
  return `"${name}"`;
}
