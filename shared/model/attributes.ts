import { z } from 'zod';

/** One attribute value. `null` means "unknown": rules treat it pessimistically. */
export const attrValueSchema = z.union([z.number(), z.string(), z.boolean(), z.array(z.string()), z.null()]);
export type AttrValue = z.infer<typeof attrValueSchema>;

/** A component's or connection's attribute bag, keyed by catalog attribute key. */
export const attributesSchema = z.record(z.string(), attrValueSchema);
export type Attributes = z.infer<typeof attributesSchema>;
