import {
  CONNECTION_KINDS,
  ALL_KINDS,
  defaultAttributes,
  defaultConnectionAttributes,
} from './catalog/index.ts';
import type { ComponentKind, ConnectionKind } from './catalog/index.ts';
import { CATALOG_VERSION } from './catalog/index.ts';
import { FORMAT_VERSION } from './document.ts';
import { upgradeFormat1To2 } from './upgrade-format2.ts';

/*
 * Reading designs written by older versions: a chain of upgrade steps, one per format version, each turning a
 * raw format-N object into a raw format-(N+1) object. Steps work on plain JSON (never on typed Designs: the
 * types only describe the current format). After the chain, attributes the catalog has gained since the file
 * was written are filled with their defaults, so growing the catalog never makes an old file invalid.
 */

/** Why a file cannot be read as a design. */
export type DesignFormatErrorCode = 'malformed-json' | 'not-a-design' | 'newer-version' | 'invalid';

/** A file that is not a design this version can open, with a message a user can read. */
export class DesignFormatError extends Error {
  readonly code: DesignFormatErrorCode;
  /** Every problem found (for 'invalid'), the first of which is in the message. */
  readonly problems: readonly string[];
  constructor(code: DesignFormatErrorCode, message: string, problems: readonly string[] = []) {
    super(message);
    this.name = 'DesignFormatError';
    this.code = code;
    this.problems = problems;
  }
}

type RawObject = Record<string, unknown>;

/**
 * One step: a raw design of format `from` in, a raw design of format `from + 1` out (formatVersion is set for
 * it). Judgement calls the user should check go to `notes`, in words they can act on.
 */
export type UpgradeStep = (raw: RawObject, notes: string[]) => RawObject;
/** Upgrade steps keyed by the format version they upgrade from. */
export type UpgradeTable = Readonly<Record<number, UpgradeStep>>;

/** The upgrade chain: format 1 (explicit request paths came with 2). */
export const defaultUpgrades: UpgradeTable = { 1: upgradeFormat1To2 };

function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a JSON array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

const componentKinds: ReadonlySet<string> = new Set(ALL_KINDS);
const connectionKinds: ReadonlySet<string> = new Set(CONNECTION_KINDS);

/** Adds the missing attributes of each entity whose kind the catalog knows; leaves anything odd to the schema. */
function fillAttributes(list: unknown, defaultsFor: (kind: string) => RawObject | null): unknown {
  if (!Array.isArray(list)) return list;
  let changed = false;
  const filled = list.map((entity: unknown) => {
    if (!isObject(entity) || typeof entity.kind !== 'string' || !isObject(entity.attributes)) return entity;
    const defaults = defaultsFor(entity.kind);
    if (!defaults) return entity;
    const attributes = entity.attributes;
    const missing = Object.keys(defaults).filter((key) => !(key in attributes));
    if (missing.length === 0) return entity;
    changed = true;
    const bag: RawObject = { ...attributes };
    for (const key of missing) bag[key] = defaults[key];
    return { ...entity, attributes: bag };
  });
  return changed ? filled : list;
}

/**
 * Brings a raw design (parsed JSON) up to FORMAT_VERSION: runs the upgrade steps from the file's format on,
 * then fills attributes the catalog gained. Throws DesignFormatError ('not-a-design', 'newer-version').
 * Notes for the user about judgement calls of the upgrade go to `notes`. The result is still unchecked:
 * parse it with designSchema.
 */
export function upgradeDesign(
  raw: unknown,
  upgrades: UpgradeTable = defaultUpgrades,
  notes: string[] = [],
): unknown {
  if (!isObject(raw)) {
    throw new DesignFormatError(
      'not-a-design',
      `This is not an MLArch design: the file holds ${describe(raw)}, not an object.`,
    );
  }
  const version = raw.formatVersion;
  if (version === undefined) {
    throw new DesignFormatError('not-a-design', 'This is not an MLArch design: it has no "formatVersion".');
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new DesignFormatError(
      'not-a-design',
      `This is not an MLArch design: its "formatVersion" is ${JSON.stringify(version)}, not a format number.`,
    );
  }
  if (version > FORMAT_VERSION) {
    throw new DesignFormatError(
      'newer-version',
      `This design was saved by a newer version of MLArch Studio (format ${version}; this version reads up to ` +
        `${FORMAT_VERSION}). Update MLArch Studio to open it.`,
    );
  }
  let current: RawObject = raw;
  for (let from = version; from < FORMAT_VERSION; from++) {
    const step = upgrades[from];
    if (!step) {
      throw new DesignFormatError(
        'not-a-design',
        `This is not an MLArch design this version can read: no upgrade exists from format ${from}.`,
      );
    }
    current = { ...step(current, notes), formatVersion: from + 1 };
  }
  // A design written with an older catalog (or before catalogs were versioned) gets this catalog's new
  // attributes below and is then of this catalog's version; a newer one keeps its number (see validate.ts).
  const catalogVersion =
    typeof current.catalogVersion === 'number' && current.catalogVersion > CATALOG_VERSION
      ? current.catalogVersion
      : CATALOG_VERSION;
  const components = fillAttributes(current.components, (kind) =>
    componentKinds.has(kind) ? defaultAttributes(kind as ComponentKind) : null,
  );
  const connections = fillAttributes(current.connections, (kind) =>
    connectionKinds.has(kind) ? defaultConnectionAttributes(kind as ConnectionKind) : null,
  );
  if (
    components === current.components &&
    connections === current.connections &&
    catalogVersion === current.catalogVersion
  )
    return current;
  return { ...current, catalogVersion, components, connections };
}
