import type { AttrValue, Attributes } from './attributes.ts';
import type { Component, Connection, Design, Journey, Meta, Risk, Scenario } from './document.ts';
import { DraftTable, RefCount } from './draft.ts';
import type { AttributeProblem } from './catalog/index.ts';
import type { ModelLookup } from './integrity.ts';
import { plural } from './integrity.ts';

/*
 * The working state of one applyOperations call: copy-on-write tables plus the reference counts that let
 * each operation check its references in constant time, and the small helpers the operations share.
 */

export class Draft implements ModelLookup {
  meta: Meta;
  readonly scenarios: DraftTable<Scenario>;
  readonly components: DraftTable<Component>;
  readonly connections: DraftTable<Connection>;
  readonly journeys: DraftTable<Journey>;
  readonly decisions: DraftTable<Design['decisions'][number]>;
  readonly risks: DraftTable<Risk>;
  readonly snapshots: DraftTable<Design['snapshots'][number]>;
  readonly connectionsByComponent: RefCount<Connection>;
  readonly childrenByParent: RefCount<Component>;
  readonly journeysByEntry: RefCount<Journey>;
  readonly componentsByScenario: RefCount<Component>;
  readonly connectionsByScenario: RefCount<Connection>;
  readonly journeysByScenario: RefCount<Journey>;
  readonly risksByFinding: RefCount<Risk>;

  constructor(design: Design) {
    this.meta = design.meta;
    this.scenarios = new DraftTable(design.scenarios);
    this.components = new DraftTable(design.components);
    this.connections = new DraftTable(design.connections);
    this.journeys = new DraftTable(design.journeys);
    this.decisions = new DraftTable(design.decisions);
    this.risks = new DraftTable(design.risks);
    this.snapshots = new DraftTable(design.snapshots);
    this.connectionsByComponent = new RefCount(
      this.connections,
      (e) => e.sourceId,
      (e) => e.targetId,
    );
    this.childrenByParent = new RefCount(this.components, (c) => c.parentId);
    this.journeysByEntry = new RefCount(this.journeys, (j) => j.entryId);
    this.componentsByScenario = new RefCount(this.components, (c) => c.scenarioId);
    this.connectionsByScenario = new RefCount(this.connections, (e) => e.scenarioId);
    this.journeysByScenario = new RefCount(this.journeys, (j) => j.scenarioId);
    this.risksByFinding = new RefCount(this.risks, (r) => r.findingId);
  }

  scenario(id: string): Scenario | undefined {
    return this.scenarios.get(id);
  }

  component(id: string): Component | undefined {
    return this.components.get(id);
  }

  result(design: Design): Design {
    return {
      ...design,
      meta: this.meta,
      scenarios: this.scenarios.result() as Scenario[],
      components: this.components.result() as Component[],
      connections: this.connections.result() as Connection[],
      journeys: this.journeys.result() as Journey[],
      decisions: this.decisions.result() as Design['decisions'],
      risks: this.risks.result() as Risk[],
      snapshots: this.snapshots.result() as Design['snapshots'],
    };
  }
}

/** Thrown inside the loop; turned into an OperationError with the operation's index. */
export class Refusal extends Error {}

export function refuse(message: string | null): void {
  if (message !== null) throw new Refusal(message);
}

export function attributesMessage(subject: string, problems: readonly AttributeProblem[]): string | null {
  const first = problems[0];
  if (!first) return null;
  if (problems.length === 1) return `${subject}: ${first.message}`;
  return `${subject}: ${first.message.replace(/\.$/, '')} (and ${plural(problems.length - 1, 'more problem')}).`;
}

/** The keys of `changes` that carry a value (an explicit undefined changes nothing). */
function changedKeys<T extends object>(changes: T): (keyof T & string)[] {
  return (Object.keys(changes) as (keyof T & string)[]).filter((k) => changes[k] !== undefined);
}

/** Copies `changes` over `entity` and returns the new entity and the old values of the changed keys. */
export function patch<T extends object, C extends object>(entity: T, changes: C): { next: T; previous: C } {
  const next = { ...entity } as Record<string, unknown>;
  const previous: Record<string, unknown> = {};
  for (const key of changedKeys(changes)) {
    previous[key] = (entity as Record<string, unknown>)[key];
    next[key] = changes[key];
  }
  return { next: next as T, previous: previous as C };
}

/** Applies an attribute patch; `previous` holds the old value of every patched key. */
export function patchAttributes(
  bag: Attributes,
  changes: Attributes,
): { next: Attributes; previous: Attributes } {
  const previous: Attributes = {};
  for (const key of Object.keys(changes)) {
    const old = bag[key];
    // A bag is complete for its kind, so every valid key has a value to restore.
    if (old !== undefined) previous[key] = old;
  }
  return { next: { ...bag, ...changes }, previous };
}

export function sameValue(a: AttrValue, b: AttrValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

export function missing(what: string, id: string): string {
  return `There is no ${what} with id ${id} (it may have been removed).`;
}
