import {
  attributesMessage,
  Draft,
  missing,
  patch,
  patchAttributes,
  Refusal,
  refuse,
  sameValue,
} from './apply-draft.ts';
import {
  componentAttributeProblems,
  connectionAttributeProblems,
  defaultConnectionAttributes,
} from './catalog/index.ts';
import type { Component, Connection, Design } from './document.ts';
import {
  connectionName,
  endpointsProblem,
  journeyEntryProblem,
  parentProblem,
  plural,
  q,
  scenarioProblem,
} from './integrity.ts';
import type { ComponentChanges, ConnectionChanges, Operation } from './operations.ts';
import { OperationError } from './operations.ts';
import { parseOperation } from './operation-parse.ts';

export { validateDesign } from './integrity.ts';

/*
 * Applies edit operations to a design, all or nothing, and computes their inverse. Collections keep id
 * order (the canonical order): new entities are appended (new ids sort last) and an undo that re-adds a
 * removed entity puts it back where it was, so undo restores the original arrays exactly.
 * Semantics worth knowing:
 * - `attributes` in an update is a patch (listed keys set, others unchanged), except when a connection's
 *   `kind` changes: then the connection gets the new kind's defaults, overlaid with the values the user had
 *   set away from the old kind's defaults, overlaid with the patch (the inverse restores the old bag whole).
 * - Removals that would leave references behind are refused; commands.ts builds the cascades.
 */

/** The result of applying operations: the new design and the operations that undo them (in order). */
export interface ApplyResult {
  design: Design;
  inverse: Operation[];
}

