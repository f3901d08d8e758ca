import type { Attributes } from '../attributes.ts';
import { connectionKindSpecs } from './connections.ts';
import { kindSpecs } from './kinds.ts';
import type { ComponentKind, ConnectionKind, ConnectionKindSpec, KindSpec } from './types.ts';
import { attributeProblems, defaultsOf, type AttributeProblem } from './validate.ts';

export * from './types.ts';

/**
 * The catalog's version: bumped whenever the catalog gains attributes. A design records the version it was
 * written with, so an older build can tell "a newer catalog's attribute" from damage (validate.ts).
 * 1: the first catalog; 2: availability scope, replicas needed, fan-out mode and payload size (groups and
 * fallback primaries moved out of connection attributes).
 */
export const CATALOG_VERSION = 2;
export { attributeError, attributeProblems, defaultsOf } from './validate.ts';
export type { AttributeProblem } from './validate.ts';
export {
  catalogAttrType,
  readBoolean,
  readEnum,
  readInteger,
  readNumber,
  readSet,
  readString,
} from './readers.ts';
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

/**
 * Problems of a component's attribute bag (`complete`: every attribute of the kind must be there;
 * `keepUnknown`: keys this catalog does not know are a newer catalog's and are kept, not refused).
 */
export function componentAttributeProblems(
  kind: ComponentKind,
  attributes: Attributes,
  complete: boolean,
  keepUnknown = false,
): AttributeProblem[] {
  const spec = getKindSpec(kind);
  return attributeProblems(spec.attributes, attributes, {
    complete,
    owner: `${spec.label} components`,
    keepUnknown,
  });
}

/** Problems of a connection's attribute bag (see componentAttributeProblems). */
export function connectionAttributeProblems(
  kind: ConnectionKind,
  attributes: Attributes,
  complete: boolean,
  keepUnknown = false,
): AttributeProblem[] {
  const spec = getConnectionKindSpec(kind);
  return attributeProblems(spec.attributes, attributes, {
    complete,
    owner: `${spec.label} connections`,
    keepUnknown,
  });
}

/** True when a design written with catalog `version` may carry attributes this build does not know. */
export function isNewerCatalog(version: number): boolean {
  return version > CATALOG_VERSION;
}
