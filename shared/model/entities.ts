import type { z } from 'zod';
import {
  componentAttributeProblems,
  connectionAttributeProblems,
  defaultConnectionAttributes,
} from './catalog/index.ts';
import type { EntityCollection, EntityOf } from './document.ts';
import {
  componentSchema,
  connectionGroupSchema,
  connectionSchema,
  decisionSchema,
  journeySchema,
  riskSchema,
  scenarioSchema,
  snapshotSchema,
} from './document.ts';
import { sameAttrValue } from './attribute-values.ts';
import { attributesMessage, patchAttributes } from './patch.ts';
import type { ModelLookup } from './rules.ts';
import { connectionName, groupShapeProblem, q } from './rules.ts';

/*
 * One row per entity collection: everything the model needs to know about an entity to edit and check it.
 * The operations (operations.ts), applyOperations (apply.ts), validateDesign (integrity.ts) and the store
 * (electron/store/tables.ts, touched.ts) all read this table; references between entities, and the refusals
 * they cause, are rows of references.ts. A new entity is a schema in document.ts, a row here, a row in the
 * store's table and a migration.
 */

/** How the checks see the design they check: any entity by collection and id. */
export interface EntityLookup extends ModelLookup {
  /** The entity with `id` in collection `key`, or undefined. */
  find<K extends EntityCollection>(key: K, id: string): EntityOf<K> | undefined;
  /**
   * True when the design was written with a newer catalog: attribute keys this build does not know are that
   * catalog's additions and are kept, not refused (catalog/validate.ts).
   */
  readonly keepUnknownAttributes: boolean;
}

/** How the checks of an edit see the design being edited. */
export interface DraftView extends EntityLookup {
  /** The number of entities in a collection. */
  size(key: EntityCollection): number;
  /** Calls `fn` on each entity of a collection, in id order. */
  forEach<K extends EntityCollection>(key: K, fn: (entity: EntityOf<K>) => void): void;
}

/** A problem of one entity in a loaded design; `path` is relative to the entity (e.g. attributes.p95_ms). */
export interface EntityProblem {
  readonly path: string;
  readonly message: string;
}

/** A field other than the id that no two entities of a collection share (a risk's finding). */
export interface UniqueKey<K extends EntityCollection> {
  readonly field: keyof EntityOf<K> & string;
  /** Why `entity` cannot be added (or changed) while another entity holds the same value. */
  taken(entity: EntityOf<K>): string;
  /** The problem of a loaded design in which `entity` holds a value an earlier entity holds. */
  twice(entity: EntityOf<K>): string;
}

/*
 * Hooks are methods (not function properties) so that a row of one collection is also a row of the union of
 * collections, which is how the generic code in apply.ts and integrity.ts holds them.
 */

/** What the model knows about the entities of collection K. */
export interface EntityRow<K extends EntityCollection> {
  /** The operation prefix: "component" names component.add, .update and .remove, and the add's payload key. */
  readonly prefix: string;
  /** The schema of a whole entity (what an add carries). */
  readonly schema: z.ZodType<EntityOf<K>>;
  /** What an update may change: a strict partial object, without the fields that never change. */
  readonly changes: z.ZodType<Partial<EntityOf<K>>>;
  /** The word for it in "There is no <noun> with id ...". */
  readonly noun: string;
  /**
   * True when it carries an `attributes` bag: the catalog checks the bag (the operation schema does not), and an
   * update's `attributes` is a patch that onUpdate applies.
   */
  readonly hasAttributes?: boolean;
  /** Fields other than the id that must be unique in the collection. */
  readonly unique?: readonly UniqueKey<K>[];
  /** Names it at the start of a sentence: 'Component "Cache"', 'A connection'. */
  title(entity: EntityOf<K>, lookup: ModelLookup): string;
  /** Names it after a verb ("Cannot remove ..."): '"Cache"', 'scenario "Baseline"'. */
  subject(entity: EntityOf<K>, lookup: ModelLookup): string;
  /** Why `entity` cannot be added while `taken` holds its id. */
  duplicate(entity: EntityOf<K>, taken: EntityOf<K>): string;
  /** Why `entity` cannot be added, after the id, its references and unique keys passed; or null. */
  onAdd?(entity: EntityOf<K>, view: DraftView): string | null;
  /**
   * Why an update cannot apply, after its references passed; or null. `next` and `previous` hold the plain
   * fields of `changes` already; the hook completes them (the attribute patch) when it accepts.
   */
  onUpdate?(
    old: EntityOf<K>,
    next: EntityOf<K>,
    changes: Partial<EntityOf<K>>,
    previous: Partial<EntityOf<K>>,
    view: DraftView,
  ): string | null;
  /** Why `entity` cannot be removed, as the clause after "Cannot remove <subject>: ", or null. */
  onRemove?(entity: EntityOf<K>, view: DraftView): string | null;
  /** Problems of a loaded entity besides its references and unique keys (attributes against the catalog). */
  problems?(entity: EntityOf<K>, lookup: EntityLookup): EntityProblem[];
}

