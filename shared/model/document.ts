import { z } from 'zod';
import { attributesSchema } from './attributes.ts';
import { idSchema } from './ids.ts';
import { ALL_KINDS, CONNECTION_KINDS, DATA_CLASSES } from './catalog/types.ts';
import {
  coordinateSchema,
  dateSchema,
  extentSchema,
  nameSchema,
  textOf,
  textSchema,
  timestampSchema,
  viewportOffsetSchema,
  wellFormed,
  zoomSchema,
} from './scalars.ts';

/** The document format this build writes. Older formats are upgraded on read (see upgrade.ts). */
export const FORMAT_VERSION = 2;

const finite = z.number().finite();

export const componentKindSchema = z.enum(ALL_KINDS);
export const connectionKindSchema = z.enum(CONNECTION_KINDS);
export const dataClassSchema = z.enum(DATA_CLASSES);

export const positionSchema = z.object({ x: coordinateSchema, y: coordinateSchema });
export const sizeSchema = z.object({ width: extentSchema, height: extentSchema });
export const viewportSchema = z.object({
  x: viewportOffsetSchema,
  y: viewportOffsetSchema,
  zoom: zoomSchema,
});

export const scenarioSchema = z.object({
  id: idSchema,
  name: nameSchema,
  description: textSchema,
  /** The canvas viewport last saved for this scenario; null until the user pans or zooms. */
  viewport: viewportSchema.nullable(),
});

export const componentSchema = z.object({
  id: idSchema,
  scenarioId: idSchema,
  kind: componentKindSchema,
  name: nameSchema,
  /** The boundary (region, trust boundary, environment, team) this component sits in, or null. */
  parentId: idSchema.nullable(),
  /** Top-left corner in canvas units, relative to the parent boundary when there is one. */
  position: positionSchema,
  /** Explicit size (boundaries, resized nodes); null means the kind's natural size. */
  size: sizeSchema.nullable(),
  attributes: attributesSchema,
});

export const connectionSchema = z.object({
  id: idSchema,
  scenarioId: idSchema,
  kind: connectionKindSchema,
  sourceId: idSchema,
  targetId: idSchema,
  /** The group (exclusive choice or parallel step) this connection is a member of, or null. */
  groupId: idSchema.nullable(),
  /** For a fallback: the connection it backs up (same source); null when it names none yet. */
  primaryId: idSchema.nullable(),
  attributes: attributesSchema,
});

/**
 * Sibling connections out of one component that form one step of a request (DOMAIN.md §2.0): an exclusive
 * choice (exactly one member is taken, by the members' probabilities, which sum to 1: an A/B split, hit or
 * miss) or a parallel step (the members run at once and join as all, any, or k of n). The group's settings are
 * stored here once, not on each member.
 */
export const connectionGroupSchema = z.object({
  id: idSchema,
  scenarioId: idSchema,
  /** The component every member leaves from. */
  sourceId: idSchema,
  name: nameSchema,
  type: z.enum(['exclusive', 'parallel']),
  /** How a parallel group completes; null for an exclusive group. */
  join: z.enum(['all', 'any', 'k-of-n']).nullable(),
  /** Members that must answer when the join is k-of-n; null otherwise. */
  joinK: z.number().int().min(1).max(1000).nullable(),
});

export const journeySchema = z.object({
  id: idSchema,
  scenarioId: idSchema,
  name: nameSchema,
  description: textSchema,
  /** The entry component: a client app or an API gateway marked entry. */
  entryId: idSchema,
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  avgRps: finite.nonnegative(),
  peakRps: finite.nonnegative(),
  p95SloMs: finite.positive().nullable(),
  p99SloMs: finite.positive().nullable(),
  /** Availability objective as a fraction, e.g. 0.999. */
  availabilitySlo: z.number().gt(0).lt(1).nullable(),
  /**
   * The connections this journey traverses. null: the default route, everything reachable from the entry over
   * sync connections plus the events and data flows they set off (it follows edits of the design); a list: the
   * route the user chose (e.g. /predict and /search from one gateway).
   */
  route: z.array(idSchema).max(100_000).nullable(),
});

export const decisionOptionSchema = z.object({
  name: nameSchema,
  description: textSchema,
  pros: z.array(textSchema),
  cons: z.array(textSchema),
  /** The scenario that models this option, when there is one. */
  scenarioId: idSchema.nullable(),
});

/** An architecture decision record, shaped after MADR 4. */
export const decisionSchema = z.object({
  id: idSchema,
  title: nameSchema,
  status: z.enum(['proposed', 'accepted', 'rejected', 'deprecated', 'superseded']),
  date: dateSchema,
  deciders: z.array(textOf(200)),
  context: textSchema,
  drivers: z.array(textSchema),
  options: z.array(decisionOptionSchema),
  chosenOption: textOf(200).nullable(),
  rationale: textSchema,
  consequences: textSchema,
  supersededBy: idSchema.nullable(),
});

