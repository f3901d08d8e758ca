import type { EntityCollection, EntityOf } from './document.ts';
import type { RefReader } from './draft.ts';
import type { DraftView, EntityLookup } from './entities.ts';
import { entityRow } from './entities.ts';
import { endpointsProblem, journeyEntryProblem, parentProblem, plural, q, scenarioProblem } from './rules.ts';

/*
 * One row per reference between entities: which fields of which collection hold ids of which collection, what
 * makes a reference valid (checked on add, on an update that changes the ids, and on load), and what a removal
 * of a referenced entity says while references remain. applyOperations keeps a count per row (how many entities
 * refer to each id) so that each check costs constant time. The order of the rows is the order of the checks.
 */

/** Why the removal of a referenced entity is refused while `count` entities still refer to it. */
type RemoveRefusal<T extends EntityCollection> =
  /** The clause after "Cannot remove <subject>: ". */
  | { readonly clause: (count: number, target: EntityOf<T>, view: DraftView) => string }
  /** The referring entities are its contents: listed together in "it still has 2 components, 1 journey." */
  | { readonly contents: string };

/** A reference from the entities of collection F to the entities of collection T. */
export interface Reference<F extends EntityCollection, T extends EntityCollection> {
  readonly from: F;
  /** Reads each field that holds ids of T (a field may hold null, an id or a list of ids). */
  readonly ids: readonly RefReader<EntityOf<F>>[];
  readonly to: T;
  /** The field validateDesign names in a problem; none when the reference spans several fields. */
  readonly path?: keyof EntityOf<F> & string;
  /** Why `entity` cannot refer where it does (missing, wrong kind, other scenario...), or null. */
  check(entity: EntityOf<F>, lookup: EntityLookup): string | null;
  readonly onRemove: RemoveRefusal<T>;
}

/** A reference row of any collections, as the generic code holds it. */
export type AnyReference = Reference<EntityCollection, EntityCollection>;

function reference<F extends EntityCollection, T extends EntityCollection>(
  row: Reference<F, T>,
): AnyReference {
  return row as unknown as AnyReference;
}

/** The collections whose entities belong to a scenario. */
type ScenarioMembers = {
  [K in EntityCollection]: EntityOf<K> extends { scenarioId: string } ? K : never;
}[EntityCollection];

/** The scenario an entity belongs to: it must exist, and a scenario with contents cannot be removed. */
function scenarioMember<F extends ScenarioMembers>(from: F, word: string): AnyReference {
  return reference<F, 'scenarios'>({
    from,
    ids: [(entity) => entity.scenarioId],
    to: 'scenarios',
    path: 'scenarioId' as keyof EntityOf<F> & string,
    check: (entity, lookup) =>
      lookup.scenario(entity.scenarioId)
        ? null
        : scenarioProblem(entityRow(from).title(entity, lookup), entity.scenarioId, lookup),
    onRemove: { contents: word },
  });
}

export const REFERENCES: readonly AnyReference[] = [
  scenarioMember('components', 'component'),
  scenarioMember('connections', 'connection'),
  scenarioMember('journeys', 'journey'),
  reference({
    from: 'connections',
    ids: [(e) => e.sourceId, (e) => e.targetId],
    to: 'components',
    check: endpointsProblem,
    onRemove: { clause: (n) => `${plural(n, 'connection')} still use it.` },
  }),
  reference({
    from: 'components',
    ids: [(c) => c.parentId],
    to: 'components',
    path: 'parentId',
    check: (c, lookup) => (c.parentId === null ? null : parentProblem(c, c.parentId, lookup)),
    onRemove: { clause: (n) => `it still contains ${plural(n, 'component')}.` },
  }),
  reference({
    from: 'journeys',
    ids: [(j) => j.entryId],
    to: 'components',
    path: 'entryId',
    check: journeyEntryProblem,
    onRemove: {
      clause: (_n, component, view) => {
        const names: string[] = [];
        view.forEach('journeys', (j) => {
          if (j.entryId === component.id) names.push(q(j.name));
        });
        return `it is the entry of journey ${names.join(', ')}.`;
      },
    },
  }),
];

function byCollection(side: 'from' | 'to'): ReadonlyMap<EntityCollection, readonly AnyReference[]> {
  const map = new Map<EntityCollection, AnyReference[]>();
  for (const ref of REFERENCES) {
    const list = map.get(ref[side]);
    if (list) list.push(ref);
    else map.set(ref[side], [ref]);
  }
  return map;
}

const outgoing = byCollection('from');
const incoming = byCollection('to');

/** The references the entities of `key` hold, in check order. */
export function referencesFrom(key: EntityCollection): readonly AnyReference[] {
  return outgoing.get(key) ?? [];
}

/** The references that point at the entities of `key`, in check order. */
export function referencesTo(key: EntityCollection): readonly AnyReference[] {
  return incoming.get(key) ?? [];
}

/** validateDesign's path suffix for a problem of `ref`: ".field", or "" for a reference over several fields. */
export function referencePath(ref: AnyReference): string {
  return ref.path === undefined ? '' : `.${ref.path}`;
}
