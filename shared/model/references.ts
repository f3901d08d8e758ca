import type { EntityCollection, EntityOf } from './document.ts';
import type { RefReader } from './draft.ts';
import type { DraftView, EntityLookup } from './entities.ts';
import { entityRow } from './entities.ts';
import {
  connectionName,
  endpointsProblem,
  groupSourceProblem,
  journeyEntryProblem,
  parentProblem,
  plural,
  q,
  scenarioProblem,
} from './rules.ts';
import type { EntityLookup as Lookup } from './entities.ts';

/** Why connection `e` cannot be a member of its group (missing, other scenario, other source, a fallback). */
function groupMemberProblem(e: EntityOf<'connections'>, lookup: Lookup): string | null {
  if (e.groupId === null) return null;
  const group = lookup.find('groups', e.groupId);
  const name = connectionName(e, lookup);
  if (!group) return `${name} is in a group that does not exist (${e.groupId}).`;
  if (group.scenarioId !== e.scenarioId)
    return `${name} cannot join group ${q(group.name)}: it is in another scenario.`;
  if (group.sourceId !== e.sourceId) {
    return `${name} cannot join group ${q(group.name)}: a group's connections all leave from its source component.`;
  }
  if (e.kind === 'fallback') {
    return `${name} cannot join group ${q(group.name)}: a fallback backs up one call, it is not a branch of its own.`;
  }
  return null;
}

/** Why connection `e` cannot back up its primary (not a fallback, missing, itself, other source, a loop). */
function primaryProblem(e: EntityOf<'connections'>, lookup: Lookup): string | null {
  if (e.primaryId === null) return null;
  const name = connectionName(e, lookup);
  if (e.kind !== 'fallback') return `${name} is not a fallback, so it backs up no call: clear its primary.`;
  if (e.primaryId === e.id) return `${name} cannot back up itself.`;
  const primary = lookup.find('connections', e.primaryId);
  if (!primary) return `${name} backs up a connection that does not exist (${e.primaryId}).`;
  if (primary.sourceId !== e.sourceId) {
    return `${name} cannot back up ${connectionName(primary, lookup, 'the')}: a fallback leaves from the same component as the call it backs up.`;
  }
  // A chain of fallbacks (a fallback of a fallback) must end at a call.
  let at: EntityOf<'connections'> | undefined = primary;
  for (let depth = 0; at && at.primaryId !== null; depth++) {
    if (at.primaryId === e.id || depth > 64)
      return `${name} would back up a chain of fallbacks that leads back to it.`;
    at = lookup.find('connections', at.primaryId);
  }
  return null;
}

/** Why a journey's explicit route names a connection that is missing or in another scenario, or null. */
function routeProblem(j: EntityOf<'journeys'>, lookup: Lookup): string | null {
  for (const id of j.route ?? []) {
    const e = lookup.find('connections', id);
    if (!e) return `The route of journey ${q(j.name)} names a connection that does not exist (${id}).`;
    if (e.scenarioId !== j.scenarioId) {
      return `The route of journey ${q(j.name)} takes ${connectionName(e, lookup, 'the')}, which is in another scenario.`;
    }
  }
  if (j.route && new Set(j.route).size !== j.route.length)
    return `The route of journey ${q(j.name)} names a connection twice.`;
  return null;
}

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
  scenarioMember('groups', 'connection group'),
  reference({
    from: 'groups',
    ids: [(g) => g.sourceId],
    to: 'components',
    path: 'sourceId',
    check: groupSourceProblem,
    onRemove: { clause: (n) => `${plural(n, 'connection group')} still leave from it.` },
  }),
  reference({
    from: 'connections',
    ids: [(e) => e.groupId],
    to: 'groups',
    path: 'groupId',
    check: groupMemberProblem,
    onRemove: { clause: (n) => `${plural(n, 'connection')} ${n === 1 ? 'is' : 'are'} still in it.` },
  }),
  reference({
    from: 'connections',
    ids: [(e) => e.primaryId],
    to: 'connections',
    path: 'primaryId',
    check: primaryProblem,
    onRemove: { clause: (n) => `${plural(n, 'fallback')} still back${n === 1 ? 's' : ''} it up.` },
  }),
  reference({
    from: 'journeys',
    ids: [(j) => j.route],
    to: 'connections',
    path: 'route',
    check: routeProblem,
    onRemove: {
      clause: (_n, connection, view) => {
        const names: string[] = [];
        view.forEach('journeys', (j) => {
          if (j.route?.includes(connection.id)) names.push(q(j.name));
        });
        return `it is on the route of journey ${names.join(', ')}.`;
      },
    },
  }),
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