/** What the team decided about one finding; `findingId` is `ruleId@targetId`, stable across edits. */
export const riskSchema = z.object({
  id: idSchema,
  findingId: z.string().regex(/^[a-z0-9-]+@[A-Za-z0-9_-]+$/, 'A finding id is ruleId@targetId.'),
  status: z.enum(['open', 'accepted', 'mitigated', 'false-positive']),
  justification: textSchema,
  owner: textOf(200),
  decidedAt: timestampSchema,
  reviewBy: dateSchema.nullable(),
});

/** A named, frozen copy of the design (its canonical JSON, without snapshots) for diff and audit. */
export const snapshotSchema = z.object({
  id: idSchema,
  name: nameSchema,
  note: textSchema,
  createdAt: timestampSchema,
  content: wellFormed(z.string()),
});

/** Metrics a scenario comparison can weigh (each is better when lower, except availability). */
export const COMPARISON_METRICS = [
  'latency-p95',
  'latency-p99',
  'availability',
  'monthly-cost',
  'cost-per-1k',
] as const;
export type ComparisonMetric = (typeof COMPARISON_METRICS)[number];

export const settingsSchema = z.object({
  budget: z.object({
    monthlyUsd: finite.nonnegative().nullable(),
    per1kInferencesUsd: finite.nonnegative().nullable(),
  }),
  policy: z.object({
    /** Regions each data class may be stored or processed in; a class not listed is unrestricted. */
    allowedRegions: z.partialRecord(dataClassSchema, z.array(textOf(100))),
    /** Longest retention allowed per data class, in days. */
    maxRetentionDays: z.partialRecord(dataClassSchema, z.number().int().nonnegative()),
    eeaRegions: z.array(textOf(100)),
  }),
  /** The weighted decision matrix of the Compare view: which metrics count and how much. */
  comparison: z.object({
    criteria: z.array(
      z.object({
        metric: z.enum(COMPARISON_METRICS),
        /** Relative weight, 0 to 100; weights are normalised when scores are combined. */
        weight: z.number().min(0).max(100),
      }),
    ),
  }),
  aiProfile: z.object({
    /** EU AI Act risk tier of the system this design describes. */
    riskTier: z.enum(['unknown', 'minimal', 'limited', 'high', 'prohibited']),
    intendedPurpose: textSchema,
    dpiaDone: z.boolean().nullable(),
  }),
});

export const metaSchema = z.object({
  id: idSchema,
  name: nameSchema,
  description: textSchema,
  createdAt: timestampSchema,
  settings: settingsSchema,
});

export const designSchema = z.object({
  formatVersion: z.literal(FORMAT_VERSION),
  /**
   * The catalog version the design was last written with. A newer one than this build's means a newer build
   * added attributes this one does not know: they are kept as they are (see catalog/validate.ts).
   */
  catalogVersion: z.number().int().min(1),
  meta: metaSchema,
  scenarios: z.array(scenarioSchema).min(1, 'A design has at least one scenario.'),
  components: z.array(componentSchema),
  connections: z.array(connectionSchema),
  groups: z.array(connectionGroupSchema),
  journeys: z.array(journeySchema),
  decisions: z.array(decisionSchema),
  risks: z.array(riskSchema),
  snapshots: z.array(snapshotSchema),
});

export type Position = z.infer<typeof positionSchema>;
export type Size = z.infer<typeof sizeSchema>;
export type Viewport = z.infer<typeof viewportSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type Component = z.infer<typeof componentSchema>;
export type Connection = z.infer<typeof connectionSchema>;
export type ConnectionGroup = z.infer<typeof connectionGroupSchema>;
export type Journey = z.infer<typeof journeySchema>;
export type DecisionOption = z.infer<typeof decisionOptionSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type Risk = z.infer<typeof riskSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type Meta = z.infer<typeof metaSchema>;
export type Design = z.infer<typeof designSchema>;

/** The entity collections of a design, each an array kept in id order (the canonical order). */
export const ENTITY_COLLECTIONS = [
  'scenarios',
  'components',
  'connections',
  'groups',
  'journeys',
  'decisions',
  'risks',
  'snapshots',
] as const;
export type EntityCollection = (typeof ENTITY_COLLECTIONS)[number];
/** The entity type of a collection: EntityOf<'components'> is Component. */
export type EntityOf<K extends EntityCollection> = Design[K][number];

/** Settings of a new design: no budget, no policy, AI risk tier not yet assessed. */
export function defaultSettings(): Settings {
  return {
    budget: { monthlyUsd: null, per1kInferencesUsd: null },
    policy: { allowedRegions: {}, maxRetentionDays: {}, eeaRegions: [] },
    comparison: { criteria: defaultComparisonCriteria() },
    aiProfile: { riskTier: 'unknown', intendedPurpose: '', dpiaDone: null },
  };
}

/** The decision matrix a new design starts with: latency, availability and cost weighed alike. */
export function defaultComparisonCriteria(): Settings['comparison']['criteria'] {
  return [
    { metric: 'latency-p95', weight: 25 },
    { metric: 'availability', weight: 25 },
    { metric: 'monthly-cost', weight: 25 },
    { metric: 'cost-per-1k', weight: 25 },
  ];
}