/** Checks that the table has a row for every collection, and keeps each row's precise (literal) types. */
function entityTable<const T extends { readonly [K in EntityCollection]: EntityRow<K> }>(rows: T): T {
  return rows;
}

export const ENTITIES = entityTable({
  scenarios: {
    prefix: 'scenario',
    schema: scenarioSchema,
    changes: scenarioSchema.omit({ id: true }).partial().strict(),
    noun: 'scenario',
    title: (s) => `Scenario ${q(s.name)}`,
    subject: (s) => `scenario ${q(s.name)}`,
    duplicate: (s, taken) =>
      `Cannot add scenario ${q(s.name)}: the id ${s.id} is already used by ${q(taken.name)}.`,
    onRemove: (_s, view) => (view.size('scenarios') === 1 ? 'a design keeps at least one scenario.' : null),
  },
  components: {
    prefix: 'component',
    schema: componentSchema,
    // A component keeps its kind (a new kind is a new component); the shapes come from its own schema.
    changes: componentSchema.omit({ id: true, scenarioId: true, kind: true }).partial().strict(),
    noun: 'component',
    hasAttributes: true,
    title: (c) => `Component ${q(c.name)}`,
    subject: (c) => q(c.name),
    duplicate: (c, taken) => `Cannot add ${q(c.name)}: the id ${c.id} is already used by ${q(taken.name)}.`,
    onAdd: (c, view) =>
      attributesMessage(
        `Cannot add ${q(c.name)}`,
        componentAttributeProblems(c.kind, c.attributes, true, view.keepUnknownAttributes),
      ),
    onUpdate: (old, next, changes, previous, view) => {
      if (changes.attributes === undefined) return null;
      const problems = componentAttributeProblems(
        old.kind,
        changes.attributes,
        false,
        view.keepUnknownAttributes,
      );
      const problem = attributesMessage(`Cannot change ${q(old.name)}`, problems);
      if (problem !== null) return problem;
      const bags = patchAttributes(old.attributes, changes.attributes);
      next.attributes = bags.next;
      previous.attributes = bags.previous;
      return null;
    },
    problems: (c, lookup) =>
      componentAttributeProblems(c.kind, c.attributes, true, lookup.keepUnknownAttributes).map((p) => ({
        path: `attributes.${p.key}`,
        message: `${q(c.name)}: ${p.message}`,
      })),
  },
  connections: {
    prefix: 'connection',
    schema: connectionSchema,
    // Everything but the id and the scenario may change; the shapes come from the entity's own schema.
    changes: connectionSchema.omit({ id: true, scenarioId: true }).partial().strict(),
    noun: 'connection',
    hasAttributes: true,
    title: () => 'A connection',
    subject: (e, lookup) => connectionName(e, lookup, 'the'),
    duplicate: (e) => `Cannot add the connection: the id ${e.id} is already used.`,
    onAdd: (e, view) =>
      connectionRoleProblem(e, view) ??
      attributesMessage(
        connectionName(e, view),
        connectionAttributeProblems(e.kind, e.attributes, true, view.keepUnknownAttributes),
      ),
    onUpdate: (old, next, changes, previous, view) => {
      const role = connectionRoleProblem(next, view) ?? sourceMoveProblem(old, next, view);
      if (role !== null) return role;
      const patchBag = changes.attributes;
      if (next.kind !== old.kind) {
        // A new kind may carry other attributes and defaults: keep what the user set, default the rest.
        const base = defaultConnectionAttributes(next.kind);
        const oldDefaults = defaultConnectionAttributes(old.kind);
        for (const key of Object.keys(base)) {
          const kept = old.attributes[key];
          if (kept !== undefined && !sameAttrValue(kept, oldDefaults[key])) base[key] = kept;
        }
        const bag = { ...base, ...patchBag };
        const problems = connectionAttributeProblems(next.kind, bag, true, view.keepUnknownAttributes);
        const problem = attributesMessage(connectionName(next, view), problems);
        if (problem !== null) return problem;
        next.attributes = bag;
        previous.attributes = old.attributes;
      } else if (patchBag !== undefined) {
        const problems = connectionAttributeProblems(old.kind, patchBag, false, view.keepUnknownAttributes);
        const problem = attributesMessage(connectionName(next, view), problems);
        if (problem !== null) return problem;
        const bags = patchAttributes(old.attributes, patchBag);
        next.attributes = bags.next;
        previous.attributes = bags.previous;
      }
      return null;
    },
    problems: (e, lookup) => {
      const problems = connectionAttributeProblems(e.kind, e.attributes, true, lookup.keepUnknownAttributes);
      if (problems.length === 0) return [];
      const name = connectionName(e, lookup);
      return problems.map((p) => ({ path: `attributes.${p.key}`, message: `${name}: ${p.message}` }));
    },
  },
  groups: {
    prefix: 'group',
    schema: connectionGroupSchema,
    // A group stays with its source: moving one means removing it and making another.
    changes: connectionGroupSchema.omit({ id: true, scenarioId: true, sourceId: true }).partial().strict(),
    noun: 'connection group',
    title: (g) => `Group ${q(g.name)}`,
    subject: (g) => `group ${q(g.name)}`,
    duplicate: (g, taken) =>
      `Cannot add group ${q(g.name)}: the id ${g.id} is already used by ${q(taken.name)}.`,
    onAdd: (g) => groupShapeProblem(g),
    onUpdate: (_old, next) => groupShapeProblem(next),
    problems: (g) => {
      const problem = groupShapeProblem(g);
      return problem === null ? [] : [{ path: 'type', message: problem }];
    },
  },
  journeys: {
    prefix: 'journey',
    schema: journeySchema,
    changes: journeySchema.omit({ id: true, scenarioId: true }).partial().strict(),
    noun: 'journey',
    title: (j) => `Journey ${q(j.name)}`,
    subject: (j) => `journey ${q(j.name)}`,
    duplicate: (j, taken) =>
      `Cannot add journey ${q(j.name)}: the id ${j.id} is already used by ${q(taken.name)}.`,
  },
  decisions: {
    prefix: 'decision',
    schema: decisionSchema,
    changes: decisionSchema.omit({ id: true }).partial().strict(),
    noun: 'decision',
    title: (d) => `Decision ${q(d.title)}`,
    subject: (d) => `decision ${q(d.title)}`,
    duplicate: (d) => `Cannot add decision ${q(d.title)}: the id ${d.id} is already used.`,
  },
  risks: {
    prefix: 'risk',
    schema: riskSchema,
    changes: riskSchema.omit({ id: true, findingId: true }).partial().strict(),
    noun: 'risk entry',
    unique: [
      {
        field: 'findingId',
        taken: (r) => `Finding ${r.findingId} already has a recorded decision; change that one instead.`,
        twice: (r) => `finding ${r.findingId} is tracked twice.`,
      },
    ],
    title: (r) => `The decision on ${r.findingId}`,
    subject: (r) => `the decision on ${r.findingId}`,
    duplicate: (r) => `Cannot record the decision on ${r.findingId}: the id ${r.id} is already used.`,
  },
  snapshots: {
    prefix: 'snapshot',
    schema: snapshotSchema,
    changes: snapshotSchema.pick({ name: true, note: true }).partial().strict(),
    noun: 'snapshot',
    title: (n) => `Snapshot ${q(n.name)}`,
    subject: (n) => `snapshot ${q(n.name)}`,
    duplicate: (n) => `Cannot add snapshot ${q(n.name)}: the id ${n.id} is already used.`,
  },
});

