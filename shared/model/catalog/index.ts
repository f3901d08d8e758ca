import type { Attributes } from '../attributes.ts';
import { connectionKindSpecs } from './connections.ts';
import { kindSpecs } from './kinds.ts';
import type { ComponentKind, ConnectionKind, ConnectionKindSpec, KindSpec } from './types.ts';
import { attributesErrors, defaultsOf } from './validate.ts';

export * from './types.ts';
export { attributeError, attributesErrors, defaultsOf } from './validate.ts';
export { kindSpecs, connectionKindSpecs };

const kindByName = new Map<ComponentKind, KindSpec>(kindSpecs.map((k) => [k.kind, k]));
const connectionKindByName = new Map<ConnectionKind, ConnectionKindSpec>(
  connectionKindSpecs.map((k) => [k.kind, k]),
);

/** The catalog entry of a component kind. */
export function getKindSpec(kind: ComponentKind): KindSpec {
  const spec = kindByName.get(kind);
  if (!spec) throw new Error(`The catalog has no component kind "${kind}".`);
  return spec;
}

/** The catalog entry of a connection kind. */
export function getConnectionKindSpec(kind: ConnectionKind): ConnectionKindSpec {
  const spec = connectionKindByName.get(kind);
  if (!spec) throw new Error(`The catalog has no connection kind "${kind}".`);
  return spec;
}

/** Every attribute of a new component of `kind`, at its default. */
export function defaultAttributes(kind: ComponentKind): Attributes {
  return defaultsOf(getKindSpec(kind).attributes);
}

/** Every attribute of a new connection of `kind`, at its default. */
export function defaultConnectionAttributes(kind: ConnectionKind): Attributes {
  return defaultsOf(getConnectionKindSpec(kind).attributes);
}

/** Problems of a component's attributes; `complete` demands every attribute of the kind. */
export function componentAttributesErrors(
  kind: ComponentKind,
  attributes: Attributes,
  complete: boolean,
): string[] {
  const spec = getKindSpec(kind);
  return attributesErrors(spec.attributes, attributes, { complete, owner: spec.label });
}

/** Problems of a connection's attributes; `complete` demands every attribute of the kind. */
export function connectionAttributesErrors(
  kind: ConnectionKind,
  attributes: Attributes,
  complete: boolean,
): string[] {
  const spec = getConnectionKindSpec(kind);
  return attributesErrors(spec.attributes, attributes, { complete, owner: `${spec.label} connection` });
}
