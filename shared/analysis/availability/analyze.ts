import { assumptionsOf } from '../assumptions.ts';
import { MINUTES_PER_MONTH } from '../graph.ts';
import type { GraphConnection, GraphJourney, ScenarioGraph } from '../graph.ts';
import { isFallback } from '../request-path.ts';
import type { RequestPath } from '../request-path.ts';
import { BddBudgetError, DecisionDiagram } from './bdd.ts';
import { compileJourney } from './compile.ts';
import { diagramProbabilities, failureProbability } from './probability.ts';
import { cutSetReport, extraNineBreaches, importanceOf, methodOf, quote } from './report.ts';
import type { AvailabilityOptions, JourneyAvailability } from './types.ts';
import { orderVariables } from './variables.ts';

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
  const report = cutSetReport(graph, journey, dd, root, vars, maxOrder, limit);
  warnings.push(...report.warnings);

  return {
    journeyId: journey.id,
    value,
    downtimeMinutesPerMonth: failure * MINUTES_PER_MONTH,
    degradedProbability: degraded,
    degradedMinutesPerMonth: degraded * MINUTES_PER_MONTH,
    slo,
    meetsSlo: slo === null ? null : value >= slo - SLO_TOLERANCE,
    cutSets: report.cutSets,
    cutSetsTruncated: report.truncated,
    singlePointsOfFailure: report.singles.map((c) => c.id),
    extraNine: slo === null ? [] : extraNineBreaches(report.singles, slo),
    importance: importanceOf(graph, path, vars, birnbaum),
    method: methodOf(vars, diagramNodes, maxOrder),
    assumptions,
    errors,
    warnings,
  };
}