function applyOne(d: Draft, op: Operation): Operation {
  switch (op.type) {
    case 'component.add': {
      const c = op.component;
      const taken = d.components.get(c.id);
      if (taken) refuse(`Cannot add ${q(c.name)}: the id ${c.id} is already used by ${q(taken.name)}.`);
      refuse(scenarioProblem(`Component ${q(c.name)}`, c.scenarioId, d));
      if (c.parentId !== null) refuse(parentProblem(c, c.parentId, d));
      refuse(
        attributesMessage(`Cannot add ${q(c.name)}`, componentAttributeProblems(c.kind, c.attributes, true)),
      );
      d.components.add(c);
      d.childrenByParent.added(c);
      d.componentsByScenario.added(c);
      return { type: 'component.remove', id: c.id };
    }
    case 'component.update': {
      const slot = d.components.slotOf(op.id);
      if (slot < 0) throw new Refusal(missing('component', op.id));
      const old = d.components.at(slot);
      const { attributes, ...rest } = op.changes;
      const { next, previous }: { next: Component; previous: ComponentChanges } = patch(old, rest);
      if (rest.parentId !== undefined && rest.parentId !== null)
        refuse(parentProblem(next, rest.parentId, d));
      if (attributes !== undefined) {
        const problems = componentAttributeProblems(old.kind, attributes, false);
        refuse(attributesMessage(`Cannot change ${q(old.name)}`, problems));
        const bags = patchAttributes(old.attributes, attributes);
        next.attributes = bags.next;
        previous.attributes = bags.previous;
      }
      d.components.replace(slot, next);
      d.childrenByParent.removed(old);
      d.childrenByParent.added(next);
      return { type: 'component.update', id: op.id, changes: previous };
    }
    case 'component.remove': {
      const slot = d.components.slotOf(op.id);
      if (slot < 0) throw new Refusal(missing('component', op.id));
      const c = d.components.at(slot);
      const why = `Cannot remove ${q(c.name)}`;
      const connections = d.connectionsByComponent.count(c.id);
      if (connections > 0) refuse(`${why}: ${plural(connections, 'connection')} still use it.`);
      const children = d.childrenByParent.count(c.id);
      if (children > 0) refuse(`${why}: it still contains ${plural(children, 'component')}.`);
      if (d.journeysByEntry.count(c.id) > 0) {
        const names: string[] = [];
        d.journeys.forEach((j) => {
          if (j.entryId === c.id) names.push(q(j.name));
        });
        refuse(`${why}: it is the entry of journey ${names.join(', ')}.`);
      }
      d.components.remove(slot);
      d.childrenByParent.removed(c);
      d.componentsByScenario.removed(c);
      return { type: 'component.add', component: c };
    }
    case 'connection.add': {
      const e = op.connection;
      if (d.connections.get(e.id)) refuse(`Cannot add the connection: the id ${e.id} is already used.`);
      refuse(scenarioProblem('A connection', e.scenarioId, d));
      refuse(endpointsProblem(e, d));
      refuse(
        attributesMessage(connectionName(e, d), connectionAttributeProblems(e.kind, e.attributes, true)),
      );
      d.connections.add(e);
      d.connectionsByComponent.added(e);
      d.connectionsByScenario.added(e);
      return { type: 'connection.remove', id: e.id };
    }
    case 'connection.update': {
      const slot = d.connections.slotOf(op.id);
      if (slot < 0) throw new Refusal(missing('connection', op.id));
      const old = d.connections.at(slot);
      const { attributes, ...rest } = op.changes;
      const { next, previous }: { next: Connection; previous: ConnectionChanges } = patch(old, rest);
      if (rest.sourceId !== undefined || rest.targetId !== undefined) refuse(endpointsProblem(next, d));
      const name = connectionName(next, d);
      if (next.kind !== old.kind) {
        // A new kind may carry other attributes and defaults: keep what the user set, default the rest.
        const base = defaultConnectionAttributes(next.kind);
        const oldDefaults = defaultConnectionAttributes(old.kind);
        for (const key of Object.keys(base)) {
          const kept = old.attributes[key];
          if (kept !== undefined && !sameValue(kept, oldDefaults[key])) base[key] = kept;
        }
        const bag = { ...base, ...attributes };
        refuse(attributesMessage(name, connectionAttributeProblems(next.kind, bag, true)));
        next.attributes = bag;
        previous.attributes = old.attributes;
      } else if (attributes !== undefined) {
        refuse(attributesMessage(name, connectionAttributeProblems(old.kind, attributes, false)));
        const bags = patchAttributes(old.attributes, attributes);
        next.attributes = bags.next;
        previous.attributes = bags.previous;
      }
      d.connections.replace(slot, next);
      d.connectionsByComponent.removed(old);
      d.connectionsByComponent.added(next);
      return { type: 'connection.update', id: op.id, changes: previous };
    }
    case 'connection.remove': {
      const slot = d.connections.slotOf(op.id);
      if (slot < 0) throw new Refusal(missing('connection', op.id));
      const e = d.connections.at(slot);
      d.connections.remove(slot);
      d.connectionsByComponent.removed(e);
      d.connectionsByScenario.removed(e);
      return { type: 'connection.add', connection: e };
    }
    case 'scenario.add': {
      const s = op.scenario;
      const taken = d.scenarios.get(s.id);
      if (taken)
        refuse(`Cannot add scenario ${q(s.name)}: the id ${s.id} is already used by ${q(taken.name)}.`);
      d.scenarios.add(s);
      return { type: 'scenario.remove', id: s.id };
    }
    case 'scenario.update': {
      const slot = d.scenarios.slotOf(op.id);
      if (slot < 0) throw new Refusal(missing('scenario', op.id));
      const { next, previous } = patch(d.scenarios.at(slot), op.changes);
      d.scenarios.replace(slot, next);
      return { type: 'scenario.update', id: op.id, changes: previous };
    }
    case 'scenario.remove': {
      const slot = d.scenarios.slotOf(op.id);
      if (slot < 0) throw new Refusal(missing('scenario', op.id));
      const s = d.scenarios.at(slot);
      const why = `Cannot remove scenario ${q(s.name)}`;
      if (d.scenarios.size === 1) refuse(`${why}: a design keeps at least one scenario.`);
      const contents = [
        [d.componentsByScenario.count(s.id), 'component'],
        [d.connectionsByScenario.count(s.id), 'connection'],
        [d.journeysByScenario.count(s.id), 'journey'],
      ] as const;
      const left = contents.filter(([n]) => n > 0).map(([n, word]) => plural(n, word));
      if (left.length > 0) refuse(`${why}: it still has ${left.join(', ')}.`);
      d.scenarios.remove(slot);
      return { type: 'scenario.add', scenario: s };
    }
    case 'journey.add': {
      const j = op.journey;
      const taken = d.journeys.get(j.id);
      if (taken)
        refuse(`Cannot add journey ${q(j.name)}: the id ${j.id} is already used by ${q(taken.name)}.`);
      refuse(scenarioProblem(`Journey ${q(j.name)}`, j.scenarioId, d));
      refuse(journeyEntryProblem(j, d));
      d.journeys.add(j);
      d.journeysByEntry.added(j);
      d.journeysByScenario.added(j);
      return { type: 'journey.remove', id: j.id };
    }
    case 'journey.update': {
      const slot = d.journeys.slotOf(op.id);
      if (slot < 0) throw new Refusal(missing('journey', op.id));
      const old = d.journeys.at(slot);
      const { next, previous } = patch(old, op.changes);
      if (op.changes.entryId !== undefined) refuse(journeyEntryProblem(next, d));
      d.journeys.replace(slot, next);
      d.journeysByEntry.removed(old);
      d.journeysByEntry.added(next);
      return { type: 'journey.update', id: op.id, changes: previous };
    }
    case 'journey.remove': {
      const slot = d.journeys.slotOf(op.id);
      if (slot < 0) throw new Refusal(missing('journey', op.id));
      const j = d.journeys.at(slot);
      d.journeys.remove(slot);
      d.journeysByEntry.removed(j);
      d.journeysByScenario.removed(j);
      return { type: 'journey.add', journey: j };
    }
    case 'decision.add': {
      if (d.decisions.get(op.decision.id)) {
        refuse(`Cannot add decision ${q(op.decision.title)}: the id ${op.decision.id} is already used.`);
      }
      d.decisions.add(op.decision);
      return { type: 'decision.remove', id: op.decision.id };
    }
    case 'decision.update': {
      const slot = d.decisions.slotOf(op.id);
      if (slot < 0) throw new Refusal(missing('decision', op.id));
      const { next, previous } = patch(d.decisions.at(slot), op.changes);
      d.decisions.replace(slot, next);
      return { type: 'decision.update', id: op.id, changes: previous };
    }
    case 'decision.remove': {
      const slot = d.decisions.slotOf(op.id);
      if (slot < 0) throw new Refusal(missing('decision', op.id));
      const decision = d.decisions.at(slot);
      d.decisions.remove(slot);
      return { type: 'decision.add', decision };
    }
    case 'risk.add': {
      const r = op.risk;
      if (d.risks.get(r.id))
        refuse(`Cannot record the decision on ${r.findingId}: the id ${r.id} is already used.`);
      if (d.risksByFinding.count(r.findingId) > 0) {
        refuse(`Finding ${r.findingId} already has a recorded decision; change that one instead.`);
      }
      d.risks.add(r);
      d.risksByFinding.added(r);
      return { type: 'risk.remove', id: r.id };
    }
    case 'risk.update': {
      const slot = d.risks.slotOf(op.id);
      if (slot < 0) throw new Refusal(missing('risk entry', op.id));
      const { next, previous } = patch(d.risks.at(slot), op.changes);
      d.risks.replace(slot, next);
      return { type: 'risk.update', id: op.id, changes: previous };
    }
    case 'risk.remove': {
      const slot = d.risks.slotOf(op.id);
      if (slot < 0) throw new Refusal(missing('risk entry', op.id));
      const risk = d.risks.at(slot);
      d.risks.remove(slot);
      d.risksByFinding.removed(risk);
      return { type: 'risk.add', risk };
    }
    case 'snapshot.add': {
      const n = op.snapshot;
      if (d.snapshots.get(n.id)) refuse(`Cannot add snapshot ${q(n.name)}: the id ${n.id} is already used.`);
      d.snapshots.add(n);
      return { type: 'snapshot.remove', id: n.id };
    }
    case 'snapshot.update': {
      const slot = d.snapshots.slotOf(op.id);
      if (slot < 0) throw new Refusal(missing('snapshot', op.id));
      const { next, previous } = patch(d.snapshots.at(slot), op.changes);
      d.snapshots.replace(slot, next);
      return { type: 'snapshot.update', id: op.id, changes: previous };
    }
    case 'snapshot.remove': {
      const slot = d.snapshots.slotOf(op.id);
      if (slot < 0) throw new Refusal(missing('snapshot', op.id));
      const snapshot = d.snapshots.at(slot);
      d.snapshots.remove(slot);
      return { type: 'snapshot.add', snapshot };
    }
    case 'meta.update': {
      const { next, previous } = patch(d.meta, op.changes);
      d.meta = next;
      return { type: 'meta.update', changes: previous };
    }
  }
}

/**
 * Applies `ops` in order, all or nothing. Returns the new design (the input is untouched; entities and
 * collections that did not change keep their identity) and the inverse operations, in the order that undoes
 * them. Throws OperationError(message, index) on the first operation the design refuses.
 */
export function applyOperations(design: Design, ops: readonly Operation[]): ApplyResult {
  if (ops.length === 0) return { design, inverse: [] };
  const draft = new Draft(design);
  const inverse: Operation[] = new Array<Operation>(ops.length);
  for (let i = 0; i < ops.length; i++) {
    try {
      const parsed = parseOperation(ops[i] as Operation);
      if ('error' in parsed) throw new Refusal(parsed.error);
      inverse[ops.length - 1 - i] = applyOne(draft, parsed.op);
    } catch (error) {
      if (error instanceof Refusal) throw new OperationError(error.message, i);
      throw error;
    }
  }
  return { design: draft.result(design), inverse };
}
