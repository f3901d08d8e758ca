import type { Attributes } from './attributes.ts';
import { readBoolean, readInteger } from './catalog/readers.ts';

/**
 * How many replicas of a component the user set up: a fixed count, or under autoscaling a range. How many
 * are provisioned within the range depends on traffic (DOMAIN.md §2.2:
 * max(min_replicas, ⌈calls × peak_rps / (capacity × 0.7)⌉)), which is the cost analysis's business.
 */
export type ReplicaSettings =
  | { readonly mode: 'fixed'; readonly count: number }
  | { readonly mode: 'autoscaling'; readonly min: number; readonly max: number };

/** A component's replica settings (counts of instances); null for a kind without replicas or unknown values. */
export function replicaSettings(attributes: Attributes): ReplicaSettings | null {
  if (readBoolean(attributes, 'autoscaling') === true) {
    const min = readInteger(attributes, 'min_replicas');
    const max = readInteger(attributes, 'max_replicas');
    return min === null || max === null ? null : { mode: 'autoscaling', min, max };
  }
  const count = readInteger(attributes, 'replicas');
  return count === null ? null : { mode: 'fixed', count };
}
