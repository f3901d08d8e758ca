import type { AttrValue } from '../model/attributes.ts';
import { getConnectionKindSpec, getKindSpec } from '../model/catalog/index.ts';
import type { AttrSpec } from '../model/catalog/types.ts';
import type { ScenarioGraph } from './graph.ts';

/*
 * Which inputs of a result the user never gave: values the catalog marks as assumptions and left at their
 * default, other values left at their catalog default, and unknowns (null) an analysis had to replace. Every
 * result lists them so the UI can mark numbers that rest on them. Computed on demand for the inputs an analysis
 * read, not for every attribute of every component.
 */

export type AssumptionReason = 'assumed' | 'default' | 'unknown';

export interface Assumption {
  readonly elementId: string;
  readonly elementName: string;
  readonly key: string;
  /** The attribute's label in the catalog, e.g. "Availability". */
  readonly label: string;
  readonly value: AttrValue;
  readonly reason: AssumptionReason;
}

function sameValue(a: AttrValue | undefined, b: AttrValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

function reasonFor(spec: AttrSpec, value: AttrValue | undefined): AssumptionReason | null {
  if (value === null) return 'unknown';
  if (value === undefined || !sameValue(value, spec.default)) return null;
  return spec.assumed ? 'assumed' : 'default';
}

function specsByKey(specs: readonly AttrSpec[]): Map<string, AttrSpec> {
  return new Map(specs.map((s) => [s.key, s]));
}

const componentSpecCache = new Map<string, Map<string, AttrSpec>>();
const connectionSpecCache = new Map<string, Map<string, AttrSpec>>();

/**
 * At most this many assumptions are listed per result: a large design left at its defaults would otherwise
 * list hundreds of thousands (tens of MB through the worker), which nobody reads; the first ones name the kind
 * of gap, and the UI says the list was cut.
 */
export const MAX_ASSUMPTIONS = 200;

/**
 * The assumptions behind `keys` of the given components and connections (indices into `graph`), in the
 * order given, at most `limit` (MAX_ASSUMPTIONS). Keys a kind does not have are skipped.
 */
export function assumptionsOf(
  graph: ScenarioGraph,
  reads: {
    components?: readonly number[];
    componentKeys?: readonly string[];
    connections?: readonly number[];
    connectionKeys?: readonly string[];
  },
  limit = MAX_ASSUMPTIONS,
): Assumption[] {
  const found: Assumption[] = [];
  for (const i of reads.components ?? []) {
    if (found.length >= limit) return found;
    const c = graph.components[i];
    if (!c) continue;
    let specs = componentSpecCache.get(c.kind);
    if (!specs) componentSpecCache.set(c.kind, (specs = specsByKey(getKindSpec(c.kind).attributes)));
    for (const key of reads.componentKeys ?? []) {
      const spec = specs.get(key);
      const reason = spec ? reasonFor(spec, c.attributes[key]) : null;
      if (spec && reason) {
        found.push({
          elementId: c.id,
          elementName: c.name,
          key,
          label: spec.label,
          value: c.attributes[key] ?? null,
          reason,
        });
      }
    }
  }
  for (const i of reads.connections ?? []) {
    if (found.length >= limit) return found;
    const e = graph.connections[i];
    if (!e) continue;
    let specs = connectionSpecCache.get(e.kind);
    if (!specs)
      connectionSpecCache.set(e.kind, (specs = specsByKey(getConnectionKindSpec(e.kind).attributes)));
    const name = (): string =>
      `${graph.components[e.source]?.name ?? '?'} → ${graph.components[e.target]?.name ?? '?'}`;
    for (const key of reads.connectionKeys ?? []) {
      const spec = specs.get(key);
      const reason = spec ? reasonFor(spec, e.attributes[key]) : null;
      if (spec && reason) {
        found.push({
          elementId: e.id,
          elementName: name(),
          key,
          label: spec.label,
          value: e.attributes[key] ?? null,
          reason,
        });
      }
    }
  }
  return found;
}