/**
 * Why a connection's kind does not fit its references: only a fallback names a primary, and a fallback is no
 * branch of a group (it backs up one call). Checked on every add and update, since a kind change alone changes
 * no reference (changeConnectionKindOps clears what stops fitting).
 */
function connectionRoleProblem(e: EntityOf<'connections'>, lookup: ModelLookup): string | null {
  if (e.kind !== 'fallback' && e.primaryId !== null) {
    return `${connectionName(e, lookup)} is not a fallback, so it backs up no call: clear its primary.`;
  }
  if (e.kind === 'fallback' && e.groupId !== null) {
    return `${connectionName(e, lookup)} is a fallback: it backs up one call and cannot be a branch of a group.`;
  }
  return null;
}

/** Why a connection may not leave from another component while a group or a fallback ties it to its source. */
function sourceMoveProblem(
  old: EntityOf<'connections'>,
  next: EntityOf<'connections'>,
  view: DraftView,
): string | null {
  if (old.sourceId === next.sourceId) return null;
  if (next.groupId !== null) {
    return `${connectionName(old, view)} is in a group of its source: take it out of the group before moving it.`;
  }
  let backedUp = false;
  view.forEach('connections', (f) => {
    if (f.primaryId === old.id) backedUp = true;
  });
  return backedUp
    ? `${connectionName(old, view)} has a fallback leaving from the same component: move or unlink the fallback first.`
    : null;
}

/** The row of collection `key`, through the uniform row type the generic code uses. */
export function entityRow<K extends EntityCollection>(key: K): EntityRow<K> {
  // entityTable checked each row against EntityRow of its own key; TypeScript cannot follow a generic key.
  return ENTITIES[key] as unknown as EntityRow<K>;
}
