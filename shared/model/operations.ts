import { z } from 'zod';
import { attributesSchema } from './attributes.ts';
import {
  componentSchema,
  connectionKindSchema,
  connectionSchema,
  decisionSchema,
  journeySchema,
  metaSchema,
  positionSchema,
  riskSchema,
  scenarioSchema,
  sizeSchema,
  snapshotSchema,
} from './document.ts';
import { idSchema } from './ids.ts';

/*
 * Edit operations: the only way a design changes. Each is small, serialisable and has an inverse
 * computed against the design it applies to (see apply.ts). Updates carry only the fields that change;
 * `attributes` in an update is a patch: listed keys are set, others keep their value.
 */

const componentChangesSchema = z
  .object({
    name: componentSchema.shape.name,
    parentId: idSchema.nullable(),
    position: positionSchema,
    size: sizeSchema.nullable(),
    attributes: attributesSchema,
  })
  .partial()
  .strict();

const connectionChangesSchema = z
  .object({
    kind: connectionKindSchema,
    sourceId: idSchema,
    targetId: idSchema,
    attributes: attributesSchema,
  })
  .partial()
  .strict();

const scenarioChangesSchema = scenarioSchema.omit({ id: true }).partial().strict();
const journeyChangesSchema = journeySchema.omit({ id: true, scenarioId: true }).partial().strict();
const decisionChangesSchema = decisionSchema.omit({ id: true }).partial().strict();
const riskChangesSchema = riskSchema.omit({ id: true, findingId: true }).partial().strict();
const snapshotChangesSchema = snapshotSchema.pick({ name: true, note: true }).partial().strict();
const metaChangesSchema = metaSchema.omit({ id: true, createdAt: true }).partial().strict();

export const operationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('component.add'), component: componentSchema }),
  z.object({ type: z.literal('component.update'), id: idSchema, changes: componentChangesSchema }),
  z.object({ type: z.literal('component.remove'), id: idSchema }),
  z.object({ type: z.literal('connection.add'), connection: connectionSchema }),
  z.object({ type: z.literal('connection.update'), id: idSchema, changes: connectionChangesSchema }),
  z.object({ type: z.literal('connection.remove'), id: idSchema }),
  z.object({ type: z.literal('scenario.add'), scenario: scenarioSchema }),
  z.object({ type: z.literal('scenario.update'), id: idSchema, changes: scenarioChangesSchema }),
  z.object({ type: z.literal('scenario.remove'), id: idSchema }),
  z.object({ type: z.literal('journey.add'), journey: journeySchema }),
  z.object({ type: z.literal('journey.update'), id: idSchema, changes: journeyChangesSchema }),
  z.object({ type: z.literal('journey.remove'), id: idSchema }),
  z.object({ type: z.literal('decision.add'), decision: decisionSchema }),
  z.object({ type: z.literal('decision.update'), id: idSchema, changes: decisionChangesSchema }),
  z.object({ type: z.literal('decision.remove'), id: idSchema }),
  z.object({ type: z.literal('risk.add'), risk: riskSchema }),
  z.object({ type: z.literal('risk.update'), id: idSchema, changes: riskChangesSchema }),
  z.object({ type: z.literal('risk.remove'), id: idSchema }),
  z.object({ type: z.literal('snapshot.add'), snapshot: snapshotSchema }),
  z.object({ type: z.literal('snapshot.update'), id: idSchema, changes: snapshotChangesSchema }),
  z.object({ type: z.literal('snapshot.remove'), id: idSchema }),
  z.object({ type: z.literal('meta.update'), changes: metaChangesSchema }),
]);

export type Operation = z.infer<typeof operationSchema>;
export type OperationType = Operation['type'];
export type ComponentChanges = z.infer<typeof componentChangesSchema>;
export type ConnectionChanges = z.infer<typeof connectionChangesSchema>;

/** At most this many operations in one apply: a paste or a template is far below it. */
export const MAX_OPERATIONS_PER_APPLY = 50_000;
export const operationListSchema = z.array(operationSchema).min(1).max(MAX_OPERATIONS_PER_APPLY);

/** An operation the design refuses, with the reason a user can read and the index of the operation. */
export class OperationError extends Error {
  readonly index: number;
  constructor(message: string, index: number) {
    super(message);
    this.name = 'OperationError';
    this.index = index;
  }
}
