import fc from 'fast-check';
import { applyOperations } from '../apply.ts';
import type { AttrValue } from '../attributes.ts';
import type { AttrSpec } from '../catalog/index.ts';
import { COMPONENT_KINDS, CONNECTION_KINDS, getConnectionKindSpec, getKindSpec } from '../catalog/index.ts';
import { changeConnectionKindOps, removeElementsOps } from '../commands.ts';
import type { Component, Design } from '../document.ts';
import { createComponent, createConnection, createJourney } from '../factory.ts';
import { isBoundaryKind } from '../integrity.ts';
import type { Operation } from '../operations.ts';
import { OperationError } from '../operations.ts';

/*
 * Random valid edit sequences for property tests. fast-check draws abstract actions (numbers); they are
 * turned into operations against the design as it is at that point, so every operation is valid.
 */

/** One abstract edit: which action, and numbers that pick targets and values. */
export interface EditAction {
  readonly action: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

/** fast-check arbitrary for a list of abstract edits. */
export function editActions(maxLength = 30): fc.Arbitrary<EditAction[]> {
  const action = fc.record({ action: fc.nat(10), a: fc.nat(10_000), b: fc.nat(10_000), c: fc.nat(10_000) });
  return fc.array(action, { maxLength });
}

function at<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/** A value `spec` accepts, chosen by `n`. */
export function validValue(spec: AttrSpec, n: number): AttrValue {
  if (spec.optional && n % 5 === 0) return null;
  switch (spec.type) {
    case 'number':
    case 'integer': {
      const low = spec.min ?? 0;
      const high = spec.max ?? low + 1000;
      const value = low + ((high - low) * (n % 101)) / 100;
      return spec.type === 'integer' ? Math.floor(value) : value;
    }
    case 'boolean':
      return n % 2 === 0;
    case 'enum':
      return at(spec.values ?? [], n) ?? null;
    case 'set':
      return (spec.values ?? []).slice(0, n % ((spec.values?.length ?? 0) + 1));
    case 'string':
      return `text ${n}`;
  }
}

function nodesOf(design: Design): Component[] {
  return design.components.filter((c) => !isBoundaryKind(c.kind));
}

/** The operations of one abstract edit against `design` (empty when the edit has nothing to act on). */
export function editOps(design: Design, edit: EditAction): Operation[] {
  const scenarioId = design.scenarios[0]!.id;
  const nodes = nodesOf(design);
  const boundaries = design.components.filter((c) => isBoundaryKind(c.kind));
  const { a, b, c } = edit;
  switch (edit.action) {
    case 0: {
      const kind = COMPONENT_KINDS[a % COMPONENT_KINDS.length]!;
      const parent = b % 2 === 0 ? at(boundaries, c) : undefined;
      const component = createComponent({
        scenarioId,
        kind,
        position: { x: b, y: c },
        parentId: parent?.id ?? null,
      });
      return [{ type: 'component.add', component }];
    }
    case 1: {
      const target = at(nodes, a);
      if (!target) return [];
      if (b % 3 === 0)
        return [{ type: 'component.update', id: target.id, changes: { position: { x: b, y: -c } } }];
      if (b % 3 === 1) {
        return [
          {
            type: 'component.update',
            id: target.id,
            changes: { parentId: at(boundaries, c)?.id ?? null, name: `N${c}` },
          },
        ];
      }
      const spec = at(getKindSpec(target.kind).attributes, c)!;
      return [
        {
          type: 'component.update',
          id: target.id,
          changes: { attributes: { [spec.key]: validValue(spec, b) } },
        },
      ];
    }
    case 2: {
      const target = at(design.components, a);
      if (!target) return [];
      return removeElementsOps(design, { componentIds: [target.id], connectionIds: [] });
    }
    case 3:
    case 4: {
      const source = at(nodes, a);
      const target = at(nodes, b);
      if (!source || !target || source.id === target.id) return [];
      const kind = CONNECTION_KINDS[c % CONNECTION_KINDS.length]!;
      return [
        {
          type: 'connection.add',
          connection: createConnection({ scenarioId, sourceId: source.id, targetId: target.id, kind }),
        },
      ];
    }
    case 5: {
      const e = at(design.connections, a);
      if (!e) return [];
      if (b % 3 === 0)
        return changeConnectionKindOps(design, e.id, CONNECTION_KINDS[c % CONNECTION_KINDS.length]!);
      if (b % 3 === 1) {
        const target = at(nodes, c);
        if (!target || target.id === e.sourceId) return [];
        return [{ type: 'connection.update', id: e.id, changes: { targetId: target.id } }];
      }
      const spec = at(getConnectionKindSpec(e.kind).attributes, c)!;
      return [
        { type: 'connection.update', id: e.id, changes: { attributes: { [spec.key]: validValue(spec, b) } } },
      ];
    }
    case 6: {
      const e = at(design.connections, a);
      return e ? removeElementsOps(design, { componentIds: [], connectionIds: [e.id] }) : [];
    }
    case 7: {
      const entry = at(nodes, a);
      if (!entry) return [];
      return [
        {
          type: 'journey.add',
          journey: createJourney({ scenarioId, name: `Journey ${b}`, entryId: entry.id, avgRps: c }),
        },
      ];
    }
    case 8: {
      const j = at(design.journeys, a);
      if (!j) return [];
      const entry = at(nodes, b);
      const tier = ((c % 3) + 1) as 1 | 2 | 3;
      return [
        {
          type: 'journey.update',
          id: j.id,
          changes: { tier, ...(entry && c % 2 === 0 ? { entryId: entry.id } : {}) },
        },
      ];
    }
    case 9: {
      const j = at(design.journeys, a);
      return j ? [{ type: 'journey.remove', id: j.id }] : [];
    }
    default:
      return [{ type: 'meta.update', changes: { description: `Edited ${a}` } }];
  }
}

/** Turns abstract edits into a valid operation list, applying each as it goes; returns the ops and the end state. */
export function realizeEdits(
  design: Design,
  edits: readonly EditAction[],
): { ops: Operation[]; design: Design } {
  const ops: Operation[] = [];
  let current = design;
  for (const edit of edits) {
    let next: Operation[];
    try {
      next = editOps(current, edit);
    } catch (error) {
      // A gesture the design refuses (a kind change that would close a sync cycle) is no edit.
      if (error instanceof OperationError) continue;
      throw error;
    }
    if (next.length === 0) continue;
    current = applyOperations(current, next).design;
    ops.push(...next);
  }
  return { ops, design: current };
}
