import type { AttrValue } from '../../../shared/model/attributes.ts';
import type { AttrSpec, ConnectionKind } from '../../../shared/model/catalog/types.ts';
import type { Design } from '../../../shared/model/document.ts';
import type { Operation } from '../../../shared/model/operations.ts';

/** The element whose attribute the inspector edits. */
export interface AttributeOwner {
  readonly type: 'component' | 'connection';
  readonly id: string;
}

/** True when two values are the same (sets compared in order: the inspector keeps catalog order). */
export function sameAttrValue(a: AttrValue | undefined, b: AttrValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * The one operation that sets an attribute of a component or connection, or none when the element is
 * gone or already holds that value (an unchanged field is not an edit and leaves no undo step).
 */
export function attributeEditOps(
  design: Design,
  owner: AttributeOwner,
  spec: AttrSpec,
  value: AttrValue,
): Operation[] {
  const element =
    owner.type === 'component'
      ? design.components.find((c) => c.id === owner.id)
      : design.connections.find((c) => c.id === owner.id);
  if (!element || sameAttrValue(element.attributes[spec.key], value)) return [];
  const changes = { attributes: { [spec.key]: value } };
  return owner.type === 'component'
    ? [{ type: 'component.update', id: owner.id, changes }]
    : [{ type: 'connection.update', id: owner.id, changes }];
}

/** Changes a connection's kind; the model rebuilds its attributes for the new kind. */
export function connectionKindOps(design: Design, id: string, kind: ConnectionKind): Operation[] {
  const connection = design.connections.find((c) => c.id === id);
  if (!connection || connection.kind === kind) return [];
  return [{ type: 'connection.update', id, changes: { kind } }];
}
